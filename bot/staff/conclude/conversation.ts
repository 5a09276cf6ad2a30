import type { Conversation } from '@grammyjs/conversations';
import { createLiveScreen } from '../../shared/live-screen/screen.js';
import { runSteps } from '../../shared/live-screen/steps.js';
import { refusalText } from '../consultations/errors.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { isConcludeData } from './callback-data.js';
import { concludeIo } from './io.js';
import { concludeSteps } from './steps.js';

export const CONCLUDE = 'staffConclude';

// Each update replays the whole flow; a conclusion takes a handful of steps, this bound only stops a runaway chat.
const MAX_STEPS = 30;

/**
 * The doctor's conclusion of a consultation: the text, an outcome from the catalog, recommendations, a preview; then
 * the core renders the PDF, completes the consultation and queues the PDF for the patient.
 */
export function createConcludeConversation(deps: StaffBotDeps) {
  return async function conclude(conversation: Conversation<StaffContext, StaffConvoContext>, ctx: StaffConvoContext, consultationId: number): Promise<void> {
    const locale = await ctx.i18n.getLocale();
    const io = concludeIo(conversation, deps, ctx.from!.id, consultationId);
    const start = await io.start();
    if (!start) return;
    if (!start.ok) return void (await ctx.reply(refusalText(ctx, start.refused)));

    const live = createLiveScreen(conversation, ctx);
    const { outcomes } = deps.catalog;
    const flow = concludeSteps({ ctx, consultationId, patient: start.patient, outcomes, locale, live, io, end: () => conversation.halt() });
    await flow.begin();
    await runSteps(conversation, { maxSteps: MAX_STEPS, owns: isConcludeData, ...flow });
  };
}
