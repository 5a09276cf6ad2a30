import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../app/services.js';
import { openDatabase, type Db } from '../../../db/client.js';
import { referrals } from '../../../db/schema.js';
import { EXAMPLE_ROWS, exampleCsv, exampleXlsx } from '../../../scripts/make-referrals-example.js';
import { readSheet } from '../../support/referral-tables.js';

const docs = path.resolve(import.meta.dirname, '../../../docs');

let dir: string;
let db: Db;
let services: Services;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oz-referrals-example-'));
  db = openDatabase(path.join(dir, 'db.sqlite'));
  services = createServices({
    config: { patientBotToken: 'x:y', telegramApiRoot: 'http://127.0.0.1:9', filesDir: path.join(dir, 'files') },
    db,
    clock: { now: () => Date.UTC(2026, 10, 25, 7, 0) },
    logger: pino({ level: 'silent' }),
  });
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the example referral tables in docs/', () => {
  it('are what scripts/make-referrals-example.ts makes (regenerate them after changing it)', async () => {
    expect(readFileSync(path.join(docs, 'referrals-example.csv'))).toEqual(exampleCsv());
    expect(await readSheet(readFileSync(path.join(docs, 'referrals-example.xlsx')))).toEqual(await readSheet(await exampleXlsx()));
  });

  it.each(['referrals-example.xlsx', 'referrals-example.csv'])('%s loads whole: every row imported, none rejected, and the other file then all known', async (name) => {
    const result = await services.referralImport.importFile({ bytes: readFileSync(path.join(docs, name)), fileName: name, actor: { type: 'system' } });
    expect({ imported: result.imported, known: result.known, rejected: result.rejected }).toEqual({ imported: EXAMPLE_ROWS.length, known: 0, rejected: [] });
    const other = name.endsWith('.csv') ? 'referrals-example.xlsx' : 'referrals-example.csv';
    const again = await services.referralImport.importFile({ bytes: readFileSync(path.join(docs, other)), fileName: other, actor: { type: 'system' } });
    expect({ imported: again.imported, known: again.known, rejected: again.rejected }).toEqual({ imported: 0, known: EXAMPLE_ROWS.length, rejected: [] });
    expect(db.select({ center: referrals.centerCode, condition: referrals.conditionCode, region: referrals.regionCode }).from(referrals).all()).toEqual([
      { center: 'bakulev', condition: 'coronary_artery_disease', region: 'RU-SVE' },
      { center: 'bakulev', condition: 'arrhythmia', region: 'RU-SVE' },
      { center: 'kulakov', condition: 'breast_pathology', region: 'RU-PER' },
      { center: 'kulakov', condition: 'uterine_vaginal_malformation', region: 'RU-PER' },
    ]);
  });
});
