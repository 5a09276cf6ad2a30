import { z } from 'zod';

/**
 * The Mini App's HTTP API: request schemas (validated by the server with zod) and response types (imported by the
 * Mini App with `import type`, so none of this code reaches its bundle). Times are ISO 8601 UTC strings;
 * the Mini App shows them in the patient's zone (`timeZone`).
 *
 * Every /api request carries `Authorization: tma <initData>`. Errors are `{ error: { code, message } }`:
 * 401 unauthorized (absent, forged or expired init data), 403 not_registered (no account in the patient bot),
 * 404 not_found (also for another person's ids), 409 slot_taken | join_not_open | …, 422 validation codes.
 */

export const specialtySchema = z.enum(['cardiology', 'gynecology']);
export type Specialty = z.infer<typeof specialtySchema>;
export const modeSchema = z.enum(['video', 'audio']);
export type Mode = z.infer<typeof modeSchema>;

/** Which of the account's profiles a request acts for; absent means the account's default profile. */
export const patientQuery = z.object({ patientId: z.coerce.number().int().positive().optional() });

export const slotsQuery = patientQuery.extend({
  kind: z.literal('duty').default('duty'),
  specialty: specialtySchema.optional(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

export const bookBody = z.object({
  patientId: z.number().int().positive().optional(),
  slotId: z.number().int().positive(),
  mode: modeSchema,
});

export const rescheduleBody = z.object({
  patientId: z.number().int().positive().optional(),
  slotId: z.number().int().positive(),
});

export const waitlistBody = z.object({
  patientId: z.number().int().positive().optional(),
  specialty: specialtySchema,
  /** YYYY-MM-DD in the patient's zone. */
  date: z.iso.date(),
});

export interface ApiError {
  error: { code: string; message: string };
}

export interface MeResponse {
  locale: 'ru' | 'en';
  defaultPatientId: number;
  /**
   * timeZone (IANA) is for computing; `zone` is how the patient reads it, in their language, written as the bots, SMS
   * and PDF write it (core/zone-label): at = «по новосибирскому времени (МСК+4)», name = «новосибирское время (МСК+4)».
   */
  patients: Array<{ id: number; fullName: string; relation: 'self' | 'child' | 'relative'; timeZone: string; zone: { at: string; name: string } }>;
  limits: { bookingMinNoticeMinutes: number; cancelMinNoticeMinutes: number; maxActiveDutyBookings: number; joinOpensMinutesBefore: number };
  connection: { minVideoKbps: number; minAudioKbps: number };
}

export interface CentersResponse {
  centers: Array<{ code: string; specialty: Specialty; name: string; shortName: string }>;
  specialties: Array<{ code: Specialty; name: string; topics: string }>;
}

export interface SlotView {
  id: number;
  startsAt: string;
  endsAt: string;
  specialty: Specialty;
  doctor: { id: number; name: string };
}

export interface SlotsResponse {
  slots: SlotView[];
  /**
   * The patient's dates (YYYY-MM-DD in the profile's zone) meeting [from, to) whose bookable duty times of the
   * specialty exist and are all booked: the only days the waitlist takes (a cancellation is what tells a waiting
   * patient). A day without free times that is not listed has no duty doctor. Empty without `specialty`.
   */
  fullDays: string[];
}

export interface ConsultationItem {
  id: number;
  kind: 'duty' | 'application';
  status: 'scheduled' | 'completed' | 'cancelled' | 'no_show';
  mode: Mode;
  startsAt: string;
  endsAt: string;
  doctor: { name: string };
  specialty?: Specialty;
  center?: string;
  canCancel: boolean;
  canReschedule: boolean;
  /** From this moment (10 minutes before the start) until the end the patient may join. */
  joinOpensAt: string;
  conclusion?: { id: number; verificationCode: string; pdfUrl: string };
}

export interface ConsultationsResponse {
  upcoming: ConsultationItem[];
  past: ConsultationItem[];
}

/** A conclusion's PDF at a signed address that works without init data, for a few minutes (Telegram fetches it). */
export interface ConclusionLinkResponse {
  /** Path under this server: /api/files/<token>. */
  url: string;
  fileName: string;
  expiresAt: string;
}

export interface JoinResponse {
  url: string;
  validFrom: string;
  validUntil: string;
}

export interface DocumentItem {
  id: number;
  kind: string;
  kindLabel: string;
  mime: string;
  pageCount: number;
  createdAt: string;
  thumbnailUrl?: string;
}

export interface DocumentsResponse {
  documents: DocumentItem[];
}

export interface ApplicationItem {
  id: number;
  center: string;
  condition: string;
  status: 'submitted' | 'in_review' | 'needs_documents' | 'scheduled' | 'declined' | 'withdrawn' | 'completed';
  submittedAt: string;
}

export interface ApplicationsResponse {
  applications: ApplicationItem[];
}

// ---- Extensions (added with the server; nothing above changed) ----

/** POST /api/consultations/:id/cancel — the body may be empty. */
export const cancelBody = z.object({ patientId: z.number().int().positive().optional() });

/** GET /api/speedtest?bytes=N — N random bytes (capped at SPEEDTEST_MAX_BYTES), never cached. */
export const SPEEDTEST_MAX_BYTES = 4 * 1024 * 1024;
export const speedtestQuery = z.object({ bytes: z.coerce.number().int().positive().default(256 * 1024) });

/** 201 of POST /api/consultations and 200 of POST /api/consultations/:id/reschedule: the new consultation. */
export interface BookResponse {
  consultation: ConsultationItem;
}

export interface WaitlistItem {
  id: number;
  specialty: Specialty;
  /** YYYY-MM-DD in the patient's zone. */
  date: string;
  createdAt: string;
}

/**
 * 201 of POST /api/waitlist (200 when the profile was already waiting for that day). 422 date_out_of_range (before
 * today or past the booking horizon), 422 day_not_full (not one of SlotsResponse.fullDays: it has free times, or no
 * duty doctor works that day).
 */
export interface WaitlistEntryResponse {
  waitlist: WaitlistItem;
}

/** GET /api/waitlist?patientId — the profile's entries still waiting; DELETE /api/waitlist/:id leaves one (204). */
export interface WaitlistResponse {
  waitlist: WaitlistItem[];
}

/*
 * Routes (all under Authorization: tma <initData>; `patientId` is optional everywhere and, when given, must be one of
 * the caller's profiles, else 404):
 *   GET  /api/me                                   MeResponse
 *   GET  /api/centers                              CentersResponse (names in the account's language)
 *   GET  /api/slots?kind=duty&specialty&from&to    SlotsResponse (free, bookable duty slots and fullDays; 422 range_invalid past 32 days)
 *   GET  /api/consultations?patientId              ConsultationsResponse
 *   POST /api/consultations {patientId?,slotId,mode}            201 BookResponse; 409 slot_taken | booking_too_late |
 *                                                               booking_limit_reached | booking_overlaps; 404 not_found
 *   POST /api/consultations/:id/cancel {patientId?}             200 BookResponse (the cancelled one); 409 cancel_too_late |
 *                                                               consultation_not_open | consultation_started
 *   POST /api/consultations/:id/reschedule {patientId?,slotId}  200 BookResponse (the new one); 409 as booking and cancel,
 *                                                               not_reschedulable (an application's consultation)
 *   GET  /api/consultations/:id/join?patientId     JoinResponse; 409 join_not_open; 503 video_not_configured
 *   GET  /api/documents?patientId                  DocumentsResponse
 *   GET  /api/documents/:id/thumbnail?patientId    image/jpeg (fetch with the header, show as a blob URL); 404 without one
 *   GET  /api/conclusions/:id/pdf                  application/pdf (ConsultationItem.conclusion.pdfUrl)
 *   POST /api/conclusions/:id/link                 ConclusionLinkResponse (for Telegram's downloadFile)
 *   GET  /api/files/<token>                        application/pdf without init data; 403 link_invalid, 410 link_expired
 *   GET  /api/applications?patientId               ApplicationsResponse
 *   GET  /api/waitlist?patientId, POST /api/waitlist (waitlistBody; 422 date_out_of_range | day_not_full), DELETE /api/waitlist/:id?patientId
 *   GET  /api/speedtest?bytes=N                    application/octet-stream
 * Validation errors: 422 invalid_request (message names the fields) or invalid_json.
 */

// ---- The consultation room page (/room/<id>?t=<ticket>), outside Telegram: no init data, its own one-time ticket ----

export const ROOM_EVENTS = ['joined', 'left', 'audio_only'] as const;
export type RoomEvent = (typeof ROOM_EVENTS)[number];

/** POST /api/room/enter — the page's one-time ticket, exchanged once. */
export const roomEnterBody = z.object({ consultationId: z.number().int().positive(), ticket: z.string().min(1).max(100) });
/** POST /api/room/events (Authorization: Room <session>) — one of the page's own call events. */
export const roomEventBody = z.object({ event: z.enum(ROOM_EVENTS) });

export interface RoomAttendance {
  doctorJoinedAt: string | null;
  doctorLeftAt: string | null;
  patientJoinedAt: string | null;
  patientLeftAt: string | null;
}

/** 200 of /api/room/enter and /api/room/resume. The Jitsi token travels here, never in a URL. */
export interface RoomEntryResponse {
  consultationId: number;
  side: 'doctor' | 'patient';
  session: string;
  locale: 'ru' | 'en';
  mode: Mode;
  startsAt: string;
  endsAt: string;
  jitsi: { domain: string; roomName: string; jwt: string; externalApiUrl: string };
  displayName: string;
  otherName: string;
  concludeUrl?: string;
  botUrl?: string;
  attendance: RoomAttendance;
  connection: { minVideoKbps: number; minAudioKbps: number };
}

/** 200 of /api/room/events. */
export interface RoomEventResponse {
  attendance: RoomAttendance;
}

/*
 * Room routes (no init data; the ticket, then the session, is the credential):
 *   POST /api/room/enter {consultationId, ticket}  RoomEntryResponse; 403 room_link_invalid (unknown, used, expired or
 *                                                  another consultation's); 409 room_not_open {opensAt} (ticket kept);
 *                                                  410 room_closed
 *   POST /api/room/resume  (Authorization: Room <session>)            RoomEntryResponse (a fresh token after a reload)
 *   POST /api/room/events {event} (Authorization: Room <session>)     RoomEventResponse; 401 room_session_invalid
 *   GET  /api/room/speedtest?bytes=N (Authorization: Room <session>)  as /api/speedtest, for the pre-join check
 */
