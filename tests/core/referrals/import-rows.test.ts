import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../core/catalog/index.js';
import { loadRegions } from '../../../core/catalog/regions.js';
import { parseBirthDateCell } from '../../../core/referrals/import/birth-date-cell.js';
import { decodeCsv, readCsv } from '../../../core/referrals/import/csv.js';
import { fieldOf, findHeader } from '../../../core/referrals/import/headers.js';
import { parseIcd10 } from '../../../core/referrals/import/icd10.js';
import { matchCenter, matchCondition } from '../../../core/referrals/import/match-catalog.js';
import { readReferralTable } from '../../../core/referrals/import/read-table.js';
import { matchRegion } from '../../../core/referrals/import/region.js';
import { validateRow } from '../../../core/referrals/import/validate-row.js';
import { rowTexts } from '../../support/referral-texts.js';
import { generateInviteCode, parseReferralPayload, REFERRAL_PAYLOAD_PREFIX } from '../../../core/referrals/invite-code.js';
import { DomainError } from '../../../core/errors.js';
import iconv from 'iconv-lite';

const catalog = loadCatalog();
const regions = loadRegions();
const bakulev = catalog.centers.find((c) => c.code === 'bakulev')!;
const kulakov = catalog.centers.find((c) => c.code === 'kulakov')!;
const centerOf = (text: string) => {
  const m = matchCenter(catalog, text);
  return m.kind === 'found' ? m.value.code : m.kind;
};
const conditionOf = (conditions: typeof bakulev.conditions, text: string) => {
  const m = matchCondition(conditions, text);
  return m.kind === 'found' ? m.value.code : m.kind;
};

describe('headers', () => {
  it.each([
    ['ФИО', 'fullName'], ['Ф.И.О.', 'fullName'], ['Ф. И. О.', 'fullName'], ['Фамилия Имя Отчество', 'fullName'], ['ФИО пациента (полностью)', 'fullName'],
    ['Фамилия', 'lastName'], ['Имя', 'firstName'], ['Отчество', 'middleName'],
    ['Дата рождения', 'birthDate'], ['Дата рожд.', 'birthDate'], ['Д.Р.', 'birthDate'],
    ['Телефон', 'phone'], ['Тел.', 'phone'], ['Контактный телефон пациента', 'phone'], ['Моб. телефон', 'phone'],
    ['Центр', 'center'], ['НМИЦ', 'center'], ['Заболевание', 'condition'], ['Нозология', 'condition'],
    ['Диагноз', 'diagnosis'], ['МКБ-10', 'icd10'], ['Код МКБ', 'icd10'], ['Код диагноза', 'icd10'],
    ['Направивший врач', 'referringDoctor'], ['ФИО направившего врача', 'referringDoctor'], ['Кем направлен', 'referringDoctor'],
    ['Медицинская организация', 'organization'], ['Направившая МО', 'organization'], ['ЛПУ', 'organization'],
    ['Регион', 'region'], ['Субъект РФ', 'region'],
  ])('"%s" is %s', (header, field) => {
    expect(fieldOf(`  ${header}  `)).toBe(field);
  });

  it('"№", "Дата направления", "Примечание" and «Ошибка» name no column', () => {
    expect(['№', '№ п/п', 'Дата направления', 'Примечание', 'Ошибка', 'Строка в файле', ''].map(fieldOf)).toEqual(Array(7).fill(undefined));
  });

  it('the header is the row naming the most columns among the first 20, under a title and empty rows', () => {
    const rows = [
      ['Список пациентов, направленных в НМИЦ', 'Список пациентов, направленных в НМИЦ'],
      [],
      [null, 'Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Телефон', 'Заболевание'],
      [null, 'Иванов', 'Иван', null, '01.01.1970', '89123456789', 'ИБС'],
    ];
    expect(findHeader({ rows, rowNumbers: [1, 2, 3, 4] })).toEqual({
      rowIndex: 2,
      columns: { lastName: 1, firstName: 2, middleName: 3, birthDate: 4, phone: 5, condition: 6 },
      titles: ['', 'Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Телефон', 'Заболевание'],
    });
  });
});

describe('catalog matching', () => {
  it.each([
    ['bakulev', 'bakulev'], ['BAKULEV', 'bakulev'], ['Бакулева', 'bakulev'], ['НМИЦ ССХ им. А.Н. Бакулева', 'bakulev'],
    ['ФГБУ «НМИЦ сердечно-сосудистой хирургии имени А.Н. Бакулева» Минздрава России', 'bakulev'],
    ['ФГБУ "НМИЦ ССХ им. А. Н. Бакулёва"', 'bakulev'], ['Бакулев', 'bakulev'], ['Бакулеав', 'bakulev'], ['центр Бакулева', 'bakulev'],
    ['Кулакова', 'kulakov'], ['НМИЦ АГП им. В.И. Кулакова', 'kulakov'], ['kulakov', 'kulakov'], ['Центр акушерства и гинекологии', 'kulakov'],
    ['Центр Алмазова', 'none'], ['НМИЦ', 'none'], ['', 'none'], ['Бакулева или Кулакова', 'ambiguous'],
    ['НЦССХ им. А.Н. Бакулева', 'bakulev'], ['ФГБУ НМИЦ АГП им. Кулакова, г. Москва', 'kulakov'], ['НИИ академика Мешалкина', 'none'],
    ['Центр хирургии им. Вишневского', 'none'], ['Кардиоцентр', 'none'], ['ССХ', 'bakulev'], ['хирургия', 'bakulev'],
  ])('center "%s" → %s', (text, expected) => {
    expect(centerOf(text)).toBe(expected);
  });

  it.each([
    ['Ишемическая болезнь сердца', 'coronary_artery_disease'], ['ИШЕМИЧЕСКАЯ БОЛЕЗНЬ СЕРДЦА ', 'coronary_artery_disease'], ['ИБС', 'coronary_artery_disease'],
    ['coronary_artery_disease', 'coronary_artery_disease'], ['Ишемичекая болзнь сердца', 'coronary_artery_disease'],
    ['Врожденные пороки сердца', 'congenital_heart_defect'], ['ВПС', 'congenital_heart_defect'], ['врождённые пороки', 'congenital_heart_defect'],
    ['Кардиомиопатия', 'cardiomyopathy'], ['Нарушение ритма', 'arrhythmia'], ['Сосудистая патология (венозная)', 'vascular_venous'],
    ['Сочетанная патология', 'combined_pathology'],
    ['Пороки сердца', 'ambiguous'], ['Сосудистая патология', 'ambiguous'], ['сердце', 'ambiguous'],
    ['Гипертония', 'none'], ['ИБС, стенокардия напряжения', 'none'], ['Аритмии у плода', 'none'],
  ])('Bakulev condition "%s" → %s', (text, expected) => {
    expect(conditionOf(bakulev.conditions, text)).toBe(expected);
  });

  it.each([
    ['Аритмии у плода', 'fetal_arrhythmia'], ['аритмия плода', 'fetal_arrhythmia'], ['Патология молочной железы', 'breast_pathology'],
    ['Онкологические заболевания во время беременности', 'cancer_in_pregnancy'], ['онкологические заболевания', 'ambiguous'], ['онкология', 'none'],
  ])('Kulakov condition "%s" → %s', (text, expected) => {
    expect(conditionOf(kulakov.conditions, text)).toBe(expected);
  });

  it.each([
    ['Свердловская обл.', 'RU-SVE'], ['г. Москва', 'RU-MOW'], ['Москва', 'RU-MOW'], ['Московская область', 'RU-MOS'], ['СПб', 'RU-SPE'],
    ['Республика Татарстан', 'RU-TA'], ['Нижний Тагил', undefined], ['Мос', undefined],
  ])('region "%s" → %s', (text, code) => {
    expect(matchRegion(regions, text)?.code).toBe(code);
  });
});

describe('cells', () => {
  const TODAY = '2026-11-25';
  it.each([
    [new Date(Date.UTC(1961, 2, 5)), '1961-03-05'], [22345, '1961-03-05'], ['05.03.1961', '1961-03-05'], ['5.3.1961', '1961-03-05'],
    ['1961-03-05', '1961-03-05'], ['05.03.1961 0:00:00', '1961-03-05'], ['05.03.1961 г.', '1961-03-05'], ['05/03/1961', '1961-03-05'],
  ])('birth date %s → %s', (cell, iso) => {
    expect(parseBirthDateCell(cell, TODAY)).toBe(iso);
  });

  it.each([['05.03.61', 'birth_date_short_year'], ['31.02.1980', 'birth_date_impossible'], ['01.01.2027', 'birth_date_future'], ['вчера', 'birth_date_format'], [-5, 'birth_date_format']])(
    'birth date %s is refused: %s',
    (cell, code) => {
      expect(() => parseBirthDateCell(cell, TODAY)).toThrow(expect.objectContaining({ code }) as DomainError);
    },
  );

  it.each([
    ['I25.1', 'I25.1'], ['i25,1', 'I25.1'], [' N80.0 ', 'N80.0'], ['I10', 'I10'], ['І10', 'I10'], ['О36.5', 'O36.5'], ['I10; E11.9', 'I10, E11.9'], ['I25.1.', 'I25.1'],
    ['I2', undefined], ['25.1', undefined], ['ИБС', undefined], ['I25.123', undefined],
  ])('ICD-10 %s → %s', (text, code) => {
    expect(parseIcd10(text)).toBe(code);
  });
});

describe('rows', () => {
  const columns = { fullName: 0, birthDate: 1, phone: 2, center: 3, condition: 4, icd10: 5 };
  const ctx = { catalog, regions, today: '2026-11-25', locale: 'ru' as const, say: (key: string, values?: Record<string, string>) => rowTexts('ru', key, values) };
  const check = (cells: (string | number | Date | null)[]) => validateRow(cells, columns, ctx);

  it.each([
    ['8 (912) 345-67-89'], ['+7 912 3456789'], ['9123456789'], ['8-912-345-67-89'], ['79123456789'], ['+7(912)345-67-89'], [89123456789], [' 8 912 345 67 89 '],
  ])('phone %s becomes +79123456789', (phone) => {
    const result = check(['Иванов Иван', '01.01.1970', phone, 'Бакулева', 'ИБС', null]);
    expect(result).toMatchObject({ ok: true, value: { phone: '+79123456789' } });
  });

  it('a landline is refused: an SMS cannot reach it', () => {
    expect(check(['Иванов Иван', '01.01.1970', '8 (495) 123-45-67', 'Бакулева', 'ИБС', null])).toEqual({
      ok: false,
      errors: ['Телефон "8 (495) 123-45-67" не мобильный — SMS-приглашение на него не придёт'],
    });
  });

  it('every problem of a row is named, each saying what to fix', () => {
    expect(check(['Иванов', '05.03.61', '', 'Кулакова', 'ИБС', 'ИБС'])).toEqual({
      ok: false,
      errors: [
        'ФИО неполное: "Иванов" — нужны хотя бы фамилия и имя',
        'В дате рождения год из двух цифр: "05.03.61" — нужен год полностью, как 05.03.1961',
        'Не указан телефон',
        'Заболевание "ИБС" относится к центру «НМИЦ ССХ им. А.Н. Бакулева», а указан «НМИЦ АГП им. В.И. Кулакова» — исправьте центр или заболевание',
        'Код МКБ-10 не распознан: "ИБС" — пишите как I25.1 или N80.0',
      ],
    });
    expect(check(['Иванов Иван', '01.01.1970', '89123456789', 'Бакулева', 'Пороки сердца', null])).toEqual({
      ok: false,
      errors: ['Заболевание указано неоднозначно: "Пороки сердца" — подходят «Врождённые пороки сердца», «Приобретённые пороки сердца»; напишите полностью'],
    });
    expect(check(['Иванов Иван', '01.01.1970', '89123456789', 'Бакулева', '', null])).toEqual({ ok: false, errors: ['Не указано заболевание'] });
  });

  it('without a center, a condition only one center treats names it', () => {
    expect(check(['Иванова Анна', '01.01.1970', '89123456789', null, 'Патология молочной железы', 'N60.1'])).toMatchObject({
      ok: true,
      value: { centerCode: 'kulakov', conditionCode: 'breast_pathology', icd10: 'N60.1' },
    });
  });
});

describe('files', () => {
  it('CSV bytes: valid UTF-8 is UTF-8, anything else Windows-1251; UTF-16 with a BOM too', () => {
    expect(decodeCsv(Buffer.from('ФИО;Телефон', 'utf8'))).toBe('ФИО;Телефон');
    expect(decodeCsv(iconv.encode('ФИО;Телефон', 'win1251'))).toBe('ФИО;Телефон');
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('ФИО\tТелефон', 'utf16le')]))).toBe('ФИО\tТелефон');
  });

  it('a tab-separated export is read too', () => {
    const table = readCsv(Buffer.from('ФИО\tДата рождения\tТелефон\tЗаболевание\r\nИванов Иван\t01.01.1970\t89123456789\tИБС\r\n'));
    expect(table.rows[1]).toEqual(['Иванов Иван', '01.01.1970', '89123456789', 'ИБС']);
  });

  /** A ZIP with one stored entry; `declared` overrides the uncompressed size its directory states. */
  function zip(name: string, data: Buffer, declared = data.length): Buffer {
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + nameBytes.length, 12);
    end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
    return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
  }

  const codeOf = (p: Promise<unknown>) => p.then(() => 'read', (err: unknown) => (err instanceof DomainError ? err.code : String(err)));

  it('a ZIP of something else is not a table; a ZIP declaring 200 MB unpacked is refused before it is inflated', async () => {
    expect(await codeOf(readReferralTable(zip('notes.txt', Buffer.from('hello'))))).toBe('referral_file_not_table');
    expect(await codeOf(readReferralTable(zip('xl/worksheets/sheet1.xml', Buffer.from('<x/>'), 200 * 1024 * 1024)))).toBe('referral_file_too_big');
  });
});

describe('invite codes', () => {
  it('12 characters of the /start alphabet, different each time; the payload parses back, anything else does not', () => {
    const codes = Array.from({ length: 200 }, () => generateInviteCode());
    expect(new Set(codes).size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Za-z0-9_-]{12}$/);
      expect(`${REFERRAL_PAYLOAD_PREFIX}${code}`.length).toBeLessThanOrEqual(64);
      expect(parseReferralPayload(`ref_${code}`)).toBe(code);
    }
    expect([undefined, '', 'ref_', 'ref_short', 'inv_AAAAAAAAAAAA', 'ref_AAAAAAAAAAA!', 'ref_AAAAAAAAAAAAA'].map(parseReferralPayload)).toEqual(Array(7).fill(undefined));
  });
});

describe('tables', () => {
  it('of a home and a mobile phone column the mobile one is read; rows with only their number filled are skipped', async () => {
    const csv = [
      '№;ФИО;Дата рождения;Домашний телефон;Мобильный телефон;Центр;Заболевание',
      '1;Иванов Иван Иванович;01.01.1970;8 (343) 123-45-67;8 912 345-67-89;Бакулева;ИБС',
      '2;;;;;;',
      '3;;;;;;',
    ].join('\r\n');
    const table = await readReferralTable(Buffer.from(csv));
    expect(table.header.columns).toMatchObject({ phone: 4 });
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2]);
  });
});
