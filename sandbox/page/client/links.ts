import type { Config } from './types.js';

/**
 * Telegram opens Mini Apps over https only, so the bots are told the service lives at an https address of the
 * sandbox's own (`publicUrl`); links to it open this server instead. Join links of video calls, minted for the
 * sandbox's stand-in Jitsi domain, open the stand-in room page.
 */
export function localUrl(config: Config, url: string): string {
  if (url.startsWith(`${config.publicUrl}/`) || url === config.publicUrl) return `${location.origin}${url.slice(config.publicUrl.length) || '/'}`;
  const jitsi = `https://${config.jitsiDomain}/`;
  if (url.startsWith(jitsi)) {
    const room = url.slice(jitsi.length).split(/[?#]/)[0] ?? '';
    return `${location.origin}/sandbox/room/${encodeURIComponent(decodeURIComponent(room))}`;
  }
  return url;
}

type TelegramLink = (bot: 'patient' | 'staff', start: string | undefined) => void;
let onTelegramLink: TelegramLink | undefined;

/** What a t.me link to one of the sandbox's bots does: the page opens that chat and presses Start, as Telegram does. */
export function handleTelegramLinks(handler: TelegramLink): void {
  onTelegramLink = handler;
}

/** The sandbox bot a t.me (or tg://resolve) link names, with its start parameter; undefined for anything else. */
export function sandboxBotLink(config: Config, url: string): { bot: 'patient' | 'staff'; start: string | undefined } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const name = parsed.protocol === 'tg:' ? parsed.searchParams.get('domain') : /^(www\.)?(t\.me|telegram\.me)$/i.test(parsed.hostname) ? parsed.pathname.split('/')[1] : null;
  const bot = name?.toLowerCase() === config.bots.patient.toLowerCase() ? 'patient' : name?.toLowerCase() === config.bots.staff.toLowerCase() ? 'staff' : undefined;
  return bot ? { bot, start: parsed.searchParams.get('start') ?? undefined } : undefined;
}

export function openLink(config: Config, url: string): void {
  const bot = sandboxBotLink(config, url);
  if (bot && onTelegramLink) return onTelegramLink(bot.bot, bot.start);
  window.open(localUrl(config, url), '_blank', 'noopener');
}
