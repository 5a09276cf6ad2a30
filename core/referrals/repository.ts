import { eq } from 'drizzle-orm';
import type { Db, Writer } from '../../db/client.js';
import { referralImports, referrals } from '../../db/schema.js';
import type { ReferralDraft } from './import/validate-row.js';

/**
 * Who a referral is about, for "already known": the name folded (case, ё, spacing), the birth date, the E.164 phone.
 * The same person in a later table, or twice in one, has the same key and never becomes a second referral.
 */
export function personKey(person: { fullName: string; birthDate: string; phone: string }): string {
  const name = person.fullName.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
  return `${name}|${person.birthDate}|${person.phone}`;
}

/** Writes of referral imports; each takes the open transaction (the database itself when none). */
export function createReferralRepository(db: Db) {
  return {
    /** Records one loaded table; its counts are set once the rows are in ({@link setImportCounts}). */
    insertImport(data: { fileName: string; sha256: string; staffId: number | null; createdAt: number }, tx: Writer = db): number {
      return tx
        .insert(referralImports)
        .values({ ...data, imported: 0, known: 0, rejected: 0 })
        .returning({ id: referralImports.id })
        .get().id;
    },

    setImportCounts(importId: number, counts: { imported: number; known: number; rejected: number }, tx: Writer = db): void {
      tx.update(referralImports).set(counts).where(eq(referralImports.id, importId)).run();
    },

    /**
     * Inserts a referral unless its person is already known; the id of the new row, or undefined for a known person.
     * The unique person key decides, so two imports racing each other still make one referral.
     */
    insertIfNew(data: ReferralDraft & { importId: number; personKey: string; inviteCode: string; createdAt: number }, tx: Writer = db): number | undefined {
      return tx
        .insert(referrals)
        .values(data)
        .onConflictDoNothing({ target: referrals.personKey })
        .returning({ id: referrals.id })
        .get()?.id;
    },
  };
}

export type ReferralRepository = ReturnType<typeof createReferralRepository>;
