import { Composer } from 'grammy';
import { staffActor } from '../../../core/actor.js';
import { DomainError } from '../../../core/errors.js';
import { mayManageReferrals, type InviteErrorCode } from '../../../core/referrals/invites.js';
import type { StaffContext } from '../context.js';
import { pageData, parsePage, parseResend, resendData, type InviteFilter } from './invites-callback-data.js';
import { invitesView, PAGE_SIZE } from './invites-view.js';

async function page(ctx: StaffContext, filter: InviteFilter, pageNo: number) {
  const member = ctx.staff!;
  // Each listing shows names and phones of referred people: it is recorded as this staff member's access.
  const list = (n: number) =>
    ctx.deps.referralInvites.list({ actor: staffActor(member), state: filter === 'all' ? undefined : filter, limit: PAGE_SIZE, offset: n * PAGE_SIZE });
  let shown = pageNo;
  let result = list(shown);
  // A page emptied meanwhile (a filter's rows moved on): show the last page that still has rows.
  if (!result.items.length && shown > 0 && result.total > 0) {
    shown = Math.ceil(result.total / PAGE_SIZE) - 1;
    result = list(shown);
  }
  return invitesView(ctx.t, ctx.tText, await ctx.i18n.getLocale(), ctx.deps.catalog, member.timeZone, ctx.deps.clock.now(), { ...result, filter, page: shown });
}

/**
 * /referrals for managers and admins: recent referrals with their SMS invite state and whether the person has come to
 * the bot; a Resend button on the ones not delivered or still waiting. Everyone else is told it is for managers; the
 * role is checked again on every press.
 */
export function referralInvitesFeature() {
  const feature = new Composer<StaffContext>();

  feature.command('referrals', async (ctx) => {
    if (!mayManageReferrals(staffActor(ctx.staff!))) return ctx.reply(ctx.t('refinv-not-allowed'));
    const v = await page(ctx, 'all', 0);
    await ctx.reply(v.text, { reply_markup: v.markup });
  });

  feature.callbackQuery(pageData.filter(), async (ctx) => {
    const data = parsePage(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    if (!mayManageReferrals(staffActor(ctx.staff!))) return ctx.answerCallbackQuery({ text: ctx.t('refinv-not-allowed'), show_alert: true });
    await ctx.answerCallbackQuery();
    const v = await page(ctx, data.filter, data.page);
    await ctx.editMessageText(v.text, { reply_markup: v.markup });
  });

  feature.callbackQuery(resendData.filter(), async (ctx) => {
    const data = parseResend(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('staff-unknown-action') });
    if (!mayManageReferrals(staffActor(ctx.staff!))) return ctx.answerCallbackQuery({ text: ctx.t('refinv-not-allowed'), show_alert: true });
    try {
      ctx.deps.referralInvites.resend(data.id, staffActor(ctx.staff!));
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const linked = (err.code as InviteErrorCode) === 'referral_linked';
      await ctx.answerCallbackQuery({ text: ctx.t(linked ? 'refinv-err-referral-linked' : 'refinv-err-referral-not-found'), show_alert: true });
      const v = await page(ctx, data.filter, data.page);
      return ctx.editMessageText(v.text, { reply_markup: v.markup });
    }
    await ctx.answerCallbackQuery({ text: ctx.t('refinv-resent') });
    const v = await page(ctx, data.filter, data.page);
    await ctx.editMessageText(v.text, { reply_markup: v.markup });
  });

  return feature;
}
