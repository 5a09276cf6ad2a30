import { InlineKeyboard } from 'grammy';
import type { Catalog } from '../../../core/catalog/index.js';
import type { Translate } from '../../shared/outbox-sender.js';
import { kindLabel } from '../documents/keyboards.js';
import { cancelConsultationData, requestedUploadData, withdrawData } from './callback-data.js';

/** A button per document kind the doctor asked for; each opens the upload for the application's own profile. */
export function requestedKindsKeyboard(t: Translate, catalog: Catalog, locale: string, applicationId: number, kinds: readonly string[]) {
  const keyboard = new InlineKeyboard();
  for (const kind of kinds) {
    keyboard.text(t('apps-btn-upload', { kind: kindLabel(catalog, kind, locale) }), requestedUploadData.pack({ id: applicationId, kind })).row();
  }
  return keyboard;
}

export function cancelConsultationKeyboard(t: Translate, consultationId: number) {
  return new InlineKeyboard().text(t('consult-btn-cancel'), cancelConsultationData.pack({ id: consultationId, step: 'ask' }));
}

export function yesNoKeyboard(t: Translate, yes: string, no: string) {
  return new InlineKeyboard().text(t('btn-yes'), yes).text(t('btn-no'), no);
}

export const withdrawStep = (id: number, step: 'ask' | 'yes' | 'no') => withdrawData.pack({ id, step });
export const cancelStep = (id: number, step: 'ask' | 'yes' | 'no') => cancelConsultationData.pack({ id, step });
