import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import { roomUrl } from './links.js';
import { newRoomName } from './room.js';
import { assertJitsiSettings, createRoomToken, tokenWindow, type JitsiSettings, type RoomUser } from './token.js';

/** `video_not_configured`: no JITSI_* set; `video_window_closed`: the consultation's window is over. */
export type VideoErrorCode = 'video_not_configured' | 'video_window_closed';

export interface JoinLinkInput {
  room: string;
  user: RoomUser;
  /** The appointment, ms since the epoch. */
  startsAt: number;
  endsAt: number;
}

export interface JoinLink {
  /** https://<domain>/<room>?jwt=<token>, to open directly. */
  url: string;
  /** What JitsiMeetExternalAPI needs for an embedded call: domain, roomName and jwt. */
  domain: string;
  room: string;
  token: string;
  /** The token works from validFrom (inclusive) to validUntil (exclusive), ms since the epoch. */
  validFrom: number;
  validUntil: number;
}

export interface VideoService {
  /** Whether JITSI_* are set, so that links can be made at all. */
  configured: boolean;
  /** A new unguessable room name for a consultation; works without Jitsi configured. */
  roomName(): string;
  /** A personal link into the room; DomainError video_not_configured or video_window_closed. */
  joinLink(input: JoinLinkInput): Promise<JoinLink>;
}

/** `jitsi` is `config.jitsi`; bad settings (host name, a short secret) throw here, at start. */
export function createVideoService(jitsi: JitsiSettings | undefined, clock: Clock): VideoService {
  if (jitsi) assertJitsiSettings(jitsi);
  return {
    configured: jitsi !== undefined,
    roomName: () => newRoomName(),
    async joinLink({ room, user, startsAt, endsAt }) {
      if (!jitsi) throw new DomainError<VideoErrorCode>('video_not_configured');
      const now = clock.now();
      const { nbf, exp } = tokenWindow(startsAt, endsAt);
      if (now >= exp * 1000) throw new DomainError<VideoErrorCode>('video_window_closed');
      const token = await createRoomToken({ jitsi, room, user, startsAt, endsAt, issuedAt: now });
      return {
        url: roomUrl(jitsi, room, token),
        domain: jitsi.domain,
        room,
        token,
        validFrom: nbf * 1000,
        validUntil: exp * 1000,
      };
    },
  };
}
