import { attendanceOf } from '../room/index.js';
import { enqueue } from '../outbox/repository.js';
import { scheduledStartingIn } from './queries.js';
import { NO_SHOW_OFFER_AFTER_MS, NO_SHOW_OFFER_TEMPLATE, reminderDedupeKey } from './rules.js';
import type { Job } from './scheduler.js';

const HOUR = 3_600_000;

/**
 * NO_SHOW_OFFER_AFTER_MS after the start of a consultation whose doctor is in the room and whose patient has not come
 * (by the room page's attendance), the doctor is offered to record a no-show. Due at startsAt + offset, so one due in (from, to] starts in
 * (from − offset, to − offset].
 */
export function noShowOfferJob(): Job {
  return {
    name: 'no_show.offer',
    firstRunLookbackMs: HOUR,
    run(tx, { from, to }) {
      let queued = 0;
      for (const c of scheduledStartingIn(tx, from - NO_SHOW_OFFER_AFTER_MS, to - NO_SHOW_OFFER_AFTER_MS)) {
        const attendance = attendanceOf(tx, c.id);
        // The doctor is in the room and waiting; a call nobody opened the room page for is not judged from here.
        if (c.doctorTelegramId === null || attendance.doctorJoinedAt === null || attendance.patientJoinedAt !== null) continue;
        enqueue(
          tx,
          {
            chatId: c.doctorTelegramId,
            template: NO_SHOW_OFFER_TEMPLATE,
            params: { consultationId: c.id, startsAt: c.startsAt },
            dedupeKey: reminderDedupeKey.noShowOffer(c.id, c.startsAt),
          },
          to,
        );
        queued++;
      }
      return queued;
    },
  };
}
