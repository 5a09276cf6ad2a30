import type { Context } from 'grammy';
import { createI18n } from '../../bot/shared/i18n.js';

const i18n = createI18n<Context>(() => undefined);

/** A referral table row's problems said from the bots' Fluent files, as the service graph says them. */
export const rowTexts = (locale: string, key: string, values?: Record<string, string>): string => i18n.t(locale, key, values);
