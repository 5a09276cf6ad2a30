import type { Db } from '../../db/client.js';
import type { AuditLog } from '../audit.js';
import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import type { ConsultationView } from '../scheduling/service.js';
import type { StaffMember } from '../staff/repository.js';
import { tokenWindow, type VideoService } from '../video/index.js';
import { attendanceOf, recordCallEvent, type Attendance, type CallEvent } from './attendance.js';
import { callNameOf } from './call-name.js';
import { createRoomPasses, type RoomPass, type RoomSide } from './passes.js';

/** The staff bot's start payload that opens the conclusion flow of a consultation: conclude_<id>. */
export const CONCLUDE_START_PREFIX = 'conclude_';

/** A room link's ticket must be opened this soon (after the room opens, if it is taken earlier); then it is refused. */
export const TICKET_TTL_MS = 15 * 60_000;

/**
 * `room_link_invalid`: the ticket is unknown, used, expired or another consultation's; `room_not_open`: too early
 * (details.opensAt) — the ticket is kept; `room_closed`: the window is over or the consultation is no longer planned;
 * `room_session_invalid`: the page's session is unknown or over.
 */
export type RoomErrorCode = 'room_link_invalid' | 'room_not_open' | 'room_closed' | 'room_session_invalid';

const fail = (code: RoomErrorCode, details?: Record<string, string | number>) => new DomainError<RoomErrorCode>(code, details);

/** A personal link into a consultation's room page. */
export interface RoomLink {
  /** <PUBLIC_URL>/room/<id>?t=<one-time ticket>; the Jitsi token itself never sits in a URL. */
  url: string;
  /** The call's own window (the Jitsi token's), ms. */
  validFrom: number;
  validUntil: number;
  /** The ticket must be opened before this. */
  ticketExpiresAt: number;
}

/** What the room page gets for a ticket (or its session): everything the External API is set up with. */
export interface RoomEntry {
  consultationId: number;
  side: RoomSide;
  /** Reports the call's events and re-enters after a reload; valid until the call's window closes. */
  session: string;
  locale: string;
  mode: 'video' | 'audio';
  startsAt: number;
  endsAt: number;
  jitsi: { domain: string; roomName: string; jwt: string; externalApiUrl: string };
  /** The person's own name in the call (a patient's: given name and initial). */
  displayName: string;
  /** The other side, as this person should read it: the doctor's name for a patient, the patient's call name for a doctor. */
  otherName: string;
  /** The doctor's hand-off: the staff bot's conclusion flow for this consultation (t.me deep link). */
  concludeUrl?: string;
  /** Back to the patient bot, where the conclusion arrives. */
  botUrl?: string;
  attendance: Attendance;
  /** The service's minimum download speed for video and for audio, kb/s (catalog). */
  connection: { minVideoKbps: number; minAudioKbps: number };
}

export interface RoomServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  video: Pick<VideoService, 'joinLink' | 'configured'>;
  consultation: (id: number) => ConsultationView | undefined;
  staffById: (id: number) => StaffMember | undefined;
  /** The patient account's language. */
  accountLocale: (accountId: number) => string | undefined;
  connection: { minVideoKbps: number; minAudioKbps: number };
  publicUrl?: string | undefined;
  staffBotUsername?: string | undefined;
  patientBotUsername?: string | undefined;
  /** Where the page loads JitsiMeetExternalAPI from: the clinic's own Jitsi by default; the sandbox its stand-in. */
  externalApiUrl?: (domain: string) => string;
}

export type RoomService = ReturnType<typeof createRoomService>;

/**
 * The consultation room page's server side: one-time links for each side, their exchange for the person's Jitsi token,
 * and the call's attendance as the pages report it.
 */
export function createRoomService(deps: RoomServiceDeps) {
  const { db, clock, audit, video } = deps;
  const passes = createRoomPasses(db);
  // STAFF_BOT_USERNAME / PATIENT_BOT_USERNAME when set, else what the bots learn from getMe at start (knowBots).
  const bots = { staff: deps.staffBotUsername, patient: deps.patientBotUsername };
  const externalApiUrl = deps.externalApiUrl ?? ((domain: string) => `https://${domain}/external_api.js`);
  const window = (c: Pick<ConsultationView, 'startsAt' | 'endsAt'>) => {
    const { nbf, exp } = tokenWindow(c.startsAt, c.endsAt);
    return { from: nbf * 1000, until: exp * 1000 };
  };

  const open = (c: ConsultationView | undefined): ConsultationView => {
    if (!c || c.status !== 'scheduled') throw fail('room_closed');
    return c;
  };

  const entryFor = async (c: ConsultationView, pass: RoomPass, session: string): Promise<RoomEntry> => {
    const doctor = deps.staffById(c.staffId);
    const doctorName = doctor?.name ?? '—';
    const patientName = callNameOf(c.patientName);
    const isDoctor = pass.side === 'doctor';
    const link = await video.joinLink({
      room: c.room,
      user: isDoctor ? { id: `staff:${c.staffId}`, name: doctorName, moderator: true } : { id: `patient:${c.patientId}`, name: patientName, moderator: false },
      startsAt: c.startsAt,
      endsAt: c.endsAt,
    });
    const locale = (isDoctor ? doctor?.locale : c.accountId === null ? undefined : deps.accountLocale(c.accountId)) ?? 'ru';
    const entry: RoomEntry = {
      consultationId: c.id,
      side: pass.side,
      session,
      locale: locale === 'en' ? 'en' : 'ru',
      mode: c.mode,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      jitsi: { domain: link.domain, roomName: link.room, jwt: link.token, externalApiUrl: externalApiUrl(link.domain) },
      displayName: isDoctor ? doctorName : patientName,
      otherName: isDoctor ? patientName : doctorName,
      attendance: attendanceOf(db, c.id),
      connection: { minVideoKbps: deps.connection.minVideoKbps, minAudioKbps: deps.connection.minAudioKbps },
    };
    if (isDoctor && bots.staff) entry.concludeUrl = `https://t.me/${bots.staff}?start=${CONCLUDE_START_PREFIX}${c.id}`;
    if (!isDoctor && bots.patient) entry.botUrl = `https://t.me/${bots.patient}`;
    return entry;
  };

  const session = (token: string) => {
    const pass = passes.bySession(token, clock.now());
    if (!pass) throw fail('room_session_invalid');
    return pass;
  };

  return {
    /** The bots' usernames as getMe told them, for the t.me links of the page (configured names win). */
    knowBots(learned: { staff?: string | undefined; patient?: string | undefined }): void {
      bots.staff ??= learned.staff;
      bots.patient ??= learned.patient;
    },

    /** Whether links lead to the room page (a public address is set); without one the caller falls back to Jitsi's URL. */
    available: (): boolean => !!deps.publicUrl,

    /**
     * A one-time link into the room page for one side (the caller has checked that this person may enter). The ticket
     * lasts TICKET_TTL_MS from now, or from the moment the room opens when it is taken earlier.
     */
    link(c: Pick<ConsultationView, 'id' | 'startsAt' | 'endsAt'>, side: RoomSide, personId: number): RoomLink {
      if (!video.configured) throw new DomainError('video_not_configured');
      if (!deps.publicUrl) throw new Error('the room page needs PUBLIC_URL');
      const now = clock.now();
      const { from, until } = window(c);
      if (now >= until) throw new DomainError('video_window_closed');
      const ticketExpiresAt = Math.min(Math.max(now, from) + TICKET_TTL_MS, until);
      const ticket = passes.issue({ consultationId: c.id, side, personId }, ticketExpiresAt, now);
      return { url: `${deps.publicUrl}/room/${c.id}?t=${ticket}`, validFrom: from, validUntil: until, ticketExpiresAt };
    },

    /**
     * The page exchanges its ticket, once, for the person's entry (Jitsi token, settings, a session). A ticket of another
     * consultation, used or expired, is refused; one taken before the room opens is kept for later.
     */
    async enter(consultationId: number, ticket: string): Promise<RoomEntry> {
      const now = clock.now();
      // Only a valid ticket learns anything about the consultation, even when its room opens.
      if (!passes.valid(consultationId, ticket, now)) throw fail('room_link_invalid');
      const c = deps.consultation(consultationId);
      if (!c) throw fail('room_link_invalid');
      const { from, until } = window(c);
      if (now < from) throw fail('room_not_open', { opensAt: from });
      if (now >= until) throw fail('room_closed');
      const claimed = passes.claim(consultationId, ticket, until, now);
      if (!claimed) throw fail('room_link_invalid');
      const entry = await entryFor(open(c), claimed, claimed.session);
      audit.record({
        actor: claimed.side === 'doctor' ? { type: 'staff', id: claimed.personId } : c.accountId === null ? { type: 'system' } : { type: 'account', id: c.accountId },
        action: 'consultation.room_entered',
        patientId: c.patientId,
        details: { consultationId: c.id },
      });
      return entry;
    },

    /** The same entry again for an open page's session (a reload): a fresh Jitsi token, no new ticket needed. */
    async resume(token: string): Promise<RoomEntry> {
      const pass = session(token);
      return entryFor(open(deps.consultation(pass.consultationId)), pass, token);
    },

    /** Whether a page's session is live (the speed check is for room pages only). */
    check(token: string): void {
      session(token);
    },

    /** One of the call's events from a page: recorded for the page's own side, at the service's time. */
    report(token: string, event: CallEvent): { attendance: Attendance } {
      const pass = session(token);
      return { attendance: recordCallEvent(db, pass.consultationId, pass.side, event, clock.now()) };
    },

    attendance: (consultationId: number): Attendance => attendanceOf(db, consultationId),
  };
}
