import type { CentersResponse, Specialty } from '../../../../api/miniapp/contract';
import { Choice, ErrorView, Loading } from '../../components/ui';
import type { Resource } from '../../lib/api';
import { useI18n } from '../../lib/i18n';

/** Which duty doctor: one choice per specialty of the catalogue. */
export function SpecialtyStep({ centers, choose }: { centers: Resource<CentersResponse>; choose: (specialty: Specialty) => void }) {
  const { t } = useI18n();
  if (centers.error && !centers.data) return <ErrorView error={centers.error} retry={centers.reload} />;
  if (!centers.data) return <Loading />;
  const { specialties } = centers.data;
  const shared = sameTopics(centers.data);
  return (
    <>
      {shared && <p className="hint">{t('duty-topics', { topics: lowerFirst(specialties[0]!.topics) })}</p>}
      <div className="list">
        {specialties.map((s) => (
          <Choice key={s.code} title={s.name} detail={shared ? undefined : s.topics} onClick={() => choose(s.code)} />
        ))}
      </div>
    </>
  );
}

/** "Нарушения ритма" read inside a sentence: "…на вопросы: нарушения ритма". */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The catalogue gives every specialty the same topics today: then they are said once, above the list. */
function sameTopics(c: CentersResponse): boolean {
  return c.specialties.length > 0 && c.specialties.every((s) => s.topics === c.specialties[0]!.topics);
}
