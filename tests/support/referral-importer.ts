import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createServices, type Services } from '../../app/services.js';
import { createReferralImportService, type ReferralImportService } from '../../core/referrals/import/index.js';
import { openDatabase, type Db } from '../../db/client.js';
import { rowTexts } from './referral-texts.js';

export interface ReferralImportHarness {
  db: Db;
  services: Services;
  importer: ReferralImportService;
  close(): void;
}

/** A fresh database in a temporary folder, the service graph on a fixed clock, and the importer saying rows from the bots' texts. */
export function openReferralImporter(now: number): ReferralImportHarness {
  const dir = mkdtempSync(path.join(tmpdir(), 'oz-referrals-'));
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  const services = createServices({
    config: { patientBotToken: 'x:y', telegramApiRoot: 'http://127.0.0.1:9', filesDir: path.join(dir, 'files') },
    db,
    clock: { now: () => now },
    logger: pino({ level: 'silent' }),
  });
  const importer = createReferralImportService({ db, clock: { now: () => now }, audit: services.audit, catalog: services.catalog, regions: services.regions, say: rowTexts });
  return {
    db,
    services,
    importer,
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
