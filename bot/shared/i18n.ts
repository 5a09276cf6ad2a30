import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import type { Context } from 'grammy';

export const LOCALES = ['ru', 'en'] as const;
export type BotLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: BotLocale = 'ru';

const localesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'locales');

/** Maps any Telegram language code onto a locale we have; Russian unless the person's Telegram speaks English. */
export function pickLocale(code: string | undefined | null): BotLocale {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as BotLocale) : DEFAULT_LOCALE;
}

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
