import { DomainError } from '../../core/errors.js';

/** The code of the DomainError a call throws; undefined when it throws nothing, a marker for any other error. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : 'not-a-domain-error';
  }
  return undefined;
}
