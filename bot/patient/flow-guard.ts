import { Composer } from 'grammy';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { PatientContext } from './context.js';
import { mainMenu } from './menu.js';

const MENU_KEYS = ['menu-apply', 'menu-applications', 'menu-documents', 'menu-profiles', 'menu-add-patient', 'menu-help'];

function isMenuButton(ctx: I18nFlavor, text: string): boolean {
  return MENU_KEYS.some((key) => ctx.t(key) === text);
}

/**
 * Runs before the conversations: /cancel leaves any flow cleanly, and any other command or menu button
 * leaves the current flow before doing what was asked, so a half-finished form never swallows it.
 */
export function flowGuard() {
  const guard = new Composer<PatientContext>();

  guard.command('cancel', async (ctx) => {
    const active = Object.keys(ctx.conversation.active()).length > 0;
    const hadUpload = ctx.session.upload !== undefined || ctx.session.pendingFiles !== undefined || ctx.session.applyDraft !== undefined;
    await ctx.conversation.exitAll();
    delete ctx.session.upload;
    delete ctx.session.pendingFiles;
    delete ctx.session.applyDraft;
    const registered = ctx.deps.accounts.find(ctx.from!.id) !== undefined;
    await ctx.reply(ctx.t(active || hadUpload ? 'cancelled' : 'nothing-to-cancel'), registered ? { reply_markup: mainMenu(ctx) } : {});
  });

  guard.on('message:text', async (ctx, next) => {
    const text = ctx.message.text;
    if (text.startsWith('/') || isMenuButton(ctx, text)) {
      if (Object.keys(ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
      delete ctx.session.upload;
      // The application draft is kept (the apply button offers to go on with it), but stops taking typed text.
      delete ctx.session.applyDraft?.awaiting;
    }
    await next();
  });

  return guard;
}
