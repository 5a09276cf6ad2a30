import type { Catalog, Center } from '../catalog/index.js';
import { DomainError } from '../errors.js';

export interface RequiredDocument {
  kind: string;
  ru: string;
  en: string;
  need: 'required' | 'ifAvailable';
}

export function findCenter(catalog: Catalog, centerCode: string): Center {
  const center = catalog.centers.find((c) => c.code === centerCode);
  if (!center) throw new DomainError('unknown_center', { center: centerCode });
  return center;
}

export function findCondition(catalog: Catalog, centerCode: string, conditionCode: string) {
  const condition = findCenter(catalog, centerCode).conditions.find((c) => c.code === conditionCode);
  if (!condition) throw new DomainError('unknown_condition', { condition: conditionCode });
  return condition;
}

/** The documents a center asks for with this condition ('appliesTo' narrows some to certain conditions). */
export function documentsFor(catalog: Catalog, centerCode: string, conditionCode: string): RequiredDocument[] {
  findCondition(catalog, centerCode, conditionCode);
  return findCenter(catalog, centerCode)
    .documents.filter((d) => !d.appliesTo || d.appliesTo.includes(conditionCode))
    .map(({ kind, ru, en, need }) => ({ kind, ru, en, need }));
}

export interface ChecklistItem extends RequiredDocument {
  present: boolean;
}

/** The center's documents for a condition against the kinds a profile has uploaded. */
export function checklist(catalog: Catalog, centerCode: string, conditionCode: string, uploadedKinds: Iterable<string>): ChecklistItem[] {
  const have = new Set(uploadedKinds);
  return documentsFor(catalog, centerCode, conditionCode).map((d) => ({ ...d, present: have.has(d.kind) }));
}

export function missingRequired(items: ChecklistItem[]): string[] {
  return items.filter((i) => i.need === 'required' && !i.present).map((i) => i.kind);
}
