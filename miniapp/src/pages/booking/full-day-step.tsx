import type { Specialty, WaitlistItem } from '../../../../api/miniapp/contract';
import { ErrorView, Notice } from '../../components/ui';
import { useI18n } from '../../lib/i18n';
import type { useWaitlistActions } from '../../lib/waitlist';
import { useRouter } from '../../router';

/**
 * A day with no free time, in booking: a plain explanation and the waitlist. Asked (201, or 200 when already
 * waiting: the same words), it says the bot will write and offers to take it back behind a confirm popup.
 */
export function FullDayStep({
  day,
  specialty,
  listed,
  actions,
  otherDay,
}: {
  day: string;
  specialty: Specialty;
  listed: WaitlistItem | undefined;
  actions: ReturnType<typeof useWaitlistActions>;
  otherDay: () => void;
}) {
  const { t, calendarDay, calendarDate } = useI18n();
  const router = useRouter();
  const { outcome, busy, error } = actions;
  // What was just done here wins over the list, which catches up a moment later.
  const entry =
    outcome?.kind === 'joined' && outcome.entry.date === day && outcome.entry.specialty === specialty ? outcome.entry : outcome?.kind === 'left' || outcome?.kind === 'gone' ? undefined : listed;
  const date = calendarDate(day);

  if (entry) {
    return (
      <>
        <p className="lead">{calendarDay(day)}</p>
        <Notice kind="success">
          <p className="waitlist-joined">{t('waitlist-joined', { date })}</p>
          <p className="hint">{t('waitlist-queue')}</p>
        </Notice>
        {error && <ErrorView error={error} />}
        <div className="stack">
          <button type="button" className="btn btn-primary" onClick={() => router.reset({ name: 'home' })}>
            {t('to-home')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={otherDay}>
            {t('other-day')}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} aria-busy={busy} onClick={() => void actions.leave(entry)}>
            {busy ? t('sending') : t('waitlist-leave')}
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      <p className="lead">{calendarDay(day)}</p>
      {outcome?.kind === 'left' && <Notice kind="success">{t('waitlist-left', { date })}</Notice>}
      {outcome?.kind === 'gone' && <Notice>{t('waitlist-gone')}</Notice>}
      <p>{t('day-full-text')}</p>
      {error && <ErrorView error={error} />}
      <div className="stack">
        <button type="button" className="btn btn-primary" disabled={busy} aria-busy={busy} onClick={() => void actions.join(specialty, day)}>
          {busy ? t('sending') : t('waitlist-join')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={otherDay}>
          {t('other-day')}
        </button>
      </div>
    </>
  );
}
