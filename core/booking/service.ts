import type { Db } from '../../db/client.js';
import type { AuditLog } from '../audit.js';
import type { Clock } from '../clock.js';
import { DEFAULT_DUTY_LIMITS, JOIN_OPENS_MINUTES_BEFORE, type DutyLimits } from '../duty/limits.js';
import type { Specialty } from '../duty/specialty.js';
import { fulfilWaitlist, joinWaitlist, leaveWaitlist, offerFreedSlot, waitingOf, type WaitlistEntry } from '../duty/waitlist.js';
import { DomainError } from '../errors.js';
import { queueButtonEdits } from '../outbox/consultation-buttons.js';
import { enqueue } from '../outbox/repository.js';
import { addDays, zonedDate, zonedToUtc } from '../time.js';
import { callNameOf, type RoomService } from '../room/index.js';
import type { VideoService } from '../video/index.js';
import { createBookingRepository, type AccountProfiles, type OwnedConsultation, type Profile } from './repository.js';

/** Outbox template (staff bot) telling a duty doctor a patient booked them; params { consultationId }. */
export const DUTY_BOOKED_TEMPLATE = 'duty_consultation_booked';

const MINUTE = 60_000;
const DAY = 86_400_000;
const LONGEST_DAY = DAY + 60 * MINUTE;

export type BookingErrorCode =
  | 'slot_not_found'
  | 'slot_taken'
  | 'booking_too_late'
  | 'booking_limit_reached'
  | 'booking_overlaps'
  | 'consultation_not_found'
  | 'consultation_not_open'
  | 'consultation_started'
  | 'cancel_too_late'
  | 'not_reschedulable'
  | 'join_not_open'
  | 'date_out_of_range'
  | 'day_not_full';

const fail = (code: BookingErrorCode, details?: Record<string, string | number>) => new DomainError<BookingErrorCode>(code, details);

function isActiveSlotViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && e.message.includes('consultations.slot_id')) return true;
  }
  return false;
}

export interface BookingServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  video: Pick<VideoService, 'roomName' | 'joinLink'>;
  /** The room page's one-time links; without it (or without PUBLIC_URL) joining opens Jitsi's own URL. */
  room?: Pick<RoomService, 'available' | 'link'>;
  limits?: DutyLimits;
}

/** Where a Join leads: our room page (a one-time ticket, until ticketExpiresAt) or, without one, Jitsi's own URL. */
export interface PatientJoinLink {
  url: string;
  viaRoomPage: boolean;
  /** The call's window, ms. */
  validFrom: number;
  validUntil: number;
  /** The link must be opened before this (the room page's ticket; Jitsi's URL: the call's end). */
  openBefore: number;
}

export type BookingService = ReturnType<typeof createBookingService>;

/**
 * A patient's side of duty consultations: free slots, booking, cancelling, moving, joining, the waitlist. Callers pass
 * the account the request is authenticated as; every consultation is looked up through it, so another person's id is
 * simply not found. Refusals are DomainErrors with a BookingErrorCode.
 */
export function createBookingService(deps: BookingServiceDeps) {
  const { db, clock, audit, video, room } = deps;
  const limits = deps.limits ?? DEFAULT_DUTY_LIMITS;
  const repo = createBookingRepository(db);
  // IMMEDIATE takes the write lock first, so the per-profile checks and the insert see one state even with the CLI
  // writing from another process; the slot itself is guarded by consultations_active_slot_uq, not by a check.
  const immediate = <T>(fn: () => T): T => db.$client.transaction(fn).immediate();

  const cancelDeadline = (c: Pick<OwnedConsultation, 'kind' | 'startsAt'>) =>
    c.kind === 'duty' ? c.startsAt - limits.cancelMinNoticeMinutes * MINUTE : c.startsAt;

  /** Inside a transaction: the patient's cancellation, its consequences and (unless it is part of a move) the doctor's notice. */
  const cancelIn = (c: OwnedConsultation, now: number, notifyDoctor = true) => {
    if (!repo.cancel(c.id, now)) throw fail('consultation_not_open');
    queueButtonEdits(db, c.id, 'cancelled', now);
    if (c.applicationId !== null) repo.reopenApplication(c.applicationId, now);
    if (notifyDoctor && c.doctorTelegramId !== null) {
      enqueue(
        db,
        { chatId: c.doctorTelegramId, template: 'consultation_cancelled_by_patient', params: { consultationId: c.id }, dedupeKey: `consultation:${c.id}:cancelled` },
        now,
      );
    }
    if (c.kind === 'duty') offerFreedSlot(db, c.slotId, now, limits, { exceptPatientId: c.patientId });
  };

  const checkCancel = (c: OwnedConsultation | undefined, now: number): OwnedConsultation => {
    if (!c) throw fail('consultation_not_found');
    if (c.status !== 'scheduled') throw fail('consultation_not_open');
    if (now >= c.startsAt) throw fail('consultation_started');
    if (now > cancelDeadline(c)) throw fail('cancel_too_late', { minutes: limits.cancelMinNoticeMinutes });
    return c;
  };

  /**
   * Inside a transaction: the rules of a new duty booking, then the insert that the unique index arbitrates, and the
   * notices of a booking (a move sends its own instead).
   */
  const bookIn = (accountId: number, patientId: number, slotId: number, mode: 'video' | 'audio', now: number, notify = true): number => {
    const slot = repo.bookable(slotId);
    if (!slot) throw fail('slot_not_found');
    if (slot.startsAt < now + limits.bookingMinNoticeMinutes * MINUTE) throw fail('booking_too_late');
    if (slot.startsAt > now + (limits.daysAhead + 1) * 86_400_000) throw fail('slot_not_found');
    if (repo.activeDutyCount(patientId, now) >= limits.maxActiveDutyBookings) throw fail('booking_limit_reached', { max: limits.maxActiveDutyBookings });
    if (repo.overlapping(patientId, slot.startsAt, slot.endsAt)) throw fail('booking_overlaps');
    let id: number;
    try {
      id = repo.insert({ patientId, staffId: slot.staffId, slotId, mode, room: video.roomName(), now });
    } catch (err) {
      if (isActiveSlotViolation(err)) throw fail('slot_taken');
      throw err;
    }
    fulfilWaitlist(db, patientId, slot.specialty, slot.startsAt);
    if (!notify) return id;
    enqueue(db, { chatId: accountId, template: 'consultation_scheduled', params: { consultationId: id }, dedupeKey: `consultation:${id}:scheduled` }, now);
    if (slot.doctorTelegramId !== null) {
      enqueue(db, { chatId: slot.doctorTelegramId, template: DUTY_BOOKED_TEMPLATE, params: { consultationId: id }, dedupeKey: `consultation:${id}:duty_booked` }, now);
    }
    return id;
  };

  /**
   * The patient's dates (YYYY-MM-DD in `timeZone`) meeting [from, to), today … today + daysAhead, on which the
   * specialty has bookable duty slots (as freeSlots counts them: past the notice, within the horizon) and every one is
   * booked. Only on such a day can a cancellation free a time, so only these may be waited for. Each date is judged
   * whole, not just the part of it inside [from, to).
   */
  const fullDays = (from: number, to: number, specialty: Specialty, timeZone: string, now: number): string[] => {
    const today = zonedDate(now, timeZone);
    const first = [zonedDate(from, timeZone), today].sort()[1]!;
    const last = [zonedDate(to - 1, timeZone), addDays(today, limits.daysAhead)].sort()[0]!;
    if (first > last) return [];
    // A date lasts at most 25 hours: that much either side reaches both ends' whole dates; the dates filter the rest.
    const start = Math.max(from - LONGEST_DAY, now + limits.bookingMinNoticeMinutes * MINUTE);
    const end = Math.min(to + LONGEST_DAY, now + (limits.daysAhead + 1) * DAY);
    const free = new Map<string, boolean>();
    for (const [startsAt, booked] of start < end ? repo.dutyLoad(start, end, specialty) : []) {
      const date = zonedDate(startsAt, timeZone);
      if (date >= first && date <= last) free.set(date, free.get(date) === true || booked === 0);
    }
    return [...free].filter(([, anyFree]) => !anyFree).map(([date]) => date);
  };

  return {
    limits,

    /** The account's language and live profiles (oldest first); undefined without an account or any profile. */
    account: (accountId: number): AccountProfiles | undefined => repo.account(accountId),

    /** Free duty slots starting in [from, to), cut to what can still be booked (notice, days ahead). */
    freeSlots(from: number, to: number, specialty?: Specialty) {
      const now = clock.now();
      const start = Math.max(from, now + limits.bookingMinNoticeMinutes * MINUTE);
      const end = Math.min(to, now + (limits.daysAhead + 1) * 86_400_000);
      return start < end ? repo.freeSlots(start, end, specialty ?? null) : [];
    },

    /** The days of [from, to) that may be waited for: see fullDays above. Ascending. */
    fullDays: (from: number, to: number, specialty: Specialty, timeZone: string): string[] => fullDays(from, to, specialty, timeZone, clock.now()),

    /** The profile's consultations, newest first; the caller has checked the profile is the account's. */
    ofPatient: (patientId: number) => repo.ofPatient(patientId),

    /** A consultation of one of the account's live profiles; undefined for anyone else's. */
    owned: (accountId: number, consultationId: number) => repo.owned(accountId, consultationId),

    /** The last moment the patient may cancel (or, for duty, move) it: a duty one CANCEL_MIN_NOTICE_MINUTES before, else the start. */
    cancelDeadline: (c: Pick<OwnedConsultation, 'kind' | 'startsAt'>): number => cancelDeadline(c),

    /** Whether the patient may still cancel (or, for duty, move) it at `now`. */
    canCancel(c: Pick<OwnedConsultation, 'kind' | 'startsAt' | 'status'>, now = clock.now()): boolean {
      return c.status === 'scheduled' && now <= cancelDeadline(c) && now < c.startsAt;
    },

    /** Books a free duty slot for the profile (the caller has checked it is the account's); returns the consultation id. */
    book(accountId: number, patientId: number, slotId: number, mode: 'video' | 'audio'): number {
      const now = clock.now();
      const id = immediate(() => bookIn(accountId, patientId, slotId, mode, now));
      audit.record({ actor: { type: 'account', id: accountId }, action: 'consultation.booked', patientId, details: { consultationId: id, slotId } });
      return id;
    },

    /**
     * The patient cancels: a duty consultation until CANCEL_MIN_NOTICE_MINUTES before the start, an application's until
     * the start. The slot is free again, the doctor is told, and for a duty slot the first patient waiting for its day.
     */
    cancel(accountId: number, consultationId: number): OwnedConsultation {
      const now = clock.now();
      const c = immediate(() => {
        const found = checkCancel(repo.owned(accountId, consultationId), now);
        cancelIn(found, now);
        return found;
      });
      audit.record({ actor: { type: 'account', id: accountId }, action: 'consultation.cancelled', patientId: c.patientId, details: { consultationId } });
      return c;
    },

    /** Moves a duty booking to another slot in one transaction: both happen, or neither (409 slot_taken keeps the old). */
    reschedule(accountId: number, consultationId: number, slotId: number): number {
      const now = clock.now();
      const { id, patientId } = immediate(() => {
        const c = checkCancel(repo.owned(accountId, consultationId), now);
        if (c.kind !== 'duty') throw fail('not_reschedulable');
        if (c.slotId === slotId) throw fail('slot_taken');
        const newDoctor = repo.bookable(slotId)?.doctorTelegramId ?? null;
        const sameDoctor = newDoctor !== null && newDoctor === c.doctorTelegramId;
        // The same doctor hears of one move; another doctor's time is a cancellation for one and a booking for the other.
        cancelIn(c, now, !sameDoctor);
        const next = bookIn(accountId, c.patientId, slotId, c.mode, now, false);
        const moved = { consultationId: next, fromStartsAt: c.startsAt };
        enqueue(db, { chatId: accountId, template: 'consultation_rescheduled', params: moved, dedupeKey: `consultation:${next}:rescheduled` }, now);
        if (sameDoctor) {
          enqueue(db, { chatId: newDoctor, template: 'consultation_rescheduled_by_patient', params: moved, dedupeKey: `consultation:${next}:rescheduled_doctor` }, now);
        } else if (newDoctor !== null) {
          enqueue(db, { chatId: newDoctor, template: DUTY_BOOKED_TEMPLATE, params: { consultationId: next }, dedupeKey: `consultation:${next}:duty_booked` }, now);
        }
        return { id: next, patientId: c.patientId };
      });
      audit.record({ actor: { type: 'account', id: accountId }, action: 'consultation.rescheduled', patientId, details: { from: consultationId, to: id, slotId } });
      return id;
    },

    /** When the patient may join: [start − 10 min, end). */
    joinWindow: (c: Pick<OwnedConsultation, 'startsAt' | 'endsAt'>) => ({ opensAt: c.startsAt - JOIN_OPENS_MINUTES_BEFORE * MINUTE, closesAt: c.endsAt }),

    /**
     * The patient's own link into the room (a member, never a moderator): the room page's one-time link, or Jitsi's URL
     * without a public address. DomainError join_not_open, video_not_configured.
     */
    async join(accountId: number, consultationId: number): Promise<PatientJoinLink> {
      const c = repo.owned(accountId, consultationId);
      if (!c) throw fail('consultation_not_found');
      const now = clock.now();
      if (c.status !== 'scheduled' || now < c.startsAt - JOIN_OPENS_MINUTES_BEFORE * MINUTE || now >= c.endsAt) {
        throw fail('join_not_open', { opensAt: c.startsAt - JOIN_OPENS_MINUTES_BEFORE * MINUTE });
      }
      let link: PatientJoinLink;
      if (room?.available()) {
        const r = room.link(c, 'patient', c.patientId);
        link = { url: r.url, viaRoomPage: true, validFrom: r.validFrom, validUntil: r.validUntil, openBefore: r.ticketExpiresAt };
      } else {
        const j = await video.joinLink({
          room: c.room,
          user: { id: `patient:${c.patientId}`, name: callNameOf(c.patientName), moderator: false },
          startsAt: c.startsAt,
          endsAt: c.endsAt,
        });
        // Jitsi reads config overrides from the fragment: an audio consultation starts without the camera.
        const url = `${j.url}#config.disableDeepLinking=true&config.prejoinConfig.enabled=true${c.mode === 'audio' ? '&config.startAudioOnly=true' : ''}`;
        link = { url, viaRoomPage: false, validFrom: j.validFrom, validUntil: j.validUntil, openBefore: j.validUntil };
      }
      audit.record({ actor: { type: 'account', id: accountId }, action: 'consultation.join_link', patientId: c.patientId, details: { consultationId } });
      return link;
    },

    /**
     * The profile waits for a free slot of a specialty on a day of its own calendar; asking twice is one entry. Only a
     * full day (see fullDays) may be waited for: DomainError date_out_of_range, else day_not_full — a day with free
     * times, or one no duty doctor works, would never tell the patient anything.
     */
    joinWaitlist(accountId: number, profile: Pick<Profile, 'id' | 'timeZone'>, specialty: Specialty, date: string): { entry: WaitlistEntry; created: boolean } {
      const now = clock.now();
      const { timeZone } = profile;
      const result = immediate(() => {
        if (!fullDays(zonedToUtc(date, '00:00', timeZone), zonedToUtc(addDays(date, 1), '00:00', timeZone), specialty, timeZone, now).includes(date)) {
          const today = zonedDate(now, timeZone);
          throw fail(date < today || date > addDays(today, limits.daysAhead) ? 'date_out_of_range' : 'day_not_full');
        }
        return joinWaitlist(db, { patientId: profile.id, timeZone, specialty, date, now, limits });
      });
      if (result.created) {
        audit.record({ actor: { type: 'account', id: accountId }, action: 'waitlist.joined', patientId: profile.id, details: { waitlistId: result.entry.id } });
      }
      return result;
    },
    waiting: (patientId: number): WaitlistEntry[] => waitingOf(db, patientId),
    leaveWaitlist: (patientId: number, id: number): boolean => leaveWaitlist(db, patientId, id),

    /** A conclusion of one of the account's live profiles; undefined for anyone else's. */
    conclusionOf: (accountId: number, conclusionId: number) => repo.conclusionOf(accountId, conclusionId),
  };
}
