import type { Conversation } from '@grammyjs/conversations';
import { InlineKeyboard } from 'grammy';
import { minutesOf } from '../../../core/duty/index.js';
import { parseHoursRange, SLOT_LENGTHS } from '../../../core/duty/weekly.js';
import { zoneTag } from '../consultations/format.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { screenData, templateStepData, parseTemplateStep } from './callback-data.js';
import { slotsErrorText } from './errors.js';
import { slotsIo } from './io.js';
import { templateLine, weekdayList } from './views.js';

export const SLOTS_TEMPLATE = 'staffSlotsTemplate';

// Every update of the flow is replayed through the earlier ones; the bound keeps replays short.
const MAX_STEPS = 30;
const DAYS_PER_ROW = 4;

type Step = { kind: 'days' } | { kind: 'hours' } | { kind: 'length'; from: string; to: string };

const isCancel = (text: string) => /^\/cancel(@\w+)?(\s|$)/.test(text);

/**
 * Adds weekly hours to a duty doctor's template: weekdays (several at once), the hours typed as 09:00-13:00 in the
 * doctor's zone, then the slot length. The same hours on every chosen day, all or none. Buttons edit the flow's
 * message in place; anything typed gets a new one. Another command or button leaves the flow.
 */
export function createTemplateConversation(deps: StaffBotDeps) {
  return async function staffSlotsTemplate(conversation: Conversation<StaffContext, StaffConvoContext>, ctx: StaffConvoContext, staffId: number) {
    const chatId = ctx.chat!.id;
    const io = slotsIo(conversation, deps, ctx.from!.id, staffId);
    const doctor = await io.doctor();
    if (!doctor) {
      await ctx.reply(ctx.t('slots-not-allowed'));
      return;
    }
    const locale = await ctx.i18n.getLocale();
    const zone = zoneTag(doctor.timeZone, await conversation.now(), locale);
    const step = (name: 'day' | 'next' | 'length' | 'back' | 'cancel', value = 0) => templateStepData.pack({ staffId, step: name, value });
    const cancelRow = (k: InlineKeyboard) => k.text(ctx.t('slots-btn-cancel'), step('cancel'));

    const days = new Set<number>();
    const chosen = () => [...days].sort((a, b) => a - b);

    const screen = (s: Step): { text: string; keyboard: InlineKeyboard } => {
      if (s.kind === 'days') {
        const keyboard = new InlineKeyboard();
        for (let weekday = 1; weekday <= 7; weekday++) {
          const label = ctx.t('slots-weekday', { weekday });
          keyboard.text(days.has(weekday) ? ctx.t('slots-tpl-day-on', { day: label }) : label, step('day', weekday));
          if (weekday % DAYS_PER_ROW === 0) keyboard.row();
        }
        return { text: ctx.t('slots-tpl-days'), keyboard: cancelRow(keyboard.row().text(ctx.t('slots-btn-next'), step('next'))) };
      }
      if (s.kind === 'hours') {
        const keyboard = new InlineKeyboard().text(ctx.t('slots-btn-other-days'), step('back'));
        return { text: ctx.t('slots-tpl-hours', { days: weekdayList(ctx.t, chosen()), zone }), keyboard: cancelRow(keyboard) };
      }
      const keyboard = new InlineKeyboard();
      for (const minutes of SLOT_LENGTHS) keyboard.text(ctx.t('slots-tpl-length-btn', { minutes }), step('length', minutes));
      keyboard.row().text(ctx.t('slots-btn-other-hours'), step('back'));
      return { text: ctx.t('slots-tpl-length', { days: weekdayList(ctx.t, chosen()), from: s.from, to: s.to, zone }), keyboard: cancelRow(keyboard) };
    };

    // The message showing the current step, the only one with live buttons.
    let shownId: number | undefined;
    const dropButtons = async () => {
      if (shownId !== undefined) await ctx.api.editMessageReplyMarkup(chatId, shownId);
      shownId = undefined;
    };
    const show = async (s: Step, pressedId?: number) => {
      const { text, keyboard } = screen(s);
      if (pressedId !== undefined && pressedId === shownId) {
        await ctx.api.editMessageText(chatId, pressedId, text, { reply_markup: keyboard });
      } else {
        await dropButtons();
        shownId = (await ctx.reply(text, { reply_markup: keyboard })).message_id;
      }
    };
    const leave = async (text: string) => {
      await dropButtons();
      await ctx.reply(text);
    };

    let current: Step = { kind: 'days' };
    await show(current);

    for (let n = 0; n < MAX_STEPS; n++) {
      const update = await conversation.wait();
      const data = update.callbackQuery?.data;
      const text = update.message?.text;

      if (data !== undefined) {
        // Any other button (the overview, a day, another flow) is a new action: leave this flow and let it run.
        if (!templateStepData.filter().test(data)) return conversation.halt({ next: true });
        const button = parseTemplateStep(data);
        if (!button || button.staffId !== staffId) {
          await update.answerCallbackQuery({ text: update.t('staff-unknown-action') });
          continue;
        }
        const pressedId = update.callbackQuery!.message?.message_id;
        if (button.step === 'cancel') {
          await update.answerCallbackQuery();
          return leave(ctx.t('slots-tpl-cancelled'));
        }
        if (button.step === 'day' && current.kind === 'days' && button.value >= 1 && button.value <= 7) {
          if (days.has(button.value)) days.delete(button.value);
          else days.add(button.value);
          await update.answerCallbackQuery();
          await show(current, pressedId);
          continue;
        }
        if (button.step === 'next' && current.kind === 'days') {
          if (days.size === 0) {
            await update.answerCallbackQuery({ text: update.t('slots-tpl-pick-day-first'), show_alert: true });
            continue;
          }
          await update.answerCallbackQuery();
          current = { kind: 'hours' };
          await show(current, pressedId);
          continue;
        }
        if (button.step === 'back' && current.kind !== 'days') {
          await update.answerCallbackQuery();
          current = current.kind === 'hours' ? { kind: 'days' } : { kind: 'hours' };
          await show(current, pressedId);
          continue;
        }
        if (button.step === 'length' && current.kind === 'length' && (SLOT_LENGTHS as readonly number[]).includes(button.value)) {
          await update.answerCallbackQuery();
          const hours = { from: current.from, to: current.to, slotMinutes: button.value };
          const added = await io.addTemplates(chosen(), hours);
          if (!added) return leave(ctx.t('slots-not-allowed'));
          if (added.ok) {
            await dropButtons();
            const line = templateLine(ctx.t, { weekdays: chosen(), ...hours });
            await ctx.reply(ctx.t('slots-tpl-added', { line, opened: added.value.opened }), {
              reply_markup: new InlineKeyboard().text(ctx.t('slots-btn-back'), screenData.pack({ staffId, screen: 'home' })),
            });
            return;
          }
          await dropButtons();
          await ctx.reply(slotsErrorText(ctx.t, added.refused));
          const { code, details } = added.refused;
          if (code === 'template_overlaps' || (code === 'template_invalid' && details.field !== 'slotMinutes')) current = { kind: 'hours' };
          else if (code !== 'template_invalid') return;
          await show(current);
          continue;
        }
        // A button of an earlier step, pressed after the flow moved on.
        await update.answerCallbackQuery({ text: update.t('staff-unknown-action') });
        continue;
      }

      if (text?.startsWith('/')) {
        if (!isCancel(text)) return conversation.halt({ next: true });
        return leave(ctx.t('slots-tpl-cancelled'));
      }
      if (text !== undefined && current.kind === 'hours') {
        const range = parseHoursRange(text);
        if (!range) await update.reply(update.t('slots-tpl-hours-invalid'));
        else if (minutesOf(range.to)! <= minutesOf(range.from)!) await update.reply(update.t('slots-tpl-hours-order'));
        else {
          current = { kind: 'length', ...range };
          await show(current);
        }
        continue;
      }
      await update.reply(update.t('press-button'));
    }
    await leave(ctx.t('slots-tpl-too-many-steps'));
  };
}
