import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../core/errors.js';

/** An expected failure of an API request, with the code the Mini App maps to its own text. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(status, { message });
    this.name = 'ApiError';
  }
}

export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what);

/**
 * Domain refusals as HTTP answers. Every "not found" is the same 404 not_found, so an id of another person's
 * reads exactly like an id that does not exist.
 */
const DOMAIN: Record<string, [ContentfulStatusCode, string, string]> = {
  consultation_not_found: [404, 'not_found', 'Consultation not found'],
  slot_not_found: [404, 'not_found', 'Slot not found'],
  slot_taken: [409, 'slot_taken', 'The slot was taken'],
  booking_too_late: [409, 'booking_too_late', 'Too close to the start to book'],
  booking_limit_reached: [409, 'booking_limit_reached', 'Too many active duty bookings'],
  booking_overlaps: [409, 'booking_overlaps', 'Another consultation of this patient overlaps'],
  consultation_not_open: [409, 'consultation_not_open', 'The consultation is not scheduled'],
  consultation_started: [409, 'consultation_started', 'The consultation has started'],
  cancel_too_late: [409, 'cancel_too_late', 'Too close to the start to cancel'],
  not_reschedulable: [409, 'not_reschedulable', 'Only duty consultations can be moved'],
  join_not_open: [409, 'join_not_open', 'Joining is not open now'],
  date_out_of_range: [422, 'date_out_of_range', 'The date is outside the booking window'],
  day_not_full: [422, 'day_not_full', 'Only a day whose duty times are all booked can be waited for'],
  video_not_configured: [503, 'video_not_configured', 'Video is not configured'],
  video_window_closed: [409, 'join_not_open', 'Joining is not open now'],
  room_link_invalid: [403, 'room_link_invalid', 'This room link is used, expired or not for this consultation'],
  room_not_open: [409, 'room_not_open', 'The room is not open yet'],
  room_closed: [410, 'room_closed', 'The consultation is over or no longer planned'],
  room_session_invalid: [401, 'room_session_invalid', 'The room session is over'],
};

/** The status, code and message of an expected error; undefined for anything else (a bug: 500). */
export function expectedError(err: unknown): { status: ContentfulStatusCode; code: string; message: string } | undefined {
  if (err instanceof ApiError) return { status: err.status as ContentfulStatusCode, code: err.code, message: err.message };
  if (err instanceof DomainError) {
    const known = DOMAIN[err.code];
    return known ? { status: known[0], code: known[1], message: known[2] } : { status: 409, code: err.code, message: 'Refused' };
  }
  if (err instanceof HTTPException) return { status: err.status as ContentfulStatusCode, code: 'http_error', message: err.message };
  return undefined;
}
