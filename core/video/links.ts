import type { JitsiSettings } from './token.js';

/**
 * The address that opens a room of our Jitsi with a person's token: https://<domain>/<room>?jwt=<token>
 * (the form lib-jitsi-meet's doc/tokens.md gives; docker-jitsi-meet's nginx redacts ?jwt= in its logs).
 */
export function roomUrl({ domain }: Pick<JitsiSettings, 'domain'>, room: string, token: string): string {
  return `https://${domain}/${encodeURIComponent(room)}?jwt=${encodeURIComponent(token)}`;
}
