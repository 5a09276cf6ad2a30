import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { staffActor, type Actor } from '../../../core/actor.js';
import type { DutyDoctor } from '../../../core/duty/index.js';
import { addDays, zonedParts } from '../../../core/time.js';
import { parseNumberArgument } from '../consultations/format.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { cancelData, dayData, dayOffData, parseCancel, parseDay, parseDayOff, parseRemove, parseScreen, removeData, screenData } from './callback-data.js';
import { createCancelConversation, SLOTS_CANCEL, type CancelTarget } from './cancel-flow/conversation.js';
import { attemptDuty, slotsErrorText } from './errors.js';
import { createTemplateConversation, SLOTS_TEMPLATE } from './template-flow/conversation.js';
import { bookedLines, dayLabel, dayOffCalendarView, dayView, doctorsView, overviewView, removeView, resultView, templateLine, type View } from './views.js';

/** The /slots conversations; registered before every feature's commands, so an open one sees each update first. */
export function slotsFlow(deps: StaffBotDeps) {
  const flows = new Composer<StaffContext>();
  flows.use(createConversation<StaffContext, StaffConvoContext>(createTemplateConversation(deps), SLOTS_TEMPLATE));
  flows.use(createConversation<StaffContext, StaffConvoContext>(createCancelConversation(deps), SLOTS_CANCEL));
  return flows;
}

const edit = (ctx: StaffContext, v: View) => ctx.editMessageText(v.text, { reply_markup: v.markup });

const actorOf = (ctx: StaffContext): Actor => staffActor(ctx.staff!);

/** The duty doctor whose schedule the presser may manage, or undefined (not allowed, or not a duty doctor). */
function managedDoctor(ctx: StaffContext, staffId: number): DutyDoctor | undefined {
  const found = attemptDuty(() => ctx.deps.roster.doctor(actorOf(ctx), staffId));
  return found.ok ? found.value : undefined;
}

/** The doctor a button names, if the presser may manage their schedule; otherwise the presser is told, and undefined. */
async function doctorOf(ctx: StaffContext, staffId: number | undefined): Promise<DutyDoctor | undefined> {
  const doctor = staffId === undefined ? undefined : managedDoctor(ctx, staffId);
  if (!doctor) await ctx.answerCallbackQuery({ text: ctx.t('slots-not-allowed'), show_alert: true });
  return doctor;
}

/** Whether a day is one /slots offers: today to DUTY_DAYS_AHEAD days on, in the doctor's zone (forged data aside). */
function offered(ctx: StaffContext, doctor: DutyDoctor, day: string): boolean {
  const today = zonedParts(ctx.deps.clock.now(), doctor.timeZone).date;
  return day >= today && day <= addDays(today, ctx.deps.dutyLimits.daysAhead);
}

async function overview(ctx: StaffContext, doctor: DutyDoctor): Promise<View> {
  return overviewView(ctx.deps, ctx.t, await ctx.i18n.getLocale(), ctx.staff!, doctor);
}

async function enter(ctx: StaffContext, name: typeof SLOTS_TEMPLATE | typeof SLOTS_CANCEL, staffId: number, target?: CancelTarget) {
  // One flow at a time: a new one replaces whatever the doctor had half done.
  await ctx.conversation.exitAll();
  if (name === SLOTS_TEMPLATE) await ctx.conversation.enter(SLOTS_TEMPLATE, staffId);
  else await ctx.conversation.enter(SLOTS_CANCEL, staffId, target);
}

/**
 * /slots: a duty doctor's weekly hours, days off and the next week's slots, with buttons to add and remove hours, take a
 * day off (cancelling its bookings only after a confirmation), regenerate, and cancel one booking. Admins manage any duty
 * doctor's schedule (/slots lists them; /slots N opens staff member N). Everyone else is told it is for duty doctors.
 */
export function slotsFeature() {
  const feature = new Composer<StaffContext>();

  feature.command('slots', async (ctx) => {
    const actor = ctx.staff!;
    if (actor.role === 'admin') {
      const id = parseNumberArgument(ctx.match);
      if (id === undefined) {
        const v = doctorsView(ctx.deps, ctx.t);
        return ctx.reply(v.text, { reply_markup: v.markup });
      }
      const doctor = managedDoctor(ctx, id);
      if (!doctor) return ctx.reply(slotsErrorText(ctx.t, { code: 'not_duty_doctor', details: {} }));
      const v = await overview(ctx, doctor);
      return ctx.reply(v.text, { reply_markup: v.markup });
    }
    const doctor = managedDoctor(ctx, actor.id);
    if (!doctor) return ctx.reply(ctx.t('slots-not-duty'));
    const v = await overview(ctx, doctor);
    await ctx.reply(v.text, { reply_markup: v.markup });
  });

  feature.callbackQuery(screenData.filter(), async (ctx) => {
    const data = parseScreen(ctx.callbackQuery.data);
    const doctor = await doctorOf(ctx, data?.staffId);
    if (!data || !doctor) return;
    switch (data.screen) {
      case 'home':
        await ctx.answerCallbackQuery();
        return edit(ctx, await overview(ctx, doctor));
      case 'doctors':
        if (ctx.staff!.role !== 'admin') return ctx.answerCallbackQuery({ text: ctx.t('slots-not-allowed'), show_alert: true });
        await ctx.answerCallbackQuery();
        return edit(ctx, doctorsView(ctx.deps, ctx.t));
      case 'off':
        await ctx.answerCallbackQuery();
        return edit(ctx, dayOffCalendarView(ctx.deps, ctx.t, await ctx.i18n.getLocale(), doctor));
      case 'remove':
        await ctx.answerCallbackQuery();
        return edit(ctx, removeView(ctx.deps, ctx.t, doctor));
      case 'generate': {
        const generated = attemptDuty(() => ctx.deps.roster.generate(actorOf(ctx), doctor.id));
        if (!generated.ok) return ctx.answerCallbackQuery({ text: slotsErrorText(ctx.t, generated.refused), show_alert: true });
        const { opened } = generated.value;
        await ctx.answerCallbackQuery({ text: ctx.t('slots-generated', { opened, days: ctx.deps.dutyLimits.daysAhead }), show_alert: true });
        return edit(ctx, await overview(ctx, doctor));
      }
      case 'add':
        await ctx.answerCallbackQuery();
        return enter(ctx, SLOTS_TEMPLATE, doctor.id);
    }
  });

  feature.callbackQuery(dayData.filter(), async (ctx) => {
    const data = parseDay(ctx.callbackQuery.data);
    const doctor = await doctorOf(ctx, data?.staffId);
    if (!data || !doctor) return;
    if (!offered(ctx, doctor, data.day)) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    await ctx.answerCallbackQuery();
    await edit(ctx, dayView(ctx.deps, ctx.t, await ctx.i18n.getLocale(), doctor, data.day));
  });

  feature.callbackQuery(dayOffData.filter(), async (ctx) => {
    const data = parseDayOff(ctx.callbackQuery.data);
    const doctor = await doctorOf(ctx, data?.staffId);
    if (!data || !doctor) return;
    if (!offered(ctx, doctor, data.day)) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    const day = dayLabel(ctx.t, data.day);
    if (!data.off) {
      const back = attemptDuty(() => ctx.deps.roster.removeDayOff(actorOf(ctx), doctor.id, data.day));
      if (!back.ok) return ctx.answerCallbackQuery({ text: slotsErrorText(ctx.t, back.refused), show_alert: true });
      await ctx.answerCallbackQuery();
      return edit(ctx, resultView(ctx.t, doctor.id, [ctx.t('slots-off-undone', { day, opened: back.value.opened })]));
    }
    // Without bookings the day off is taken at once; with any, nothing changes until the doctor confirms (the flow).
    const taken = attemptDuty(() => ctx.deps.roster.addDayOffAsSeen(actorOf(ctx), doctor.id, data.day, []));
    if (!taken.ok) return ctx.answerCallbackQuery({ text: slotsErrorText(ctx.t, taken.refused), show_alert: true });
    await ctx.answerCallbackQuery();
    if (!taken.value.ok) return enter(ctx, SLOTS_CANCEL, doctor.id, { kind: 'day', day: data.day });
    await edit(ctx, resultView(ctx.t, doctor.id, [ctx.t('slots-off-done', { day, removed: taken.value.removed })]));
  });

  feature.callbackQuery(removeData.filter(), async (ctx) => {
    const data = parseRemove(ctx.callbackQuery.data);
    const doctor = await doctorOf(ctx, data?.staffId);
    if (!data || !doctor) return;
    const row = ctx.deps.duty.templates(doctor.id).find((t) => t.id === data.templateId);
    const removed = attemptDuty(() => ctx.deps.roster.removeTemplate(actorOf(ctx), doctor.id, data.templateId));
    if (!row || !removed.ok) {
      await ctx.answerCallbackQuery({ text: slotsErrorText(ctx.t, { code: 'template_not_found', details: {} }), show_alert: true });
      return edit(ctx, removeView(ctx.deps, ctx.t, doctor));
    }
    await ctx.answerCallbackQuery();
    const lines = [ctx.t('slots-removed', { line: templateLine(ctx.t, { ...row, weekdays: [row.weekday] }) })];
    const { booked } = removed.value;
    if (booked.length) lines.push('', ctx.t('slots-removed-booked'), ...bookedLines(ctx.t, doctor.timeZone, booked));
    await edit(ctx, resultView(ctx.t, doctor.id, lines));
  });

  feature.callbackQuery(cancelData.filter(), async (ctx) => {
    const data = parseCancel(ctx.callbackQuery.data);
    const doctor = await doctorOf(ctx, data?.staffId);
    if (!data || !doctor) return;
    await ctx.answerCallbackQuery();
    await enter(ctx, SLOTS_CANCEL, doctor.id, { kind: 'one', consultationId: data.consultationId });
  });

  return feature;
}
