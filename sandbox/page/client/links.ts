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

export function openLink(config: Config, url: string): void {
  window.open(localUrl(config, url), '_blank', 'noopener');
}
