import { decodeJwt, type JWTPayload } from 'jose';
import type { RoomEntry, RoomService } from '../../core/room/index.js';

/** A room page link's consultation and one-time ticket: <PUBLIC_URL>/room/<id>?t=<ticket>. */
export function parseRoomLink(url: string): { origin: string; consultationId: number; ticket: string } {
  const parsed = new URL(url);
  const match = /^\/room\/(\d+)$/.exec(parsed.pathname);
  if (!match || !parsed.searchParams.get('t')) throw new Error(`not a room link: ${url}`);
  return { origin: parsed.origin, consultationId: Number(match[1]), ticket: parsed.searchParams.get('t')! };
}

/** What the room page gets for a link, as it asks for it (POST /api/room/enter), and the Jitsi token's claims. */
export async function enterRoomLink(room: Pick<RoomService, 'enter'>, url: string): Promise<{ entry: RoomEntry; claims: JWTPayload }> {
  const { consultationId, ticket } = parseRoomLink(url);
  const entry = await room.enter(consultationId, ticket);
  return { entry, claims: decodeJwt(entry.jitsi.jwt) };
}
