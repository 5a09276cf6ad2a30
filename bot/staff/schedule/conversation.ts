import type { Conversation } from '@grammyjs/conversations';
import { createLiveScreen } from '../../shared/live-screen/screen.js';
import { runSteps } from '../../shared/live-screen/steps.js';
import { refusalText } from '../consultations/errors.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { isFlowData } from './callback-data.js';
import { scheduleReads } from './reads.js';
import { scheduleSteps } from './steps.js';

export const SCHEDULE = 'staffSchedule';

// Every update of the flow is replayed through all the earlier ones; the bound keeps a wandering doctor's replays short.
const MAX_STEPS = 40;

/**
 * Schedules one application of the doctor: a day of their next two weeks, a free time (or one they type), video or
 * audio. The core books it; a refused time is explained and the day's free times are offered again. Button presses
 * edit the flow's message in place; anything typed gets a new one. Another command or button leaves the flow.
 */
export function createScheduleConversation(deps: StaffBotDeps) {
  return async function schedule(conversation: Conversation<StaffContext, StaffConvoContext>, ctx: StaffConvoContext, applicationId: number) {
    const locale = await ctx.i18n.getLocale();
    const io = scheduleReads(conversation, deps, ctx.from!.id, applicationId);
    const start = await io.start(locale);
    if (!start) return;
    if (!start.ok) return void (await ctx.reply(refusalText(ctx, start.refused)));

    const live = createLiveScreen(conversation, ctx);
    const { timeZone, condition } = start;
    const flow = scheduleSteps({ ctx, io, applicationId, condition, timeZone, locale, live, end: () => conversation.halt() });
    await flow.begin();
    await runSteps(conversation, { maxSteps: MAX_STEPS, owns: isFlowData, ...flow });
  };
}
