import { InlineKeyboard } from 'grammy';
import type { ChecklistItem } from '../../../core/applications/requirements.js';
import { missingRequired } from '../../../core/applications/requirements.js';
import type { Translate } from '../../shared/outbox-sender.js';
import { actionData, uploadData } from './callback-data.js';

const label = (item: ChecklistItem, locale: string) => (locale === 'en' ? item.en : item.ru);

/** Files of one kind arriving from the checklist's upload button: how many so far (the label already in the reader's language). */
export interface UploadProgress {
  kind: string;
  count: number;
}

/**
 * The center's documents for the condition, ✅ what the profile has and ❌ what it lacks; optional ones marked so.
 * During an upload the footer says how many files of the kind arrived instead.
 */
export function checklistText(
  t: Translate,
  items: ChecklistItem[],
  locale: string,
  head: { center: string; condition: string },
  uploading?: UploadProgress,
): string {
  const lines = items.map((item) => {
    const kind = label(item, locale);
    if (item.need === 'ifAvailable') return t(item.present ? 'apply-check-optional-have' : 'apply-check-optional-missing', { kind });
    return t(item.present ? 'apply-check-have' : 'apply-check-missing', { kind });
  });
  const missing = items.filter((i) => i.need === 'required' && !i.present).map((i) => label(i, locale));
  const footer = uploading
    ? t('apply-checklist-uploading', { ...uploading })
    : missing.length
    ? `${t('apply-checklist-missing', { kinds: missing.join(', ') })}\n\n${t('apply-duty-hint')}`
    : t('apply-checklist-complete');
  return [t('apply-checklist-header', head), ...lines, '', footer].join('\n');
}

/** An upload button per missing document (required first); "send" only when nothing required is missing. */
export function checklistKeyboard(t: Translate, items: ChecklistItem[], locale: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const missing = [...items.filter((i) => !i.present && i.need === 'required'), ...items.filter((i) => !i.present && i.need === 'ifAvailable')];
  for (const item of missing) {
    const kind = label(item, locale);
    keyboard.text(t(item.need === 'required' ? 'apply-btn-upload' : 'apply-btn-upload-optional', { kind }), uploadData.pack({ kind: item.kind })).row();
  }
  if (missingRequired(items).length === 0) keyboard.text(t('apply-btn-review'), actionData.pack({ action: 'review' })).row();
  return keyboard.text(t('apply-btn-drop'), actionData.pack({ action: 'drop' }));
}
