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
     * Inserts referrals whose person is not known yet, a few hundred rows per statement (one statement per row made a
     * 10,000-row table take several times as long). The unique person key decides, so two imports racing each other
     * still make one referral per person. The rows inserted (id and invite code), by person key: a person already
     * known is absent, and of a person met twice in `rows` only the first row is inserted.
     */
    insertManyIfNew(rows: Array<ReferralDraft & { importId: number; personKey: string; inviteCode: string; createdAt: number }>, tx: Writer = db): Map<string, { id: number; inviteCode: string }> {
      const inserted = new Map<string, { id: number; inviteCode: string }>();
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        const ids = tx
          .insert(referrals)
          .values(chunk)
          .onConflictDoNothing({ target: referrals.personKey })
          .returning({ id: referrals.id, personKey: referrals.personKey, inviteCode: referrals.inviteCode })
          .all();
        for (const { id, personKey, inviteCode } of ids) inserted.set(personKey, { id, inviteCode });
      }
      return inserted;
    },
  };
}

// Rows per INSERT: 200 × 19 columns stays far below SQLite's 32,766 bound variables.
const INSERT_CHUNK = 200;

export type ReferralRepository = ReturnType<typeof createReferralRepository>;
