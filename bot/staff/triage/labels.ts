import type { Application } from '../../../core/applications/repository.js';
import { documentKinds, type Catalog } from '../../../core/catalog/index.js';
import { ageOn, todayIn } from '../../../core/patients/birth-date.js';
import { zonedParts } from '../../../core/time.js';
import { formatDate } from '../../shared/format.js';

// The short «Фамилия И. О.» form lives with the name's other forms in core.
export { shortName } from '../../../core/patients/declension.js';

const en = (locale: string) => locale === 'en';

export function conditionLabel(catalog: Catalog, app: Pick<Application, 'centerCode' | 'conditionCode'>, locale: string): string {
  const condition = catalog.centers.find((c) => c.code === app.centerCode)?.conditions.find((c) => c.code === app.conditionCode);
  return condition ? (en(locale) ? condition.en : condition.ru) : app.conditionCode;
}

export function kindLabel(catalog: Catalog, kind: string, locale: string): string {
  const found = documentKinds(catalog).find((k) => k.kind === kind);
  return found ? (en(locale) ? found.en : found.ru) : kind;
}

export function kindList(catalog: Catalog, kinds: readonly string[], locale: string): string {
  return kinds.map((k) => kindLabel(catalog, k, locale)).join(', ');
}

/** Full years today in the patient's own zone. */
export function patientAge(patient: { birthDate: string; timeZone: string }, now: number): number {
  return ageOn(patient.birthDate, todayIn(patient.timeZone, now));
}

/** A moment as the reader's wall clock shows it: 25.11.2026 10:00. */
export function formatMoment(at: number, timeZone: string): string {
  const { date, time } = zonedParts(at, timeZone);
  return `${formatDate(date)} ${time}`;
}

const DAY_MS = 24 * 3600_000;
/** Applications waiting longer than this are flagged: patients are promised an answer in 1–3 days. */
export const OVERDUE_MS = 3 * DAY_MS;

export function daysWaiting(submittedAt: number, now: number): number {
  return Math.max(0, Math.floor((now - submittedAt) / DAY_MS));
}
