import { enqueue } from '../outbox/repository.js';
import { addDays, zonedDate, zonedToUtc } from '../time.js';
import { reachableStaff, scheduledStartingIn } from './queries.js';
import { DIGEST, DOCTOR_DIGEST_TEMPLATE, reminderDedupeKey } from './rules.js';
import type { Job } from './scheduler.js';

const HOUR = 3_600_000;
// A calendar day of any zone of Russia (UTC+2 … UTC+12) that contains a moment lies within this much of it.
const ANY_ZONE_DAY = 38 * HOUR;

/**
 * Every morning at 08:00 Moscow time, each doctor and duty doctor with consultations that day gets the day's list. The
 * day is the doctor's own calendar day at that moment (Moscow's for most); the list itself is read when it is sent.
 */
export function doctorDigestJob(): Job {
  return {
    name: 'digest.doctors',
    // A first start at 09:00 still sends that morning's list.
    firstRunLookbackMs: 12 * HOUR,
    run(tx, { from, to }) {
      let queued = 0;
      for (let day = zonedDate(from, DIGEST.timeZone); day <= zonedDate(to, DIGEST.timeZone); day = addDays(day, 1)) {
        const at = zonedToUtc(day, DIGEST.at, DIGEST.timeZone);
        // Only a morning inside the window, and only while the list is still of use that day.
        if (at <= from || at > to || to >= zonedToUtc(day, DIGEST.staleAt, DIGEST.timeZone)) continue;
        const startsByStaff = new Map<number, number[]>();
        for (const c of scheduledStartingIn(tx, at - ANY_ZONE_DAY, at + ANY_ZONE_DAY)) {
          const list = startsByStaff.get(c.staffId);
          if (list) list.push(c.startsAt);
          else startsByStaff.set(c.staffId, [c.startsAt]);
        }
        for (const member of reachableStaff(tx)) {
          const date = zonedDate(at, member.timeZone);
          const span = { from: zonedToUtc(date, '00:00', member.timeZone), to: zonedToUtc(addDays(date, 1), '00:00', member.timeZone) };
          if (!startsByStaff.get(member.id)?.some((startsAt) => startsAt >= span.from && startsAt < span.to)) continue;
          enqueue(
            tx,
            {
              chatId: member.telegramId,
              template: DOCTOR_DIGEST_TEMPLATE,
              params: { date, moscowDate: day },
              dedupeKey: reminderDedupeKey.digest(member.id, day),
            },
            to,
          );
          queued++;
        }
      }
      return queued;
    },
  };
}
