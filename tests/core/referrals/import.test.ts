import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { openReferralImporter, type ReferralImportHarness } from '../../support/referral-importer.js';
import { buildErrorWorkbook, type ReferralImportService } from '../../../core/referrals/import/index.js';
import { parseReferralPayload, referralPayload } from '../../../core/referrals/invite-code.js';
import type { Db } from '../../../db/client.js';
import { auditLog, referralImports, referrals, smsOutbox } from '../../../db/schema.js';
import { DomainError } from '../../../core/errors.js';
import { FIRST_DATA_ROW, HEADER, fixtureCsv, fixtureXlsx, readSheet } from '../../support/referral-tables.js';

let db: Db;
let services: Services;
let importer: ReferralImportService;
let harness: ReferralImportHarness;
const NOW = Date.UTC(2026, 10, 25, 7, 0);

beforeEach(() => {
  harness = openReferralImporter(NOW);
  ({ db, services, importer } = harness);
});
afterEach(() => harness.close());

const SYSTEM = { type: 'system' } as const;
const allReferrals = () => db.select().from(referrals).orderBy(referrals.id).all();
const allSms = () => db.select().from(smsOutbox).orderBy(smsOutbox.id).all();

const EXPECTED_REJECTED = [
  { rowNumber: FIRST_DATA_ROW + 7, error: 'Центр не найден: "Центр Алмазова" — укажите «НМИЦ ССХ им. А.Н. Бакулева», «НМИЦ АГП им. В.И. Кулакова»' },
  { rowNumber: FIRST_DATA_ROW + 8, error: 'Телефон не распознан: "12345" — нужен мобильный номер, например 8 912 345-67-89' },
  { rowNumber: FIRST_DATA_ROW + 9, error: 'Такой даты не бывает: "31.02.1980"' },
];

const EXPECTED_PEOPLE = [
  { fullName: 'Иванов Пётр Сергеевич', birthDate: '1961-03-05', phone: '+79123456789', centerCode: 'bakulev', conditionCode: 'coronary_artery_disease', icd10: 'I25.1', regionCode: 'RU-SVE', regionText: null },
  { fullName: 'Петрова Анна Ивановна', birthDate: '1968-06-11', phone: '+79123456780', centerCode: 'kulakov', conditionCode: 'breast_pathology', icd10: 'D24', regionCode: 'RU-MOW', regionText: null },
  { fullName: 'Сидоров Иван Петрович', birthDate: '1975-11-12', phone: '+79123456781', centerCode: 'bakulev', conditionCode: 'arrhythmia', icd10: 'I48', regionCode: 'RU-SVE', regionText: null },
  { fullName: 'Кузнецова Мария Олеговна', birthDate: '1980-01-15', phone: '+79123456782', centerCode: 'kulakov', conditionCode: 'uterine_vaginal_malformation', icd10: 'Q51.0', regionCode: 'RU-PER', regionText: null },
  { fullName: 'Морозов Алексей Викторович', birthDate: '1955-07-20', phone: '+79123456783', centerCode: 'bakulev', conditionCode: 'cardiomyopathy', icd10: 'I42.0', regionCode: null, regionText: 'Нижний Тагил' },
];

describe('referral import: a real-looking table', () => {
  it('XLSX with a merged title, date cells and a serial, five phone formats: 5 imported, 1 known, 3 rejected with reasons; one SMS per referral', async () => {
    const result = await importer.importFile({ bytes: await fixtureXlsx(), fileName: 'Направления.xlsx', actor: SYSTEM });
    expect({ imported: result.imported, known: result.known }).toEqual({ imported: 5, known: 1 });
    expect(result.rejected.map(({ rowNumber, error }) => ({ rowNumber, error }))).toEqual(EXPECTED_REJECTED);
    expect(result.columns).toEqual(HEADER.map((h) => h.trim()));
    expect(result.rejected[0]!.values.slice(0, 4)).toEqual([7, 'Волков Дмитрий Андреевич', '01.01.1970', '8 912 345 67 84']);

    const rows = allReferrals();
    expect(rows).toMatchObject(EXPECTED_PEOPLE);
    expect(rows[0]).toMatchObject({ diagnosis: 'Стенокардия напряжения, ФК II', referringDoctor: 'Смирнова Ольга Викторовна', organization: 'ГБУЗ СО «ГКБ № 1»', importId: result.importId, inviteState: 'queued' });
    expect(rows[0]!.personKey).toBe('иванов петр сергеевич|1961-03-05|+79123456789');
    for (const r of rows) {
      expect(r.inviteCode).toMatch(/^[A-Za-z0-9_-]{12}$/);
      expect(parseReferralPayload(referralPayload(r.inviteCode))).toBe(r.inviteCode);
    }
    expect(new Set(rows.map((r) => r.inviteCode)).size).toBe(5);

    const ZONE_OF: Record<string, string> = { 'RU-SVE': 'Asia/Yekaterinburg', 'RU-MOW': 'Europe/Moscow', 'RU-PER': 'Asia/Yekaterinburg' };
    const sms = allSms();
    expect(sms.map((s) => ({ phone: s.phone, purpose: s.purpose, params: JSON.parse(s.params), referralId: s.referralId, dedupeKey: s.dedupeKey, state: s.state }))).toEqual(
      // The zone of the row's region rides along for the invite's quiet hours; an unmatched region has none.
      rows.map((r) => ({ phone: r.phone, purpose: 'referral_invite', params: r.regionCode ? { code: r.inviteCode, timeZone: ZONE_OF[r.regionCode] } : { code: r.inviteCode }, referralId: r.id, dedupeKey: `referral_invite:${r.id}:1`, state: 'queued' })),
    );
    expect(db.select().from(referralImports).all()).toMatchObject([{ id: result.importId, fileName: 'Направления.xlsx', staffId: null, imported: 5, known: 1, rejected: 3 }]);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, 'referrals.imported')).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'system', patientId: null });
    expect(JSON.parse(audit[0]!.details!)).toEqual({ importId: result.importId, imported: 5, known: 1, rejected: 3 });
  });

  it('the same file twice changes nothing: the second time every valid row is known, no referral or SMS is added', async () => {
    const bytes = await fixtureXlsx();
    await importer.importFile({ bytes, fileName: 'a.xlsx', actor: SYSTEM });
    const before = { referrals: allReferrals(), sms: allSms() };
    const again = await importer.importFile({ bytes, fileName: 'a.xlsx', actor: SYSTEM });
    expect({ imported: again.imported, known: again.known, rejected: again.rejected.length }).toEqual({ imported: 0, known: 6, rejected: 3 });
    expect(allReferrals()).toEqual(before.referrals);
    expect(allSms()).toEqual(before.sms);
  });

  it.each([
    ['UTF-8 with BOM, ;', fixtureCsv('utf8-bom', ';')],
    ['UTF-8 without BOM, ,', fixtureCsv('utf8', ',')],
    ['Windows-1251, ;', fixtureCsv('cp1251', ';')],
    ['Windows-1251, ,', fixtureCsv('cp1251', ',')],
  ])('CSV in %s: the same people and the same reasons as the XLSX', async (_name, bytes) => {
    const result = await importer.importFile({ bytes, fileName: 'table.csv', actor: SYSTEM });
    expect({ imported: result.imported, known: result.known }).toEqual({ imported: 5, known: 1 });
    expect(result.rejected.map(({ rowNumber, error }) => ({ rowNumber, error }))).toEqual(EXPECTED_REJECTED);
    expect(allReferrals()).toMatchObject(EXPECTED_PEOPLE);
    expect(allSms()).toHaveLength(5);
  });

  it('a CSV of the people an XLSX already brought: all known, nothing new', async () => {
    await importer.importFile({ bytes: await fixtureXlsx(), fileName: 'a.xlsx', actor: SYSTEM });
    const manager = services.staffInvites.create({ name: 'Орлова Ирина Викторовна', role: 'manager' }).staff;
    const result = await importer.importFile({ bytes: fixtureCsv('cp1251', ';'), fileName: 'b.csv', actor: { type: 'staff', id: manager.id } });
    expect({ imported: result.imported, known: result.known, rejected: result.rejected.length }).toEqual({ imported: 0, known: 6, rejected: 3 });
    expect(db.select().from(referralImports).where(eq(referralImports.id, result.importId)).get()).toMatchObject({ staffId: manager.id, fileName: 'b.csv' });
    expect(allReferrals()).toHaveLength(5);
    expect(allSms()).toHaveLength(5);
  });

  it('the error workbook: the original columns with the rows as they were, «Ошибка» and the row number', async () => {
    const result = await importer.importFile({ bytes: await fixtureXlsx(), fileName: 'a.xlsx', actor: SYSTEM });
    const sheet = await readSheet(await buildErrorWorkbook(result.columns, result.rejected));
    expect(sheet[0]).toEqual([...HEADER.map((h) => h.trim()), 'Ошибка', 'Строка в файле']);
    expect(sheet).toHaveLength(4);
    const errorColumn = HEADER.length;
    expect(sheet.slice(1).map((row) => row[errorColumn])).toEqual(EXPECTED_REJECTED.map((r) => r.error));
    expect(sheet.slice(1).map((row) => row[errorColumn + 1])).toEqual(EXPECTED_REJECTED.map((r) => r.rowNumber));
    expect(sheet[1]!.slice(0, 6)).toEqual([7, 'Волков Дмитрий Андреевич', '01.01.1970', '8 912 345 67 84', 'Центр Алмазова', 'ИБС']);
  });

  it('the error workbook, corrected, loads again: its extra columns are ignored', async () => {
    const result = await importer.importFile({ bytes: await fixtureXlsx(), fileName: 'a.xlsx', actor: SYSTEM });
    const fixed = result.rejected.map((r) => ({ ...r, values: [...r.values] }));
    fixed[0]!.values[4] = 'Бакулева';
    fixed[1]!.values[3] = '+7 (912) 345-67-99';
    fixed[2]!.values[2] = '28.02.1980';
    const again = await importer.importFile({ bytes: await buildErrorWorkbook(result.columns, fixed), fileName: 'fixed.xlsx', actor: SYSTEM });
    expect({ imported: again.imported, known: again.known, rejected: again.rejected }).toEqual({ imported: 3, known: 0, rejected: [] });
    expect(allReferrals()).toHaveLength(8);
  });
});

describe('referral import: files that are not a usable table', () => {
  const refused = async (bytes: Buffer, code: string, details?: Record<string, string | number>) => {
    const err = await importer.importFile({ bytes, fileName: 'x', actor: SYSTEM }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect({ code: (err as DomainError).code, details: (err as DomainError).details }).toEqual({ code, details: details ?? {} });
    expect(allReferrals()).toEqual([]);
    expect(allSms()).toEqual([]);
    expect(db.select().from(referralImports).all()).toEqual([]);
  };

  it('an empty file, a blank CSV, an XLSX with no cells', async () => {
    await refused(Buffer.alloc(0), 'referral_file_empty');
    await refused(Buffer.from('\r\n;;;\r\n\r\n'), 'referral_file_empty');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Лист1');
    await refused(Buffer.from(await workbook.xlsx.writeBuffer()), 'referral_file_empty');
  });

  it('a macro-enabled workbook (.xlsm) and a template (.xltx) are read like an .xlsx', async () => {
    const JSZip = (await import('jszip')).default;
    const relabel = async (contentType: string) => {
      const zip = await JSZip.loadAsync(await fixtureXlsx());
      const types = await zip.file('[Content_Types].xml')!.async('string');
      const main = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
      expect(types).toContain(main);
      zip.file('[Content_Types].xml', types.replace(main, contentType));
      return zip.generateAsync({ type: 'nodebuffer' });
    };
    for (const contentType of ['application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml']) {
      const result = await importer.importFile({ bytes: await relabel(contentType), fileName: 'Направления.xlsm', actor: SYSTEM });
      expect({ imported: result.imported, known: result.known, rejected: result.rejected.length }).toEqual(
        contentType.includes('macro') ? { imported: 5, known: 1, rejected: 3 } : { imported: 0, known: 6, rejected: 3 },
      );
    }
  });

  it('a PNG, a PDF, a ZIP of something else, an old .xls', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await refused(png, 'referral_file_not_table', { detected: 'png' });
    await refused(Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), 'referral_file_not_table', { detected: 'pdf' });
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]);
    await refused(cfb, 'referral_file_old_excel');
    // LibreOffice's own format is a spreadsheet, yet not one this import reads: said so, not "not a table".
    const JSZip = (await import('jszip')).default;
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    ods.file('content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>');
    await refused(await ods.generateAsync({ type: 'nodebuffer' }), 'referral_file_opendocument');
    await refused(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x10, 0x20, 0x7f, 0x05, 0x41]), 'referral_file_not_table');
  });

  it('a table without a recognisable header; a header missing the phone; a header with no rows', async () => {
    await refused(Buffer.from('Товар;Цена;Количество\r\nХлеб;40;2\r\n'), 'referral_file_no_header');
    await refused(Buffer.from('ФИО;Дата рождения;Центр;Заболевание\r\nИванов Иван;01.01.1970;Бакулева;ИБС\r\n'), 'referral_file_missing_columns', { columns: 'Телефон' });
    await refused(Buffer.from('ФИО;Дата рождения;Телефон;Центр;Заболевание\r\n;;;;\r\n'), 'referral_file_no_rows');
  });

  it('over 5 MB, and over 10,000 rows', async () => {
    await refused(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), 'referral_file_too_big', { maxMb: 5 });
    const line = 'Иванов Иван;01.01.1970;89123456789;Бакулева;ИБС\r\n';
    await refused(Buffer.from(`ФИО;Дата рождения;Телефон;Центр;Заболевание\r\n${line.repeat(10_001)}`), 'referral_file_too_many_rows', { max: 10_000 });
  });
});
