import type { ConsultationItem } from '../../../api/miniapp/contract';
import { useI18n } from '../lib/i18n';
import { Icon } from './ui';
import { useRouter } from '../router';
import { useSession } from '../session';

/** A consultation in a list: when (largest), who, how, and its state; the whole card opens it. */
export function ConsultationCard({ c }: { c: ConsultationItem }) {
  const { t, when } = useI18n();
  const { patient } = useSession();
  const router = useRouter();
  const who = [c.specialty ? t('specialty', { specialty: c.specialty }) : c.center, c.doctor.name].filter(Boolean).join(' · ');
  return (
    <button type="button" className={`card card-${c.status}`} onClick={() => router.push({ name: 'consultation', id: c.id })}>
      <span className="card-when">{when(c.startsAt, patient.timeZone)}</span>
      <span className="card-who">{who}</span>
      <span className="card-meta">
        <span className={`mode mode-${c.mode}`}>
          <Icon text={c.mode === 'video' ? '🎥' : '📞'} label={t('mode-label', { mode: c.mode })} />
        </span>
        <span className={`badge badge-${c.status}`}>{t('consultation-status', { status: c.status })}</span>
      </span>
    </button>
  );
}
