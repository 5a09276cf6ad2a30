import type { Conversation } from '@grammyjs/conversations';
import { createLiveScreen } from '../../../shared/live-screen/screen.js';
import { runSteps } from '../../../shared/live-screen/steps.js';
import type { StaffContext, StaffConvoContext } from '../../context.js';
import type { StaffBotDeps } from '../../deps.js';
import { cancelStepData } from '../callback-data.js';
import { slotsErrorText, type Attempt } from '../errors.js';
import { slotsIo } from '../io.js';
import { backHome } from '../views.js';
import { cancelScreens, type Cancelling } from './screens.js';
import { cancelSteps } from './steps.js';

export const SLOTS_CANCEL = 'staffSlotsCancel';

/** What the doctor is cancelling: one booked consultation, or every booking of a day that becomes a day off. */
export type CancelTarget = { kind: 'one'; consultationId: number } | { kind: 'day'; day: string };

const MAX_STEPS = 20;

/** The target as the flow shows it, read through the log; undefined when the presser no longer may. */
async function load(io: ReturnType<typeof slotsIo>, target: CancelTarget): Promise<Attempt<Cancelling> | undefined> {
  if (target.kind === 'one') {
    const found = await io.booking(target.consultationId);
    return found?.ok ? { ok: true, value: { kind: 'one', booking: found.value } } : found;
  }
  const found = await io.bookedOn(target.day);
  return found?.ok ? { ok: true, value: { kind: 'day', day: target.day, booked: found.value } } : found;
}

/**
 * Cancelling booked duty consultations: what will be cancelled, a reason for the patients (typed, or none), then an
 * explicit confirmation. Only then is anything cancelled, and each patient is told through the outbox. For a day off,
 * exactly the bookings shown are cancelled: if they changed meanwhile, the new list is shown and confirmed again.
 */
export function createCancelConversation(deps: StaffBotDeps) {
  return async function staffSlotsCancel(conversation: Conversation<StaffContext, StaffConvoContext>, ctx: StaffConvoContext, staffId: number, target: CancelTarget) {
    const io = slotsIo(conversation, deps, ctx.from!.id, staffId);
    const doctor = await io.doctor();
    if (!doctor) return void (await ctx.reply(ctx.t('slots-not-allowed')));
    const locale = await ctx.i18n.getLocale();
    const found = await load(io, target);
    if (!found) return void (await ctx.reply(ctx.t('slots-not-allowed')));
    if (!found.ok) return void (await ctx.reply(slotsErrorText(ctx.t, found.refused), { reply_markup: backHome(ctx.t, staffId) }));

    const live = createLiveScreen(conversation, ctx);
    const screens = cancelScreens(ctx, staffId, doctor.timeZone, locale);
    const flow = cancelSteps({ ctx, io, live, screens, staffId, cancelling: found.value });
    await flow.begin();
    await runSteps(conversation, { maxSteps: MAX_STEPS, owns: (data) => cancelStepData.filter().test(data), ...flow });
  };
}
