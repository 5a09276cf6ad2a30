import { Keyboard } from 'grammy';
import type { I18nFlavor } from '@grammyjs/i18n';

/** The persistent main menu; its labels are matched back with i18n's `hears`, in every locale. */
export function mainMenu(ctx: I18nFlavor): Keyboard {
  return new Keyboard()
    .text(ctx.t('menu-apply'))
    .text(ctx.t('menu-applications'))
    .row()
    .text(ctx.t('menu-documents'))
    .text(ctx.t('menu-profiles'))
    .row()
    .text(ctx.t('menu-add-patient'))
    .text(ctx.t('menu-help'))
    .resized()
    .persistent();
}
