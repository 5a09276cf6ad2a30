import { DomainError } from '../../../core/errors.js';
import type { Translate } from '../../shared/outbox-sender.js';

/** Refusals of the duty roster a doctor can meet in /slots, each shown as slots-err-<code>. */
export const SLOTS_ERROR_CODES = [
  'not_duty_doctor',
  'template_invalid',
  'template_overlaps',
  'template_not_found',
  'date_invalid',
  'consultation_not_found',
  'consultation_not_open',
  'consultation_started',
] as const;

/** The roster's refusal of someone who may not manage this schedule, shown as slots-not-allowed. */
const NOT_ALLOWED = 'schedule_not_allowed';

export type SlotsErrorCode = (typeof SLOTS_ERROR_CODES)[number] | typeof NOT_ALLOWED;

/** A refusal as plain JSON, which a conversation's replay log can hold. */
export interface SlotsRefusal {
  code: SlotsErrorCode;
  details: Record<string, string | number>;
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; refused: SlotsRefusal };

function isSlotsError(err: unknown): err is DomainError<SlotsErrorCode> {
  return err instanceof DomainError && (err.code === NOT_ALLOWED || (SLOTS_ERROR_CODES as readonly string[]).includes(err.code));
}

/** Runs a duty-service call; a known refusal becomes a value, anything else is a bug for the error boundary. */
export function attemptDuty<T>(fn: () => T): Attempt<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (isSlotsError(err)) return { ok: false, refused: { code: err.code, details: err.details } };
    throw err;
  }
}

export function slotsErrorText(t: Translate, refused: SlotsRefusal): string {
  if (refused.code === NOT_ALLOWED) return t('slots-not-allowed');
  return t(`slots-err-${refused.code.replaceAll('_', '-')}`, refused.details);
}
