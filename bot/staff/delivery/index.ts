import { Composer } from 'grammy';
import type { StaffContext } from '../context.js';
import { deliveryView } from './view.js';

// Template names, chat ids and counts only: no patient's name or health detail is read here, so nothing is audited.

const mayRead = (ctx: StaffContext) => ctx.staff?.role === 'manager' || ctx.staff?.role === 'admin';

/** /delivery for managers and admins: what waits, what failed in the last day and why, who blocked the patient bot. */
export function deliveryFeature() {
  const feature = new Composer<StaffContext>();
  feature.command('delivery', async (ctx) => {
    if (!mayRead(ctx)) return ctx.reply(ctx.t('delivery-not-allowed'));
    const report = ctx.deps.outbox.deliveryReport(ctx.deps.clock.now());
    await ctx.reply(deliveryView(ctx.t, report, ctx.staff!.timeZone));
  });
  return feature;
}
