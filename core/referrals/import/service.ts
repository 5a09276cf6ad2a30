import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client.js';
import type { AuditActor, AuditLog } from '../../audit.js';
import type { Catalog, Locale } from '../../catalog/index.js';
import type { Region } from '../../catalog/regions.js';
import type { Clock } from '../../clock.js';
import { todayIn } from '../../patients/birth-date.js';
import { enqueueSms } from '../../sms/outbox.js';
import { generateInviteCode } from '../invite-code.js';
import { createReferralRepository, personKey } from '../repository.js';
import { inviteParams } from '../invite-zone.js';
import { readReferralTable } from './read-table.js';
import { isBlank, type Cell } from './table.js';
import { validateRow, type ReferralDraft } from './validate-row.js';

export interface RejectedRow {
  /** The row's number in the file, as Excel shows it. */
  rowNumber: number;
  /** The row's cells as read, one per column of `columns` (and any past it). */
  values: Cell[];
  /** What to fix, in the language asked for (Russian unless told); several problems joined by "; ". */
  error: string;
}

export interface ReferralImportResult {
  importId: number;
  /** New referrals, each with its invite SMS queued. */
  imported: number;
  /** Rows of people already referred (by an earlier table, or earlier in this one): nothing new was stored. */
  known: number;
  rejected: RejectedRow[];
  /** The header as written in the file, for the error workbook. */
  columns: string[];
}

// The zone furthest east: a child born "today" anywhere in Russia is not refused as born in the future.
const EASTERNMOST_ZONE = 'Asia/Kamchatka';

export function createReferralImportService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  catalog: Catalog;
  regions: Region[];
  /** The rows' problems as sentences (bot/locales/<locale>/staff/referral-rows.ftl). */
  say: (locale: Locale, key: string, values?: Record<string, string>) => string;
}) {
  const { db, clock, audit } = deps;
  const repository = createReferralRepository(db);
  return {
    /**
     * Loads a table of referred patients (XLSX or CSV). Valid rows of new people become referrals with an invite SMS
     * queued in the same transaction; rows of people already known change nothing; the rest come back with reasons.
     * A file that cannot be read as a table throws a DomainError (referral_file_*) and stores nothing.
     */
    async importFile(input: { bytes: Buffer; fileName: string; actor: AuditActor; locale?: Locale }): Promise<ReferralImportResult> {
      const table = await readReferralTable(input.bytes);
      const now = clock.now();
      const locale = input.locale ?? 'ru';
      const say = (key: string, values?: Record<string, string>) => deps.say(locale, key, values);
      const context = { catalog: deps.catalog, regions: deps.regions, today: todayIn(EASTERNMOST_ZONE, now), locale, say };
      const valid: Array<ReferralDraft & { personKey: string }> = [];
      const rejected: RejectedRow[] = [];
      for (const row of table.rows) {
        const result = validateRow(row.cells, table.header.columns, context);
        if (result.ok) valid.push({ ...result.value, personKey: personKey(result.value) });
        else {
          let last = row.cells.length - 1;
          while (last >= table.header.titles.length && isBlank(row.cells[last]!)) last--;
          rejected.push({ rowNumber: row.rowNumber, values: row.cells.slice(0, last + 1), error: result.errors.join('; ') });
        }
      }
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      const staffId = input.actor.type === 'staff' ? input.actor.id : null;
      const counts = db.transaction((tx) => {
        const importId = repository.insertImport({ fileName: input.fileName, sha256, staffId, createdAt: now }, tx);
        const rows = valid.map((draft) => ({ ...draft, importId, inviteCode: generateInviteCode(), createdAt: now }));
        const inserted = repository.insertManyIfNew(rows, tx);
        // In the table's order, so the invites go out in it; the code is the one stored (of a person met twice, the first row's).
        for (const row of rows) {
          const referral = inserted.get(row.personKey);
          if (referral === undefined || referral.inviteCode !== row.inviteCode) continue;
          // Only the code: an SMS is read by whoever holds the phone, so nothing about health goes into it.
          enqueueSms(tx, { phone: row.phone, purpose: 'referral_invite', params: inviteParams(referral.inviteCode, row.regionCode), referralId: referral.id, dedupeKey: `referral_invite:${referral.id}:1` }, now);
        }
        const imported = inserted.size;
        const result = { importId, imported, known: valid.length - imported, rejected: rejected.length };
        repository.setImportCounts(importId, { imported, known: result.known, rejected: result.rejected }, tx);
        return result;
      });
      audit.record({ actor: input.actor, action: 'referrals.imported', details: { ...counts } });
      return { importId: counts.importId, imported: counts.imported, known: counts.known, rejected, columns: table.header.titles };
    },
  };
}

export type ReferralImportService = ReturnType<typeof createReferralImportService>;
