import type { Api } from 'grammy';

/** Where the Mini App is served by our own server. */
export function miniAppUrl(publicUrl: string): string {
  return `${publicUrl}/app/`;
}

/**
 * The chat's menu button opens the Mini App when the service has a public https address (Telegram opens web
 * apps over https only, and init data is present only when opened from the menu or an inline button, not from
 * a reply keyboard). Without one, the default commands menu stays.
 */
export async function configureMenuButton(api: Api, publicUrl: string | undefined, text: string): Promise<void> {
  if (publicUrl?.startsWith('https://')) {
    await api.setChatMenuButton({ menu_button: { type: 'web_app', text, web_app: { url: miniAppUrl(publicUrl) } } });
  } else {
    await api.setChatMenuButton({ menu_button: { type: 'default' } });
  }
}
