import { eq, sql } from 'drizzle-orm';
import type { Db, Writer } from '../../db/client.js';
import { callAttendance } from '../../db/schema.js';
import type { RoomSide } from './passes.js';

export interface Attendance {
  doctorJoinedAt: number | null;
  doctorLeftAt: number | null;
  patientJoinedAt: number | null;
  patientLeftAt: number | null;
  audioOnlyAt: number | null;
}

export type CallEvent = 'joined' | 'left' | 'audio_only';

const EMPTY: Attendance = { doctorJoinedAt: null, doctorLeftAt: null, patientJoinedAt: null, patientLeftAt: null, audioOnlyAt: null };

/** Reads one consultation's attendance (empty when nobody came). */
export function attendanceOf(tx: Writer, consultationId: number): Attendance {
  const row = tx
    .select({
      doctorJoinedAt: callAttendance.doctorJoinedAt,
      doctorLeftAt: callAttendance.doctorLeftAt,
      patientJoinedAt: callAttendance.patientJoinedAt,
      patientLeftAt: callAttendance.patientLeftAt,
      audioOnlyAt: callAttendance.audioOnlyAt,
    })
    .from(callAttendance)
    .where(eq(callAttendance.consultationId, consultationId))
    .get();
  return row ?? EMPTY;
}

/**
 * Records one side's own event at the service's time: the first join stays, a join after leaving clears the leave
 * (the call goes on), a leave is the latest one. A side only ever reports itself: its session says which side it is.
 */
export function recordCallEvent(db: Db, consultationId: number, side: RoomSide, event: CallEvent, now: number): Attendance {
  const joined = side === 'doctor' ? callAttendance.doctorJoinedAt : callAttendance.patientJoinedAt;
  const joinedKey = side === 'doctor' ? 'doctorJoinedAt' : 'patientJoinedAt';
  const leftKey = side === 'doctor' ? 'doctorLeftAt' : 'patientLeftAt';
  db.insert(callAttendance).values({ consultationId }).onConflictDoNothing().run();
  const where = eq(callAttendance.consultationId, consultationId);
  if (event === 'joined') db.update(callAttendance).set({ [joinedKey]: sql`coalesce(${joined}, ${now})`, [leftKey]: null }).where(where).run();
  // A leave without a join (a page closed in the lobby) says nothing about the call.
  else if (event === 'left') db.update(callAttendance).set({ [leftKey]: sql`case when ${joined} is null then null else ${now} end` }).where(where).run();
  else db.update(callAttendance).set({ audioOnlyAt: sql`coalesce(${callAttendance.audioOnlyAt}, ${now})` }).where(where).run();
  return attendanceOf(db, consultationId);
}

/**
 * Whether the call was held (both sides were in it) and for how long: from the later of the two joins to the earlier
 * of the two last leaves; `now` stands in for a side still in the call. Undefined when one side never came.
 */
export function heldDuration(a: Omit<Attendance, 'audioOnlyAt'>, now: number): { seconds: number; ongoing: boolean } | undefined {
  if (a.doctorJoinedAt === null || a.patientJoinedAt === null) return undefined;
  const ongoing = a.doctorLeftAt === null && a.patientLeftAt === null;
  const end = Math.min(a.doctorLeftAt ?? now, a.patientLeftAt ?? now);
  const start = Math.max(a.doctorJoinedAt, a.patientJoinedAt);
  return { seconds: Math.max(0, Math.round((end - start) / 1000)), ongoing };
}
