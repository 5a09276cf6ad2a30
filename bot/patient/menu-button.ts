import type { Api } from 'grammy';
import type { MenuButton } from 'grammy/types';

/** Where the Mini App is served by our own server. */
export function miniAppUrl(publicUrl: string): string {
  return `${publicUrl}/app/`;
}

/** The web app button, or undefined when the service has no https address (Telegram opens web apps over https only). */
function webAppButton(publicUrl: string | undefined, text: string): MenuButton | undefined {
  return publicUrl?.startsWith('https://') ? { type: 'web_app', text, web_app: { url: miniAppUrl(publicUrl) } } : undefined;
}

/**
 * The bot's default menu button opens the Mini App when the service has a public https address (init data is
 * present only when opened from the menu or an inline button, not from a reply keyboard). Without one, the default
 * commands menu stays.
 */
export async function configureMenuButton(api: Api, publicUrl: string | undefined, text: string): Promise<void> {
  await api.setChatMenuButton({ menu_button: webAppButton(publicUrl, text) ?? { type: 'default' } });
}

/**
 * One chat's menu button, labelled in that person's language: the bot-wide default is in the default language, and
 * Telegram keeps a chat's own button over it. Nothing to do without a Mini App address.
 */
export async function configureChatMenuButton(api: Api, publicUrl: string | undefined, chatId: number, text: string): Promise<void> {
  const button = webAppButton(publicUrl, text);
  if (button) await api.setChatMenuButton({ chat_id: chatId, menu_button: button });
}
