import type { I18nFlavor } from '@grammyjs/i18n';
import { DomainError } from '../../../core/errors.js';

/**
 * The refusals of scheduling, video and conclusions a doctor can meet, each shown as staff-err-<code>. The texts are
 * the staff's own (a patient meets some of the same codes in other words); the locale test checks each has one.
 */
export const STAFF_ERROR_CODES = [
  'application_not_found',
  'application_not_yours',
  'application_wrong_status',
  'application_changed',
  'time_in_past',
  'time_too_far',
  'time_taken',
  'consultation_not_found',
  'consultation_not_open',
  'consultation_not_started',
  'video_not_configured',
  'video_window_closed',
  'conclusion_text_empty',
  'conclusion_text_too_long',
  'recommendations_too_long',
  'unknown_outcome',
  'not_your_consultation',
  'staff_inactive',
  'conclusion_already_issued',
] as const;

export type StaffErrorCode = (typeof STAFF_ERROR_CODES)[number];

export function isStaffError(err: unknown): err is DomainError<StaffErrorCode> {
  return err instanceof DomainError && (STAFF_ERROR_CODES as readonly string[]).includes(err.code);
}

/** The doctor's message for a refusal; any other error is a bug and is rethrown to the error boundary. */
export function staffErrorText(ctx: I18nFlavor, err: unknown): string {
  if (!isStaffError(err)) throw err;
  return ctx.t(`staff-err-${err.code.replaceAll('_', '-')}`, err.details);
}

/** Runs a core call; a known refusal becomes its code, anything else is rethrown. */
export function attempt<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: DomainError<StaffErrorCode> } {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (isStaffError(err)) return { ok: false, error: err };
    throw err;
  }
}

/** The same for an asynchronous core call. */
export async function attemptAsync<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: DomainError<StaffErrorCode> }> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (isStaffError(err)) return { ok: false, error: err };
    throw err;
  }
}

/** A refusal as plain JSON: what a conversation's replay log can hold. */
export type Refusal = { code: StaffErrorCode; details: Record<string, string | number> };

export const refusal = (err: DomainError<StaffErrorCode>): Refusal => ({ code: err.code, details: err.details });

/** The doctor's message for a refusal that came through a conversation's log. */
export const refusalText = (ctx: I18nFlavor, r: Refusal): string => staffErrorText(ctx, new DomainError(r.code, r.details));
