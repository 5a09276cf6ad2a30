import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18n, type I18nFlavor } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import { DEFAULT_LOCALE, pickLocale } from '../../core/locales.js';
import { htmlTranslate } from './html.js';

// The one list of languages lives in core; the bots speak exactly those.
export { DEFAULT_LOCALE, LOCALES, pickLocale, type Locale as BotLocale } from '../../core/locales.js';

// bot/locales/<lang>/{patient,staff,shared}/<feature>.ftl: @grammyjs/i18n walks the nested folders and takes
// the first folder under locales/ as the language.
const localesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'locales');

/**
 * The stored choice wins (the account's, or the session's before consent), then Telegram's language.
 * Reading the account on every update is a prepared-statement lookup; it keeps conversations, which have
 * no session, in the same language as the rest of the bot.
 */
export function createI18n<C extends Context>(storedLocale: (ctx: C) => string | undefined) {
  return new I18n<C>({
    defaultLocale: DEFAULT_LOCALE,
    directory: localesDir,
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => pickLocale(storedLocale(ctx) ?? ctx.from?.language_code),
  });
}

/** ctx.t for message texts (escapes its arguments, see bot/shared/html.ts), ctx.tText for labels, alerts and other plain text. */
export type HtmlI18nFlavor = I18nFlavor & { tText: I18nFlavor['t'] };

/** Installed right after the i18n plugin (on the bot and in every conversation): turns its ctx.t into the escaping one. */
export function htmlI18n(ctx: Context, next: () => Promise<void>): Promise<void> {
  const c = ctx as unknown as I18nFlavor & { tText?: I18nFlavor['t'] };
  const plain = c.translate;
  c.tText = plain;
  c.t = c.translate = htmlTranslate(plain);
  return next();
}
