import type { ApiClientOptions } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { createBotStack } from '../shared/stack.js';
import { createStaffMenus } from './commands.js';
import type { StaffContext, StaffSessionData } from './context.js';
import type { StaffBotDeps } from './deps.js';
import { concludeFeature, concludeFlow } from './conclude/index.js';
import { consultationsFeature } from './consultations/index.js';
import { dutyChatReplies, dutyChatStrayReplies } from './duty-chat/index.js';
import { deliveryFeature } from './delivery/index.js';
import { staffGate } from './gate.js';
import { referralImportFeature, referralInvitesFeature } from './referrals/index.js';
import { scheduleFeature, scheduleFlow } from './schedule/index.js';
import { slotsFeature, slotsFlow } from './slots/index.js';
import { statsFeature } from './stats/index.js';
import { inviteFeature } from './start/index.js';
import { triageFeature } from './triage/index.js';
import { staffUnhandledFeature } from './unhandled/index.js';

export { STAFF_COMMANDS } from './commands.js';

/** The doctors' bot: invite-only; triage, scheduling, conclusions and duty schedules. */
export function createStaffBot(deps: StaffBotDeps, opts: { botInfo?: UserFromGetMe; client?: Omit<ApiClientOptions, 'apiRoot'> } = {}) {
  const { bot, i18n, guarded } = createBotStack<StaffSessionData, StaffBotDeps, StaffContext>({
    token: deps.staffToken,
    apiRoot: deps.apiRoot,
    db: deps.db,
    logger: deps.logger,
    deps,
    statePrefix: 'staff-',
    storedLocale: (ctx) => (ctx.from ? deps.staff.byTelegramId(ctx.from.id)?.locale : undefined),
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
    ...(opts.client ? { client: opts.client } : {}),
  });
  guarded.use(async (ctx, next) => {
    // The invite is the one thing a non-member may do; it runs before the gate.
    ctx.staff = ctx.from ? deps.staff.byTelegramId(ctx.from.id) : undefined;
    await next();
  });
  guarded.use(inviteFeature());
  const members = guarded.use(staffGate);
  // Features for staff are registered on `members`, in order; "unhandled" stays last. Flows (conversations) come before
  // commands: an open flow sees every update first and leaves itself when another command or button comes, which then
  // runs. (Triage registers its own flows ahead of its handlers.)
  // A reply to a patient's duty-chat message is an answer to them, even while a flow waits for text.
  members.use(dutyChatReplies());
  members.use(scheduleFlow(deps));
  members.use(concludeFlow(deps));
  members.use(slotsFlow(deps));
  members.use(triageFeature(deps));
  members.use(scheduleFeature());
  members.use(concludeFeature());
  members.use(consultationsFeature());
  members.use(slotsFeature());
  members.use(statsFeature());
  members.use(referralImportFeature());
  members.use(referralInvitesFeature());
  members.use(deliveryFeature());
  members.use(dutyChatStrayReplies());
  members.use(staffUnhandledFeature());
  // Menus per member: set at start (registerCommands) and brought up to date by the service every minute (syncCommands).
  const menus = createStaffMenus(bot.api, i18n, () => deps.staff.list(), deps.logger);
  return { bot, i18n, registerCommands: () => menus.sync(), syncCommands: () => menus.sync() };
}

export type StaffBot = ReturnType<typeof createStaffBot>;
