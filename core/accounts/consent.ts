import type { Db } from '../../db/client.js';
import type { AuditLog } from '../audit.js';
import type { Clock } from '../clock.js';
import type { AccountRepository } from './repository.js';

/**
 * The version of the consent text (bot/locales: consent-full). Bump it whenever that text changes:
 * 152-FZ consent must be tied to the exact wording the person agreed to.
 */
export const CONSENT_VERSION = '2026-11-25';

export interface ConsentDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  accounts: Pick<AccountRepository, 'upsertConsent'>;
}

export type Consent = ReturnType<typeof createConsent>;

/** Consent to the processing of personal data (152-FZ), given in the patient bot: stored with its version and recorded. */
export function createConsent(deps: ConsentDeps) {
  return {
    /** The account holder agrees to the current wording (CONSENT_VERSION); returns when, as stored. */
    give(accountId: number, locale: string): number {
      const at = deps.clock.now();
      deps.db.transaction(() => {
        deps.accounts.upsertConsent(accountId, locale, CONSENT_VERSION, at);
        deps.audit.record({ actor: { type: 'account', id: accountId }, action: 'consent_given', details: { version: CONSENT_VERSION } });
      });
      return at;
    },
  };
}
