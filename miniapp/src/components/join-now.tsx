import type { ConsultationItem } from '../../../api/miniapp/contract';
import { useI18n } from '../lib/i18n';
import { useJoin } from '../lib/join';
import { useSession } from '../session';
import { ErrorView, Icon, Notice } from './ui';

/** On home, a consultation whose join window is open: one large button, no digging for it. */
export function JoinNow({ c }: { c: ConsultationItem }) {
  const { t, when } = useI18n();
  const { patient } = useSession();
  const join = useJoin(c, patient.id);
  if (!join.open) return null;
  return (
    <section className="join-now" aria-label={t('join-now-title')}>
      <h2>{t('join-now-title')}</h2>
      <p className="join-now-when">
        {when(c.startsAt, patient.timeZone)} · {c.doctor.name}
      </p>
      <p className="hint">{t('join-how-lobby')}</p>
      <button type="button" className="btn btn-primary btn-join" disabled={join.busy} aria-busy={join.busy} onClick={join.join}>
        {join.busy ? t('join-opening') : <Icon text={c.mode === 'video' ? '🎥' : '📞'} label={t('join')} />}
      </button>
      {join.error && (join.error.code === 'join_not_open' ? <Notice kind="warning">{t('join-not-open')}</Notice> : <ErrorView error={join.error} retry={join.join} />)}
    </section>
  );
}
