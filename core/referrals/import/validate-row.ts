import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Catalog, Center, Locale } from '../../catalog/index.js';
import type { Region } from '../../catalog/regions.js';
import { DomainError } from '../../errors.js';
import { looksLikeFormula } from '../../spreadsheet-formulas.js';
import { normalizeFullName } from '../../patients/full-name.js';
import { normalizePhone } from '../../patients/phone.js';
import { parseBirthDateCell } from './birth-date-cell.js';
import { cellText, quoteCell } from './cells.js';
import type { Field, HeaderMatch } from './headers.js';
import { matchCenter, matchCondition, type Condition } from './match-catalog.js';
import { matchRegion } from './region.js';
import { parseIcd10 } from './icd10.js';
import type { Cell } from './table.js';

/** A row that passed every check, ready to become a referral. */
export interface ReferralDraft {
  fullName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** E.164. */
  phone: string;
  centerCode: string;
  conditionCode: string;
  diagnosis: string | null;
  icd10: string | null;
  referringDoctor: string | null;
  organization: string | null;
  regionCode: string | null;
  regionText: string | null;
}

/** Says one problem of a row in the reader's language: a key of bot/locales/<locale>/staff/referral-rows.ftl and its values. */
export type RowMessages = (key: string, values?: Record<string, string>) => string;

export interface RowContext {
  catalog: Catalog;
  regions: Region[];
  /** YYYY-MM-DD: birth dates after it are refused. */
  today: string;
  /** The language the reasons are written in; the catalog's names in them follow it. */
  locale: Locale;
  say: RowMessages;
}

export type RowResult = { ok: true; value: ReferralDraft } | { ok: false; errors: string[] };

// The parsers' DomainError codes, and the message that says each.
const NAME_ERRORS: Record<string, string> = {
  name_empty: 'refrow-name-empty',
  name_digits: 'refrow-name-digits',
  name_symbols: 'refrow-name-symbols',
  name_too_short: 'refrow-name-too-short',
  name_too_long: 'refrow-name-too-long',
};

const BIRTH_ERRORS: Record<string, string> = {
  birth_date_format: 'refrow-birth-date-format',
  birth_date_short_year: 'refrow-birth-date-short-year',
  birth_date_impossible: 'refrow-birth-date-impossible',
  birth_date_future: 'refrow-birth-date-future',
  birth_date_too_old: 'refrow-birth-date-too-old',
};

// Numbers a text message cannot reach; libphonenumber's full metadata tells them from mobile ones.
const NOT_FOR_SMS = new Set(['FIXED_LINE', 'TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'VOIP', 'PAGER', 'UAN', 'VOICEMAIL']);

const MAX_TEXT = { diagnosis: 500, referringDoctor: 200, organization: 200, region: 200 } as const;
// The columns' names as the table format (docs/referrals.md) spells them.
const TEXT_TITLES = { diagnosis: 'Диагноз', referringDoctor: 'Направивший врач', organization: 'Медицинская организация', region: 'Регион' } as const;

// The free-text columns (ФИО, center, condition and the optional ones), as the table format spells them. Phones,
// dates and ICD-10 codes are parsed, so a formula in them is already refused as unreadable.
const FREE_TEXT_TITLES: Partial<Record<Field, string>> = {
  fullName: 'ФИО',
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  center: 'Центр',
  condition: 'Заболевание',
  ...TEXT_TITLES,
};

const guillemets = (names: string[]) => names.map((n) => `«${n}»`).join(', ');

function fail(errors: string[], say: RowMessages, err: unknown, messages: Record<string, string>, value: string): void {
  if (err instanceof DomainError && messages[err.code]) errors.push(say(messages[err.code]!, { value }));
  else throw err;
}

/** Checks one row against the catalog; every problem is one sentence (ctx.say) saying what to fix. */
export function validateRow(cells: Cell[], columns: HeaderMatch['columns'], ctx: RowContext): RowResult {
  const { say } = ctx;
  const errors: string[] = [];
  const at = (field: Field): Cell => (columns[field] === undefined ? null : (cells[columns[field]] ?? null));
  const text = (field: Field) => cellText(at(field));

  // A formula would be stored and later shown to the patient and copied into spreadsheets: refuse the row and say
  // which cell. The raw cell is checked too, since reading trims a leading tab or return away.
  const formulas = (Object.keys(FREE_TEXT_TITLES) as Field[]).filter((field) => {
    const cell = at(field);
    return typeof cell === 'string' && (looksLikeFormula(cell) || looksLikeFormula(cellText(cell)));
  });
  if (formulas.length > 0) {
    return { ok: false, errors: formulas.map((field) => say('refrow-formula', { column: FREE_TEXT_TITLES[field]!, value: quoteCell(at(field)) })) };
  }

  let fullName = '';
  const nameText = columns.fullName !== undefined ? text('fullName') : [text('lastName'), text('firstName'), text('middleName')].filter(Boolean).join(' ');
  try {
    fullName = normalizeFullName(nameText);
  } catch (err) {
    fail(errors, say, err, NAME_ERRORS, `"${nameText}"`);
  }

  let birthDate = '';
  if (!text('birthDate')) errors.push(say('refrow-birth-date-missing'));
  else {
    try {
      birthDate = parseBirthDateCell(at('birthDate'), ctx.today);
    } catch (err) {
      fail(errors, say, err, BIRTH_ERRORS, quoteCell(at('birthDate')));
    }
  }

  let phone = '';
  if (!text('phone')) errors.push(say('refrow-phone-missing'));
  else {
    try {
      phone = normalizePhone(text('phone'));
      const type = parsePhoneNumberFromString(phone)?.getType();
      if (type && NOT_FOR_SMS.has(type)) {
        errors.push(say('refrow-phone-not-mobile', { value: quoteCell(at('phone')) }));
        phone = '';
      }
    } catch (err) {
      fail(errors, say, err, { phone_invalid: 'refrow-phone-invalid' }, quoteCell(at('phone')));
    }
  }

  const place = matchPlace(ctx, text('center'), text('condition'), errors);

  const optional = (field: keyof typeof MAX_TEXT): string | null => {
    const value = text(field);
    if (value.length > MAX_TEXT[field]) {
      errors.push(say('refrow-too-long', { column: TEXT_TITLES[field], max: String(MAX_TEXT[field]) }));
      return null;
    }
    return value || null;
  };
  const diagnosis = optional('diagnosis');
  const referringDoctor = optional('referringDoctor');
  const organization = optional('organization');
  const regionWritten = optional('region');

  let icd10: string | null = null;
  if (text('icd10')) {
    icd10 = parseIcd10(text('icd10')) ?? null;
    if (!icd10) errors.push(say('refrow-icd10-invalid', { value: quoteCell(at('icd10')) }));
  }

  if (errors.length > 0 || !place) return { ok: false, errors };
  const region = regionWritten ? matchRegion(ctx.regions, regionWritten) : undefined;
  return {
    ok: true,
    value: {
      fullName,
      birthDate,
      phone,
      centerCode: place.center.code,
      conditionCode: place.condition.code,
      diagnosis,
      icd10,
      referringDoctor,
      organization,
      regionCode: region?.code ?? null,
      regionText: region ? null : regionWritten,
    },
  };
}

const allConditions = new WeakMap<Catalog, Condition[]>();
// One array per catalog, so the matcher's memo (keyed by the array) serves every row without a center.
function everyCondition(catalog: Catalog): Condition[] {
  let all = allConditions.get(catalog);
  if (!all) allConditions.set(catalog, (all = catalog.centers.flatMap((c) => c.conditions)));
  return all;
}

/** The center and the condition; the center may be left out when the condition names only one center's. */
function matchPlace(ctx: RowContext, centerText: string, conditionText: string, errors: string[]): { center: Center; condition: Condition } | undefined {
  const { catalog, say, locale } = ctx;
  const short = (c: Center) => c.shortName[locale];
  let center: Center | undefined;
  if (centerText) {
    const found = matchCenter(catalog, centerText);
    if (found.kind === 'found') center = found.value;
    else if (found.kind === 'ambiguous') errors.push(say('refrow-center-ambiguous', { value: centerText, options: guillemets(found.options.map(short)) }));
    else errors.push(say('refrow-center-unknown', { value: centerText, options: guillemets(catalog.centers.map(short)) }));
  }
  if (!conditionText) {
    errors.push(say('refrow-condition-missing'));
    if (!centerText) errors.push(say('refrow-center-missing'));
    return undefined;
  }
  if (centerText && !center) return undefined;
  const pool = center ? center.conditions : everyCondition(catalog);
  const found = matchCondition(pool, conditionText);
  if (found.kind === 'found') {
    const owner = catalog.centers.find((c) => c.conditions.includes(found.value))!;
    return { center: owner, condition: found.value };
  }
  if (found.kind === 'ambiguous') {
    errors.push(say('refrow-condition-ambiguous', { value: conditionText, options: guillemets(found.options.map((c) => c[locale])) }));
    return undefined;
  }
  if (center) {
    const elsewhere = catalog.centers.filter((c) => c !== center).find((c) => matchCondition(c.conditions, conditionText).kind === 'found');
    if (elsewhere) {
      errors.push(say('refrow-condition-elsewhere', { value: conditionText, other: short(elsewhere), center: short(center) }));
    } else {
      errors.push(say('refrow-condition-unknown', { value: conditionText, center: short(center), options: guillemets(center.conditions.map((c) => c[locale])) }));
    }
  } else {
    errors.push(say('refrow-condition-unknown-no-center', { value: conditionText }));
  }
  return undefined;
}
