import type { I18nFlavor } from '@grammyjs/i18n';
import { DomainError } from '../../core/errors.js';

/** The locale message for a domain error: code `birth_date_future` → key `birth-date-future`. */
export function domainErrorText(ctx: I18nFlavor, err: DomainError): string {
  return ctx.t(err.code.replaceAll('_', '-'), err.details);
}

/** Runs a parser; a DomainError becomes its code, anything else is a bug and is rethrown. */
export function tryParse<T>(parse: () => T): { ok: true; value: T } | { ok: false; error: DomainError } {
  try {
    return { ok: true, value: parse() };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, error: err };
    throw err;
  }
}
