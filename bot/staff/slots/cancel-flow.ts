import type { Conversation } from '@grammyjs/conversations';
import { InlineKeyboard } from 'grammy';
import { MAX_CANCEL_REASON_LENGTH } from '../../../core/duty/index.js';
import { zonedParts } from '../../../core/time.js';
import { timeIn, zoneTag } from '../consultations/format.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { cancelStepData, parseCancelStep, screenData, type CancelStep } from './callback-data.js';
import { slotsErrorText } from './errors.js';
import { slotsIo, type BookedSlot, type Booking } from './io.js';
import { bookedLines, dayLabel } from './views.js';

export const SLOTS_CANCEL = 'staffSlotsCancel';

/** What the doctor is cancelling: one booked consultation, or every booking of a day that becomes a day off. */
export type CancelTarget = { kind: 'one'; consultationId: number } | { kind: 'day'; day: string };

const MAX_STEPS = 20;

const isCancel = (text: string) => /^\/cancel(@\w+)?(\s|$)/.test(text);

/**
 * Cancelling booked duty consultations: what will be cancelled, a reason for the patients (typed, or none), then an
 * explicit confirmation. Only then is anything cancelled, and each patient is told through the outbox. For a day off,
 * exactly the bookings shown are cancelled: if they changed meanwhile, the new list is shown and confirmed again.
 */
export function createCancelConversation(deps: StaffBotDeps) {
  return async function staffSlotsCancel(conversation: Conversation<StaffContext, StaffConvoContext>, ctx: StaffConvoContext, staffId: number, target: CancelTarget) {
    const chatId = ctx.chat!.id;
    const io = slotsIo(conversation, deps, ctx.from!.id, staffId);
    const doctor = await io.doctor();
    if (!doctor) {
      await ctx.reply(ctx.t('slots-not-allowed'));
      return;
    }
    const locale = await ctx.i18n.getLocale();
    const tz = doctor.timeZone;
    const button = (step: CancelStep) => cancelStepData.pack({ staffId, step });
    const backHome = new InlineKeyboard().text(ctx.t('slots-btn-back'), screenData.pack({ staffId, screen: 'home' }));

    let booking: Booking | undefined;
    let booked: BookedSlot[] = [];
    if (target.kind === 'one') {
      const found = await io.booking(target.consultationId);
      if (!found) return void (await ctx.reply(ctx.t('slots-not-allowed')));
      if (!found.ok) return void (await ctx.reply(slotsErrorText(ctx.t, found.refused), { reply_markup: backHome }));
      booking = found.value;
    } else {
      const found = await io.bookedOn(target.day);
      if (!found) return void (await ctx.reply(ctx.t('slots-not-allowed')));
      if (!found.ok) return void (await ctx.reply(slotsErrorText(ctx.t, found.refused), { reply_markup: backHome }));
      booked = found.value;
    }

    const day = target.kind === 'day' ? dayLabel(ctx.t, target.day) : '';
    const about = (b: Booking) => ({
      id: String(b.id),
      patient: b.patientName,
      day: dayLabel(ctx.t, zonedParts(b.startsAt, tz).date),
      time: timeIn(b.startsAt, tz),
      zone: zoneTag(tz, b.startsAt, locale),
    });
    const dayLines = () => [ctx.t('slots-cancel-day', { day, count: booked.length }), ...bookedLines(ctx.t, tz, booked)];

    let reason: string | undefined;
    let phase: 'reason' | 'confirm' = 'reason';
    let shownId: number | undefined;
    const dropButtons = async () => {
      if (shownId !== undefined) await ctx.api.editMessageReplyMarkup(chatId, shownId);
      shownId = undefined;
    };
    const show = async (text: string, keyboard: InlineKeyboard, pressedId?: number) => {
      if (pressedId !== undefined && pressedId === shownId) {
        await ctx.api.editMessageText(chatId, pressedId, text, { reply_markup: keyboard });
      } else {
        await dropButtons();
        shownId = (await ctx.reply(text, { reply_markup: keyboard })).message_id;
      }
    };
    const askReason = () => {
      const lines = booking ? [ctx.t('slots-cancel-one', about(booking))] : dayLines();
      const keyboard = new InlineKeyboard().text(ctx.t('slots-btn-no-reason'), button('none')).row().text(ctx.t('slots-btn-keep'), button('keep'));
      return show([...lines, '', ctx.t('slots-ask-reason', { max: MAX_CANCEL_REASON_LENGTH })].join('\n'), keyboard);
    };
    const confirm = (pressedId?: number) => {
      const why = reason ? ctx.t('slots-reason-line', { reason }) : ctx.t('slots-reason-none');
      if (booking) {
        const keyboard = new InlineKeyboard()
          .text(ctx.t('slots-btn-cancel-close'), button('close'))
          .row()
          .text(ctx.t('slots-btn-cancel-reopen'), button('reopen'))
          .row()
          .text(ctx.t('slots-btn-keep'), button('keep'));
        return show([ctx.t('slots-confirm-one', about(booking)), why].join('\n'), keyboard, pressedId);
      }
      const keyboard = new InlineKeyboard().text(ctx.t('slots-btn-confirm-day', { count: booked.length }), button('confirm')).row().text(ctx.t('slots-btn-keep'), button('keep'));
      return show([ctx.t('slots-confirm-day', { day, count: booked.length }), ...bookedLines(ctx.t, tz, booked), why].join('\n'), keyboard, pressedId);
    };
    const finish = async (text: string) => {
      await dropButtons();
      await ctx.reply(text, { reply_markup: backHome });
    };

    await askReason();
    for (let n = 0; n < MAX_STEPS; n++) {
      const update = await conversation.wait();
      const data = update.callbackQuery?.data;
      const text = update.message?.text;

      if (data !== undefined) {
        if (!cancelStepData.filter().test(data)) return conversation.halt({ next: true });
        const pressed = parseCancelStep(data);
        const pressedId = update.callbackQuery!.message?.message_id;
        const fits =
          pressed?.staffId === staffId &&
          (pressed.step === 'keep' ||
            (phase === 'reason' && pressed.step === 'none') ||
            (phase === 'confirm' && (booking ? pressed.step === 'close' || pressed.step === 'reopen' : pressed.step === 'confirm')));
        if (!pressed || !fits) {
          await update.answerCallbackQuery({ text: update.t('staff-unknown-action') });
          continue;
        }
        await update.answerCallbackQuery();
        if (pressed.step === 'keep') return finish(ctx.t('slots-kept'));
        if (pressed.step === 'none') {
          phase = 'confirm';
          await confirm(pressedId);
          continue;
        }
        if (booking) {
          const reopened = pressed.step === 'reopen';
          const done = await io.cancelBooking(booking.id, reason, reopened);
          if (!done) return finish(ctx.t('slots-not-allowed'));
          if (!done.ok) return finish(slotsErrorText(ctx.t, done.refused));
          return finish(ctx.t('slots-cancelled-one', { id: String(booking.id), reopened: reopened ? 'yes' : 'no', notified: booking.reachable ? 'yes' : 'no' }));
        }
        const done = await io.dayOff(target.kind === 'day' ? target.day : '', booked.map((b) => b.consultationId), reason);
        if (!done) return finish(ctx.t('slots-not-allowed'));
        if (!done.ok) return finish(slotsErrorText(ctx.t, done.refused));
        if (done.value.ok) return finish(ctx.t('slots-day-off-cancelled', { day, cancelled: done.value.cancelled.length, removed: done.value.removed }));
        // A patient booked or cancelled while the doctor was deciding: show the day as it is now and ask again.
        booked = done.value.booked;
        await dropButtons();
        await ctx.reply(ctx.t('slots-booked-changed', { day }));
        await confirm();
        continue;
      }

      if (text?.startsWith('/')) {
        if (!isCancel(text)) return conversation.halt({ next: true });
        return finish(ctx.t('slots-kept'));
      }
      if (text !== undefined && phase === 'reason') {
        const typed = text.trim();
        const length = Array.from(typed).length;
        if (length > MAX_CANCEL_REASON_LENGTH) {
          await update.reply(update.t('slots-reason-too-long', { length, max: MAX_CANCEL_REASON_LENGTH }));
          continue;
        }
        reason = typed || undefined;
        phase = 'confirm';
        await confirm();
        continue;
      }
      await update.reply(update.t('press-button'));
    }
    await finish(ctx.t('slots-flow-too-many-steps'));
  };
}
