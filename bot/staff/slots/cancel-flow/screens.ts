import { InlineKeyboard } from 'grammy';
import { MAX_CANCEL_REASON_LENGTH } from '../../../../core/duty/index.js';
import { zonedParts } from '../../../../core/time.js';
import type { ScreenView } from '../../../shared/live-screen/screen.js';
import { timeIn, zoneTag } from '../../consultations/format.js';
import type { StaffConvoContext } from '../../context.js';
import { cancelStepData, type CancelStep } from '../callback-data.js';
import type { BookedSlot, Booking } from '../io.js';
import { bookedLines, dayLabel } from '../views.js';

/** What is being cancelled: one booked consultation, or the bookings of a day that becomes a day off (as last seen). */
export type Cancelling = { kind: 'one'; booking: Booking } | { kind: 'day'; day: string; booked: BookedSlot[] };

/** The two screens of the flow, in the doctor's zone `tz`: what will be cancelled and why, then the confirmation. */
export function cancelScreens(ctx: StaffConvoContext, staffId: number, tz: string, locale: string) {
  const button = (step: CancelStep) => cancelStepData.pack({ staffId, step });
  const about = (b: Booking) => ({
    id: String(b.id),
    patient: b.patientName,
    day: dayLabel(ctx.t, zonedParts(b.startsAt, tz).date),
    time: timeIn(b.startsAt, tz),
    zone: zoneTag(tz, b.startsAt, locale),
  });
  const dayOf = (c: { day: string; booked: BookedSlot[] }) => ({ day: dayLabel(ctx.t, c.day), count: c.booked.length });

  return {
    reason(c: Cancelling): ScreenView {
      const lines = c.kind === 'one' ? [ctx.t('slots-cancel-one', about(c.booking))] : [ctx.t('slots-cancel-day', dayOf(c)), ...bookedLines(ctx.t, tz, c.booked)];
      const keyboard = new InlineKeyboard().text(ctx.t('slots-btn-no-reason'), button('none')).row().text(ctx.t('slots-btn-keep'), button('keep'));
      return { text: [...lines, '', ctx.t('slots-ask-reason', { max: MAX_CANCEL_REASON_LENGTH })].join('\n'), keyboard };
    },
    confirm(c: Cancelling, reason: string | undefined): ScreenView {
      const why = reason ? ctx.t('slots-reason-line', { reason }) : ctx.t('slots-reason-none');
      if (c.kind === 'one') {
        const keyboard = new InlineKeyboard()
          .text(ctx.t('slots-btn-cancel-close'), button('close'))
          .row()
          .text(ctx.t('slots-btn-cancel-reopen'), button('reopen'))
          .row()
          .text(ctx.t('slots-btn-keep'), button('keep'));
        return { text: [ctx.t('slots-confirm-one', about(c.booking)), why].join('\n'), keyboard };
      }
      const keyboard = new InlineKeyboard().text(ctx.t('slots-btn-confirm-day', { count: c.booked.length }), button('confirm')).row().text(ctx.t('slots-btn-keep'), button('keep'));
      return { text: [ctx.t('slots-confirm-day', dayOf(c)), ...bookedLines(ctx.t, tz, c.booked), why].join('\n'), keyboard };
    },
  };
}
