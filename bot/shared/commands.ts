import type { I18n } from '@grammyjs/i18n';
import type { Api, Context } from 'grammy';
import { DEFAULT_LOCALE, LOCALES } from './i18n.js';

/** Registers the command menu for every locale, and the default (no language) in Russian. */
export async function registerCommands<C extends Context>(api: Api, i18n: I18n<C>, commands: readonly string[]): Promise<void> {
  const list = (locale: string) => commands.map((command) => ({ command, description: i18n.t(locale, `cmd-${command}`) }));
  for (const locale of LOCALES) await api.setMyCommands(list(locale), { language_code: locale });
  await api.setMyCommands(list(DEFAULT_LOCALE));
}
