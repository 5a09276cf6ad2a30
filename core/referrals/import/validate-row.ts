import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Catalog, Center } from '../../catalog/index.js';
import type { Region } from '../../catalog/regions.js';
import { DomainError } from '../../errors.js';
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

export interface RowContext {
  catalog: Catalog;
  regions: Region[];
  /** YYYY-MM-DD: birth dates after it are refused. */
  today: string;
}

export type RowResult = { ok: true; value: ReferralDraft } | { ok: false; errors: string[] };

const NAME_ERRORS: Record<string, (v: string) => string> = {
  name_empty: () => 'Не указано ФИО',
  name_digits: (v) => `В ФИО есть цифры: ${v}`,
  name_symbols: (v) => `В ФИО есть лишние знаки: ${v} — только буквы, дефис и апостроф`,
  name_too_short: (v) => `ФИО неполное: ${v} — нужны хотя бы фамилия и имя`,
  name_too_long: () => 'ФИО длиннее 150 знаков',
};

const BIRTH_ERRORS: Record<string, (v: string) => string> = {
  birth_date_format: (v) => `Дата рождения не распознана: ${v} — пишите как 05.03.1961`,
  birth_date_short_year: (v) => `В дате рождения год из двух цифр: ${v} — нужен год полностью, как 05.03.1961`,
  birth_date_impossible: (v) => `Такой даты не бывает: ${v}`,
  birth_date_future: (v) => `Дата рождения ещё не наступила: ${v}`,
  birth_date_too_old: (v) => `Дата рождения слишком давняя: ${v}`,
};

// Numbers a text message cannot reach; libphonenumber's full metadata tells them from mobile ones.
const NOT_FOR_SMS = new Set(['FIXED_LINE', 'TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'VOIP', 'PAGER', 'UAN', 'VOICEMAIL']);

const MAX_TEXT = { diagnosis: 500, referringDoctor: 200, organization: 200, region: 200 } as const;
const TEXT_TITLES = { diagnosis: 'Диагноз', referringDoctor: 'Направивший врач', organization: 'Медицинская организация', region: 'Регион' } as const;

const guillemets = (names: string[]) => names.map((n) => `«${n}»`).join(', ');

function fail(errors: string[], err: unknown, messages: Record<string, (v: string) => string>, value: string): void {
  if (err instanceof DomainError && messages[err.code]) errors.push(messages[err.code]!(value));
  else throw err;
}

/** Checks one row against the catalog; every problem is one Russian sentence saying what to fix. */
export function validateRow(cells: Cell[], columns: HeaderMatch['columns'], ctx: RowContext): RowResult {
  const errors: string[] = [];
  const at = (field: Field): Cell => (columns[field] === undefined ? null : (cells[columns[field]] ?? null));
  const text = (field: Field) => cellText(at(field));

  let fullName = '';
  const nameText = columns.fullName !== undefined ? text('fullName') : [text('lastName'), text('firstName'), text('middleName')].filter(Boolean).join(' ');
  try {
    fullName = normalizeFullName(nameText);
  } catch (err) {
    fail(errors, err, NAME_ERRORS, `"${nameText}"`);
  }

  let birthDate = '';
  if (!text('birthDate')) errors.push('Не указана дата рождения');
  else {
    try {
      birthDate = parseBirthDateCell(at('birthDate'), ctx.today);
    } catch (err) {
      fail(errors, err, BIRTH_ERRORS, quoteCell(at('birthDate')));
    }
  }

  let phone = '';
  if (!text('phone')) errors.push('Не указан телефон');
  else {
    try {
      phone = normalizePhone(text('phone'));
      const type = parsePhoneNumberFromString(phone)?.getType();
      if (type && NOT_FOR_SMS.has(type)) {
        errors.push(`Телефон ${quoteCell(at('phone'))} не мобильный — SMS-приглашение на него не придёт`);
        phone = '';
      }
    } catch (err) {
      fail(errors, err, { phone_invalid: (v) => `Телефон не распознан: ${v} — нужен мобильный номер, например 8 912 345-67-89` }, quoteCell(at('phone')));
    }
  }

  const place = matchPlace(ctx.catalog, text('center'), text('condition'), errors);

  const optional = (field: keyof typeof MAX_TEXT): string | null => {
    const value = text(field);
    if (value.length > MAX_TEXT[field]) {
      errors.push(`${TEXT_TITLES[field]}: длиннее ${MAX_TEXT[field]} знаков — сократите`);
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
    if (!icd10) errors.push(`Код МКБ-10 не распознан: ${quoteCell(at('icd10'))} — пишите как I25.1 или N80.0`);
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
function matchPlace(catalog: Catalog, centerText: string, conditionText: string, errors: string[]): { center: Center; condition: Condition } | undefined {
  const short = (c: Center) => c.shortName.ru;
  let center: Center | undefined;
  if (centerText) {
    const found = matchCenter(catalog, centerText);
    if (found.kind === 'found') center = found.value;
    else if (found.kind === 'ambiguous') errors.push(`Центр указан неоднозначно: "${centerText}" — подходят ${guillemets(found.options.map(short))}; оставьте один`);
    else errors.push(`Центр не найден: "${centerText}" — укажите ${guillemets(catalog.centers.map(short))}`);
  }
  if (!conditionText) {
    errors.push('Не указано заболевание');
    if (!centerText) errors.push('Не указан центр');
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
    errors.push(`Заболевание указано неоднозначно: "${conditionText}" — подходят ${guillemets(found.options.map((c) => c.ru))}; напишите полностью`);
    return undefined;
  }
  if (center) {
    const elsewhere = catalog.centers.filter((c) => c !== center).find((c) => matchCondition(c.conditions, conditionText).kind === 'found');
    if (elsewhere) {
      errors.push(`Заболевание "${conditionText}" относится к центру «${short(elsewhere)}», а указан «${short(center)}» — исправьте центр или заболевание`);
    } else {
      errors.push(`Заболевание не найдено: "${conditionText}" — у центра «${short(center)}» есть: ${guillemets(center.conditions.map((c) => c.ru))}`);
    }
  } else {
    errors.push(`Заболевание не найдено: "${conditionText}"; центр не указан — укажите центр и заболевание из его списка`);
  }
  return undefined;
}
