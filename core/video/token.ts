import { SignJWT } from 'jose';
import { ROOM_NAME_PATTERN } from './room.js';

/** The self-hosted Jitsi: `config.jitsi` (JITSI_DOMAIN, JITSI_APP_ID, JITSI_APP_SECRET). */
export interface JitsiSettings {
  /** Public host name of the Jitsi web front, optionally with a port: meet.example.org, meet.example.org:8443. */
  domain: string;
  appId: string;
  appSecret: string;
}

export interface RoomUser {
  /** Our own stable id (e.g. 'staff:12', 'patient:34'); Jitsi only logs it. Never health data. */
  id: string;
  /** Shown to the other side of the call. */
  name: string;
  /** The doctor: owner of the room, admits the patient from the lobby. */
  moderator: boolean;
  email?: string;
}

export interface RoomTokenOptions {
  jitsi: JitsiSettings;
  room: string;
  user: RoomUser;
  /** Start and end of the appointment, ms since the epoch. */
  startsAt: number;
  endsAt: number;
  /** When the token is made (ms); the service passes its clock. */
  issuedAt?: number;
}

/**
 * `aud`: Prosody's token_verification accepts any audience unless `asap_accepted_audiences`
 * (docker-jitsi-meet: JWT_ACCEPTED_AUDIENCES) is set; deploy/jitsi pins it to this value, the one
 * lib-jitsi-meet's doc/tokens.md and JaaS use.
 */
export const TOKEN_AUDIENCE = 'jitsi';
/** The link opens this long before the appointment, so the device check and the lobby can come first. */
export const JOIN_EARLY_MS = 15 * 60_000;
/** ...and keeps working this long after its planned end, for a consultation that runs over. */
export const STAY_LATE_MS = 30 * 60_000;
/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits. */
export const MIN_SECRET_BYTES = 32;

const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;

/** Throws TypeError when the Jitsi settings cannot make working, safe links (bad host name, short secret). */
export function assertJitsiSettings(jitsi: JitsiSettings): void {
  if (!DOMAIN.test(jitsi.domain)) {
    throw new TypeError(`JITSI_DOMAIN must be a bare host name (optionally :port), got ${JSON.stringify(jitsi.domain)}`);
  }
  if (!jitsi.appId.trim()) throw new TypeError('JITSI_APP_ID is empty');
  if (Buffer.byteLength(jitsi.appSecret, 'utf8') < MIN_SECRET_BYTES) {
    throw new TypeError(`JITSI_APP_SECRET must be at least ${MIN_SECRET_BYTES} bytes (openssl rand -hex 32)`);
  }
}

/** The window a token is valid in, in whole seconds as JWT wants them: [nbf, exp). */
export function tokenWindow(startsAt: number, endsAt: number): { nbf: number; exp: number } {
  return { nbf: Math.floor((startsAt - JOIN_EARLY_MS) / 1000), exp: Math.ceil((endsAt + STAY_LATE_MS) / 1000) };
}

/**
 * Signs the JWT that lets one person into one room of our Jitsi, from 15 minutes before the start to
 * 30 minutes after the end. The claims are those Prosody's token_verification checks (iss, aud, room,
 * nbf/exp; sub only with domain verification on) and that mod_token_affiliation reads to make the doctor
 * the room's owner: `context.user.affiliation` and, for newer Jitsi, `context.user.moderator`.
 */
export async function createRoomToken(opts: RoomTokenOptions): Promise<string> {
  const { jitsi, room, user, startsAt, endsAt } = opts;
  assertJitsiSettings(jitsi);
  // A token is a key to exactly one of our rooms; never '*' or a name someone could guess.
  if (!ROOM_NAME_PATTERN.test(room)) throw new TypeError(`not one of our room names: ${JSON.stringify(room)}`);
  if (!Number.isFinite(startsAt) || !Number.isFinite(endsAt) || endsAt <= startsAt) {
    throw new RangeError('endsAt must be a time after startsAt');
  }
  if (!user.id.trim() || !user.name.trim()) throw new TypeError('a room user needs an id and a name');

  const { nbf, exp } = tokenWindow(startsAt, endsAt);
  const owner = user.moderator === true;
  const contextUser: Record<string, string | boolean> = {
    id: user.id,
    name: user.name.trim(),
    affiliation: owner ? 'owner' : 'member',
    moderator: owner,
  };
  if (user.email) contextUser.email = user.email;
  // The lobby is on in every room (lobby_autostart); the doctor walks past it (token_lobby_bypass reads
  // context.user.lobby_bypass === true), the patient knocks and is admitted by the doctor.
  if (owner) contextUser.lobby_bypass = true;

  return new SignJWT({ room, context: { user: contextUser } })
    // Prosody's luajwtjitsi refuses a token whose header lacks typ: 'JWT'; jose leaves typ out by default.
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(jitsi.appId)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(subjectFor(jitsi.domain))
    .setIssuedAt(Math.floor((opts.issuedAt ?? Date.now()) / 1000))
    .setNotBefore(nbf)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(jitsi.appSecret));
}

/** `sub` is the domain, lower-cased and without the port (lib-jitsi-meet doc/tokens.md). */
export function subjectFor(domain: string): string {
  return domain.replace(/:\d+$/, '').toLowerCase();
}
