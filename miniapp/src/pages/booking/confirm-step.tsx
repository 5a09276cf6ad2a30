import type { Mode, SlotView } from '../../../../api/miniapp/contract';
import { MainAction } from '../../components/main-action';
import { ErrorView, Notice } from '../../components/ui';
import { serverNow, type ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../session';
import { ZoneNote } from '../../components/zone-note';

/**
 * What will be booked (when, who, how) and until when it can still be cancelled or moved (a time already inside that
 * cut-off says so before it is booked), confirmed on Telegram's MainButton.
 */
export function ConfirmStep({
  slot,
  mode,
  timeZone,
  moving,
  sending,
  error,
  submit,
}: {
  slot: SlotView;
  mode: Mode;
  timeZone: string;
  moving: boolean;
  sending: boolean;
  error: ApiError | undefined;
  submit: () => Promise<void>;
}) {
  const { t, day, time, date } = useI18n();
  const { cancelMinNoticeMinutes } = useSession().me.limits;
  const cutoff = Date.parse(slot.startsAt) - cancelMinNoticeMinutes * 60_000;
  // Exact: whole hours as hours, anything else in minutes (90 minutes is never shown as two hours).
  const notice = { unit: cancelMinNoticeMinutes > 0 && cancelMinNoticeMinutes % 60 === 0 ? 'hours' : 'minutes', hours: cancelMinNoticeMinutes / 60, minutes: cancelMinNoticeMinutes };
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('when')}</dt>
          <dd className="facts-when">
            {day(slot.startsAt, timeZone)}, {time(slot.startsAt, timeZone)}
          </dd>
        </div>
        <div>
          <dt>{t('doctor')}</dt>
          <dd>
            {slot.doctor.name}
            <span className="facts-sub">{t('specialty', { specialty: slot.specialty })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('connection')}</dt>
          <dd>{t('mode-label', { mode })}</dd>
        </div>
      </dl>
      <ZoneNote />
      {serverNow() < cutoff ? (
        <p className="cutoff">{t('cancel-until', { date: date(cutoff, timeZone), time: time(cutoff, timeZone), unit: notice.unit, hours: notice.hours, minutes: notice.minutes })}</p>
      ) : (
        <Notice kind="warning">{t('cancel-closed', { unit: notice.unit, hours: notice.hours, minutes: notice.minutes })}</Notice>
      )}
      {error && <ErrorView error={error} />}
      <MainAction text={sending ? t('sending') : moving ? t('confirm-reschedule') : t('confirm-book')} onClick={() => void submit()} loading={sending} />
    </>
  );
}
