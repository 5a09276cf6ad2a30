import { DomainError } from '../../../core/errors.js';
import type { Translate } from '../../shared/outbox-sender.js';
import { nameArgs } from '../../../core/patients/declension.js';

/** A refused triage step as plain JSON, which a conversation's replay log can hold. */
export interface Refusal {
  code: string;
  details: Record<string, string | number>;
}

export type Outcome<T> = { ok: true; value: T } | ({ ok: false } & Refusal);

/** Runs a triage call; a refusal becomes a value, anything else is a bug for the error boundary. */
export function attemptTriage<T>(fn: () => T): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, code: err.code, details: err.details };
    throw err;
  }
}

/** What a refused step tells the doctor; codes a doctor cannot meet here read as "changed". */
export function refusalText(t: Translate, refusal: Refusal): string {
  switch (refusal.code) {
    case 'application_taken':
      return refusal.details.takenBy ? t('triage-already-taken', nameArgs('name', String(refusal.details.takenBy))) : t('triage-changed');
    case 'application_closed':
      return t('triage-closed');
    case 'application_not_found':
      return t('triage-not-found');
    case 'application_not_yours':
      return t('triage-not-yours');
    case 'kinds_empty':
      return t('triage-request-none-picked');
    case 'reason_empty':
      return t('triage-reason-empty');
    case 'reason_too_long':
      return t('triage-reason-too-long', refusal.details);
    default:
      return t('triage-changed');
  }
}
