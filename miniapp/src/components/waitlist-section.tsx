import { ErrorView, Notice, Section } from './ui';
import { useI18n } from '../lib/i18n';
import { useWaitlist, useWaitlistActions } from '../lib/waitlist';
import { useSession } from '../session';

/** Home: the days the profile waits for a free time, each with a way out (behind Telegram's confirm popup). */
export function WaitlistSection() {
  const { t, calendarDay, calendarDate } = useI18n();
  const { patient } = useSession();
  const list = useWaitlist(patient.id);
  const { leave, busy, error, outcome } = useWaitlistActions(patient.id, list.reload);
  // Just left: hidden at once, before the list comes back without it.
  const leftId = outcome?.kind === 'left' ? outcome.id : undefined;
  const entries = (list.data?.waitlist ?? []).filter((e) => e.id !== leftId);
  if (entries.length === 0 && !outcome && !error) return null;
  return (
    <Section title={t('waitlist-title')}>
      <div className="list">
        {outcome?.kind === 'left' && <Notice kind="success">{t('waitlist-left', { date: calendarDate(outcome.date) })}</Notice>}
        {outcome?.kind === 'gone' && <Notice>{t('waitlist-gone')}</Notice>}
        {error && <ErrorView error={error} />}
        {entries.length > 0 && (
          <ul className="list plain">
            {entries.map((e) => (
              <li key={e.id} className="card card-static waitlist-entry">
                <span className="card-when">{calendarDay(e.date)}</span>
                <span className="card-who">{t('specialty', { specialty: e.specialty })}</span>
                <span className="card-detail">{t('waitlist-entry-text')}</span>
                <button
                  type="button"
                  className="btn btn-danger btn-in-card"
                  disabled={busy}
                  aria-busy={busy}
                  aria-label={`${t('waitlist-leave')}: ${calendarDay(e.date)}`}
                  onClick={() => void leave(e)}
                >
                  {t('waitlist-leave')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
