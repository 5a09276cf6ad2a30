import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { BookingService } from '../../../core/booking/service.js';
import type { ConsultationView } from '../../../core/scheduling/service.js';
import { zonedDate } from '../../../core/time.js';
import { zoneAt } from '../../../core/zone-label/index.js';
import type { Translate } from '../../shared/outbox-sender.js';
import { clockTime, dateAndTime } from '../applications/format.js';
import { cancelConsultationKeyboard } from '../applications/keyboards.js';
import { withAskDoctor } from '../duty-chat/keyboards.js';
import type { PatientBotDeps } from '../deps.js';

/** The booking rules a message about a consultation reads: may the patient still cancel it, and until when. */
export type CancelTermsDeps = { booking: Pick<BookingService, 'canCancel' | 'cancelDeadline' | 'limits'> };

type Subject = Pick<ConsultationView, 'id' | 'applicationId' | 'startsAt' | 'status' | 'patientTimeZone'>;

const rulesOf = (c: Subject) => ({ kind: c.applicationId === null ? ('duty' as const) : ('application' as const), startsAt: c.startsAt, status: c.status });

/** Whether the patient may still cancel (a duty one: or move) it at `now`. */
export const mayCancel = (deps: CancelTermsDeps, c: Subject, now: number): boolean => deps.booking.canCancel(rulesOf(c), now);

/**
 * A notice period in exact units: whole hours as hours («2 часа»), anything else in minutes («90 мин»), so a cut-off
 * of 90 minutes is never shown as two hours.
 */
export function noticeArgs(minutes: number): { unit: 'hours' | 'minutes'; hours: number; minutes: number } {
  return { unit: minutes > 0 && minutes % 60 === 0 ? 'hours' : 'minutes', hours: minutes / 60, minutes };
}

/**
 * The paragraph on cancelling under a booking notice: a duty booking until its cut-off in the patient's own zone (with
 * the date when the cut-off falls on the day before), or that it is already too late; an application's consultation,
 * which may be cancelled until the start, the plain hint. Undefined when there is nothing to offer.
 */
export function cancelTerms(deps: CancelTermsDeps, t: Translate, c: Subject, locale: string, now: number): string | undefined {
  const cancellable = mayCancel(deps, c, now);
  if (c.applicationId !== null) return cancellable ? t('rem-patient-cancel-hint') : undefined;
  if (!cancellable) return t('consult-note-cancel-closed', noticeArgs(deps.booking.limits.cancelMinNoticeMinutes));
  const deadline = deps.booking.cancelDeadline(rulesOf(c));
  const tz = c.patientTimeZone;
  const until = zonedDate(deadline, tz) === zonedDate(c.startsAt, tz) ? clockTime(deadline, tz) : dateAndTime(deadline, tz, locale);
  return t('consult-note-cancel-until', { until, zoneAt: zoneAt(tz, deadline, locale) });
}

/**
 * The buttons under a message about a booking: Cancel while it can be cancelled, and «Ask the duty doctor» for a duty
 * one. Also what the message is edited to once the cut-off passes (bot/patient/notifications/consultation-buttons.ts).
 */
export function bookingKeyboard(deps: CancelTermsDeps & Pick<PatientBotDeps, 'dutyChat'>, t: Translate, c: Subject, now: number): InlineKeyboardMarkup {
  const keyboard = withAskDoctor(mayCancel(deps, c, now) ? cancelConsultationKeyboard(t, c.id) : new InlineKeyboard(), deps, t, c.id);
  // An empty row left by withAskDoctor's row() on an empty keyboard is not shown by Telegram; it is not sent either.
  return { inline_keyboard: keyboard.inline_keyboard.filter((row) => row.length > 0) };
}
