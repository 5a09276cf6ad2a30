import type { Conversation } from '@grammyjs/conversations';
import { clockNow } from '../../../shared/conversation-clock.js';
import { createLiveScreen } from '../../../shared/live-screen/screen.js';
import { runSteps } from '../../../shared/live-screen/steps.js';
import { zoneTag } from '../../consultations/format.js';
import type { StaffContext, StaffConvoContext } from '../../context.js';
import type { StaffBotDeps } from '../../deps.js';
import { templateStepData } from '../callback-data.js';
import { slotsIo } from '../io.js';
import { templateSteps } from './steps.js';

export const SLOTS_TEMPLATE = 'staffSlotsTemplate';

// Every update of the flow is replayed through the earlier ones; the bound keeps replays short.
const MAX_STEPS = 30;

/**
 * Adds weekly hours to a duty doctor's template: weekdays (several at once), the hours typed as 09:00-13:00 in the
 * doctor's zone, then the slot length. The same hours on every chosen day, all or none. Buttons edit the flow's
 * message in place; anything typed gets a new one. Another command or button leaves the flow.
 */
export function createTemplateConversation(deps: StaffBotDeps) {
  return async function staffSlotsTemplate(conversation: Conversation<StaffContext, StaffConvoContext>, ctx: StaffConvoContext, staffId: number) {
    const io = slotsIo(conversation, deps, ctx.from!.id, staffId);
    const doctor = await io.doctor();
    if (!doctor) return void (await ctx.reply(ctx.t('slots-not-allowed')));
    const locale = await ctx.i18n.getLocale();
    const zone = zoneTag(doctor.timeZone, await clockNow(conversation), locale);

    const live = createLiveScreen(conversation, ctx);
    const flow = templateSteps({ ctx, io, live, staffId, zone });
    await flow.begin();
    await runSteps(conversation, { maxSteps: MAX_STEPS, owns: (data) => templateStepData.filter().test(data), ...flow });
  };
}
