import { createConversation } from '@grammyjs/conversations';
import { Composer } from 'grammy';
import { CONCLUDE_START_PREFIX } from '../../../core/room/index.js';
import { consultData, unpackId } from '../consultations/callback-data.js';
import { staffErrorText } from '../consultations/errors.js';
import { parseNumberArgument } from '../consultations/format.js';
import type { StaffContext, StaffConvoContext } from '../context.js';
import type { StaffBotDeps } from '../deps.js';
import { checkConcludable } from './check.js';
import { CONCLUDE, createConcludeConversation } from './conversation.js';

/** The conclusion conversation; registered before every feature's commands, so an open one sees each update first. */
export function concludeFlow(deps: StaffBotDeps) {
  return new Composer<StaffContext>().use(createConversation<StaffContext, StaffConvoContext>(createConcludeConversation(deps), CONCLUDE));
}

/** /conclude N, "📝 Conclusion" on a consultation's card and the room page's hand-off (/start conclude_N) open the conclusion conversation (concludeFlow). */
export function concludeFeature() {
  const feature = new Composer<StaffContext>();

  const begin = async (ctx: StaffContext, consultationId: number) => {
    // The PDF prints <PUBLIC_URL>/verify/<code>: without a public address there is nothing to print.
    if (!ctx.deps.publicUrl) return ctx.reply(ctx.t('concl-no-public-url'));
    const checked = checkConcludable(ctx.deps, ctx.staff!, consultationId);
    if (!checked.ok) return ctx.reply(staffErrorText(ctx, checked.error));
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(CONCLUDE, consultationId);
  };

  feature.command('conclude', async (ctx) => {
    const id = parseNumberArgument(ctx.match);
    if (id === undefined) return ctx.reply(ctx.t('cons-usage', { command: '/conclude' }));
    await begin(ctx, id);
  });

  // The room page's "write the conclusion" after the call: t.me/<staff bot>?start=conclude_<id>.
  feature.command('start', async (ctx, next) => {
    const payload = ctx.match.trim();
    if (!payload.startsWith(CONCLUDE_START_PREFIX)) return next();
    const id = parseNumberArgument(payload.slice(CONCLUDE_START_PREFIX.length));
    if (id === undefined) return ctx.reply(ctx.t('cons-usage', { command: '/conclude' }));
    await begin(ctx, id);
  });

  feature.callbackQuery(consultData.filter({ action: 'conclude' }), async (ctx) => {
    const data = unpackId(consultData.unpack, ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    if (data) await begin(ctx, data.id);
  });

  return feature;
}
