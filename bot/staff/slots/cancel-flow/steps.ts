import type { Context } from 'grammy';
import { MAX_CANCEL_REASON_LENGTH } from '../../../../core/duty/index.js';
import type { LiveScreen } from '../../../shared/live-screen/screen.js';
import type { StaffConvoContext } from '../../context.js';
import { staffFlowAnswers } from '../../flow-answers.js';
import { parseCancelStep, type CancelStep } from '../callback-data.js';
import { slotsErrorText, type SlotsRefusal } from '../errors.js';
import type { Booking, slotsIo } from '../io.js';
import { backHome, dayLabel } from '../views.js';
import type { cancelScreens, Cancelling } from './screens.js';

export interface CancelSetup {
  ctx: StaffConvoContext;
  io: ReturnType<typeof slotsIo>;
  live: LiveScreen;
  screens: ReturnType<typeof cancelScreens>;
  staffId: number;
  cancelling: Cancelling;
}

/**
 * What each press or typed reason does: a reason (or none), then the confirmation, which cancels and ends the flow
 * with the way back to /slots. A day whose bookings changed meanwhile is shown as it is now and confirmed again.
 */
export function cancelSteps({ ctx, io, live, screens, staffId, cancelling }: CancelSetup) {
  let reason: string | undefined;
  let phase: 'reason' | 'confirm' = 'reason';
  const confirm = (pressed?: Context) => {
    phase = 'confirm';
    return live.show(screens.confirm(cancelling, reason), pressed);
  };
  const finish = (text: string) => live.leave(text, { reply_markup: backHome(ctx.t, staffId) });
  /** The end of a refused write: the doctor no longer may (undefined), or the service's refusal. */
  const refused = (r: SlotsRefusal | undefined) => finish(r ? slotsErrorText(ctx.t, r) : ctx.t('slots-not-allowed'));

  const cancelOne = async (booking: Booking, reopened: boolean) => {
    const done = await io.cancelBooking(booking.id, reason, reopened);
    if (!done?.ok) return refused(done?.refused);
    return finish(ctx.t('slots-cancelled-one', { id: String(booking.id), reopened: reopened ? 'yes' : 'no', notified: booking.reachable ? 'yes' : 'no' }));
  };
  const takeDayOff = async (c: Extract<Cancelling, { kind: 'day' }>) => {
    const day = dayLabel(ctx.t, c.day);
    const done = await io.dayOff(c.day, c.booked.map((b) => b.consultationId), reason);
    if (!done?.ok) return refused(done?.refused);
    if (done.value.ok) return finish(ctx.t('slots-day-off-cancelled', { day, cancelled: done.value.cancelled.length, removed: done.value.removed }));
    // A patient booked or cancelled while the doctor was deciding: show the day as it is now and ask again.
    c.booked = done.value.booked;
    await live.drop();
    await ctx.reply(ctx.t('slots-booked-changed', { day }));
    return confirm();
  };

  /** Whether a button fits the screen shown now; one of the other screen is stale. */
  const fits = (step: CancelStep) =>
    step === 'keep' ||
    (phase === 'reason' && step === 'none') ||
    (phase === 'confirm' && (cancelling.kind === 'one' ? step === 'close' || step === 'reopen' : step === 'confirm'));

  return {
    ...staffFlowAnswers,
    begin: () => live.show(screens.reason(cancelling)),
    // A button of another doctor's flow, or of this flow's other screen, is stale here.
    parse: (data: string) => {
      const button = parseCancelStep(data);
      return button?.staffId === staffId && fits(button.step) ? button.step : undefined;
    },
    async button(update: StaffConvoContext, step: CancelStep) {
      await update.answerCallbackQuery();
      if (step === 'keep') return finish(ctx.t('slots-kept'));
      if (step === 'none') return confirm(update);
      return cancelling.kind === 'one' ? cancelOne(cancelling.booking, step === 'reopen') : takeDayOff(cancelling);
    },
    async text(update: StaffConvoContext, text: string) {
      if (phase !== 'reason') return update.reply(update.t('press-button'));
      const typed = text.trim();
      const length = Array.from(typed).length;
      if (length > MAX_CANCEL_REASON_LENGTH) return update.reply(update.t('slots-reason-too-long', { length, max: MAX_CANCEL_REASON_LENGTH }));
      reason = typed || undefined;
      return confirm();
    },
    cancel: () => finish(ctx.t('slots-kept')),
    tooMany: () => finish(ctx.t('slots-flow-too-many-steps')),
  };
}
