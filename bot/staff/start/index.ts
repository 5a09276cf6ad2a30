import { Composer } from 'grammy';
import { DomainError } from '../../../core/errors.js';
import { INVITE_PREFIX } from '../../../core/staff/invites.js';
import { domainErrorText } from '../../shared/domain-error-text.js';
import { setStaffCommands } from '../commands.js';
import type { StaffContext } from '../context.js';

/** /start inv_…: the single-use invite that turns a Telegram account into a staff member. */
export function inviteFeature() {
  const feature = new Composer<StaffContext>();
  feature.command('start', async (ctx, next) => {
    const payload = ctx.match.trim();
    if (!payload.startsWith(INVITE_PREFIX)) return next();
    if (ctx.staff) return ctx.reply(ctx.t('staff-already-joined', { name: ctx.staff.name }));
    try {
      const member = ctx.deps.staffInvites.accept(payload, ctx.from!.id);
      const locale = await ctx.i18n.getLocale();
      ctx.deps.staff.setLocale(member.id, locale);
      // Their role's menu from now on, in their own chat (a stranger's menu stays empty).
      await setStaffCommands(ctx.api, (_locale, command) => ctx.t(`cmd-${command}`), { ...member, telegramId: ctx.from!.id, locale, active: true });
      await ctx.reply(ctx.t('staff-welcome', { name: member.name, role: ctx.t(`staff-role-${member.role}`) }));
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      ctx.deps.logger.info({ code: err.code, telegramId: ctx.from!.id }, 'staff invite refused');
      await ctx.reply(domainErrorText(ctx, err));
    }
  });
  return feature;
}
