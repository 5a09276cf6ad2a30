import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roomPasses } from '../../db/schema.js';

export type RoomSide = 'doctor' | 'patient';

export interface RoomPass {
  consultationId: number;
  side: RoomSide;
  personId: number;
}

/** A secret of 256 bits, base64url: unguessable, and safe in a URL or a header. */
export const newSecret = (): string => randomBytes(32).toString('base64url');
const hashOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');
// Anything else is not one of ours: refused before it reaches the database.
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** The room passes table: tickets are claimed by one conditional UPDATE, so two tabs racing for one ticket get one session. */
export function createRoomPasses(db: Db) {
  return {
    issue(pass: RoomPass, ticketExpiresAt: number, now: number): string {
      const ticket = newSecret();
      db.insert(roomPasses).values({ ...pass, ticketHash: hashOf(ticket), ticketExpiresAt, createdAt: now }).run();
      // Expired, never-used tickets of finished calls are of no use to anyone.
      db.delete(roomPasses).where(and(isNull(roomPasses.usedAt), lt(roomPasses.ticketExpiresAt, now - 86_400_000))).run();
      return ticket;
    },

    /** Whether the ticket is this consultation's, unused and unexpired (without using it up). */
    valid(consultationId: number, ticket: string, now: number): boolean {
      if (!SECRET.test(ticket)) return false;
      const row = db
        .select({ id: roomPasses.id })
        .from(roomPasses)
        .where(and(eq(roomPasses.ticketHash, hashOf(ticket)), eq(roomPasses.consultationId, consultationId), isNull(roomPasses.usedAt), gt(roomPasses.ticketExpiresAt, now)))
        .get();
      return row !== undefined;
    },

    /** Uses up the ticket of this consultation, if unused and unexpired, and opens a session; undefined otherwise. */
    claim(consultationId: number, ticket: string, sessionExpiresAt: number, now: number): (RoomPass & { session: string }) | undefined {
      if (!SECRET.test(ticket)) return undefined;
      const session = newSecret();
      const row = db
        .update(roomPasses)
        .set({ usedAt: now, sessionHash: hashOf(session), sessionExpiresAt })
        .where(and(eq(roomPasses.ticketHash, hashOf(ticket)), eq(roomPasses.consultationId, consultationId), isNull(roomPasses.usedAt), gt(roomPasses.ticketExpiresAt, now)))
        .returning({ consultationId: roomPasses.consultationId, side: roomPasses.side, personId: roomPasses.personId })
        .get();
      return row ? { ...row, session } : undefined;
    },

    /** The pass a live session belongs to. */
    bySession(session: string, now: number): (RoomPass & { sessionExpiresAt: number }) | undefined {
      if (!SECRET.test(session)) return undefined;
      const row = db
        .select({ consultationId: roomPasses.consultationId, side: roomPasses.side, personId: roomPasses.personId, sessionExpiresAt: roomPasses.sessionExpiresAt })
        .from(roomPasses)
        .where(and(eq(roomPasses.sessionHash, hashOf(session)), gt(roomPasses.sessionExpiresAt, now)))
        .get();
      return row && row.sessionExpiresAt !== null ? { ...row, sessionExpiresAt: row.sessionExpiresAt } : undefined;
    },
  };
}
