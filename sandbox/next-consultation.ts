import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { consultations, slots } from '../db/schema.js';

/** When the next booked consultation (any patient, any doctor) starts after `now`; undefined when none is booked. */
export function nextConsultationStart(db: Db, now: number): number | undefined {
  return db
    .select({ startsAt: slots.startsAt })
    .from(consultations)
    .innerJoin(slots, eq(slots.id, consultations.slotId))
    .where(and(eq(consultations.status, 'scheduled'), gt(slots.startsAt, now)))
    .orderBy(asc(slots.startsAt))
    .limit(1)
    .get()?.startsAt;
}
