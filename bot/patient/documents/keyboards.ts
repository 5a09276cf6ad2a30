import { InlineKeyboard, Keyboard } from 'grammy';
import { documentKinds, type Catalog } from '../../../core/catalog/index.js';
import type { Patient } from '../../../core/patients/repository.js';
import type { PatientContext } from '../context.js';
import { addData, kindData, listData, pickProfileData } from './callback-data.js';

export function kindLabel(catalog: Catalog, kind: string, locale: string): string {
  const found = documentKinds(catalog).find((k) => k.kind === kind);
  return found ? (locale === 'en' ? found.en : found.ru) : kind;
}

export async function kindKeyboard(ctx: PatientContext, patientId: number): Promise<InlineKeyboard> {
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard();
  documentKinds(ctx.deps.catalog).forEach((k, i) => {
    keyboard.text(locale === 'en' ? k.en : k.ru, kindData.pack({ patientId, kind: k.kind }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

export function profileKeyboard(patients: Patient[], next: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const p of patients) keyboard.text(p.fullName, pickProfileData.pack({ patientId: p.id, next })).row();
  return keyboard;
}

export function documentsMenuKeyboard(ctx: PatientContext, patientId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('docs-btn-add'), addData.pack({ patientId }))
    .text(ctx.t('docs-btn-list'), listData.pack({ patientId, page: 1 }));
}

export function doneKeyboard(ctx: PatientContext): Keyboard {
  return new Keyboard().text(ctx.t('docs-btn-done')).resized().persistent();
}
