import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { DomainError } from '../../../core/errors.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { attempt, staffErrorText } from '../consultations/errors.js';
import { parseNumberArgument } from '../consultations/format.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { scheduleData } from './callback-data.js';
import { createScheduleConversation, SCHEDULE } from './conversation.js';

export { scheduleData } from './callback-data.js';

/** Whether the doctor may schedule this application now; the same rules the core applies when it books. */
function checkSchedulable(ctx: StaffContext, member: StaffMember, applicationId: number) {
  return attempt(() => {
    const app = ctx.deps.applications.forDoctor(member, applicationId);
    // A free application becomes the doctor's when the time is booked (the flow takes it first).
    const free = app.assignedStaffId === null && app.status === 'submitted';
    if (!free && app.assignedStaffId !== member.id) throw new DomainError('application_not_yours');
    if (!['submitted', 'in_review'].includes(app.status)) throw new DomainError('application_wrong_status', { status: app.status });
    return app;
  });
}

/** The calendar conversation; registered before every feature's commands, so an open one sees each update first. */
export function scheduleFlow(deps: StaffBotDeps) {
  return new Composer<StaffContext>().use(createConversation<StaffContext, StaffConvoContext>(createScheduleConversation(deps), SCHEDULE));
}

/** Scheduling an application: "📅 Schedule" on its card or /schedule N open the calendar conversation (scheduleFlow). */
export function scheduleFeature() {
  const feature = new Composer<StaffContext>();

  const begin = async (ctx: StaffContext, applicationId: number) => {
    const checked = checkSchedulable(ctx, ctx.staff!, applicationId);
    if (!checked.ok) return ctx.reply(staffErrorText(ctx, checked.error));
    // One flow at a time: a new scheduling replaces whatever the doctor had half done.
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(SCHEDULE, applicationId);
  };

  feature.command('schedule', async (ctx) => {
    const applicationId = parseNumberArgument(ctx.match);
    if (applicationId === undefined) return ctx.reply(ctx.t('sched-usage'));
    await begin(ctx, applicationId);
  });

  feature.callbackQuery(scheduleData.filter(), async (ctx) => {
    const { applicationId } = scheduleData.unpack(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    if (!Number.isSafeInteger(applicationId)) return;
    await begin(ctx, applicationId);
  });

  return feature;
}
