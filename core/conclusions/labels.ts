import { fileURLToPath } from 'node:url';
import { loadTexts } from '../fluent.js';
import { LOCALES, type Locale } from '../locales.js';

// Printed words of the conclusion document. They are document content, not bot texts, so they live with the
// renderer in core/ (core/conclusions/locales/<lang>/pdf.ftl) rather than in the bots' Fluent files.

export type DocumentLocale = Locale;

export interface ConclusionLabels {
  title: string;
  patient: string;
  birthDate: string;
  doctor: string;
  consultationTime: string;
  issued: string;
  outcome: string;
  conclusion: string;
  recommendations: string;
  verificationCode: string;
  verifyAt: string;
  page: (n: number, total: number) => string;
  /** Running header of pages after the first. */
  continued: string;
}

const texts = loadTexts(fileURLToPath(new URL('./locales', import.meta.url)));

const byLocale = <T>(make: (locale: DocumentLocale) => T) =>
  Object.fromEntries(LOCALES.map((locale) => [locale, make(locale)])) as Readonly<Record<DocumentLocale, T>>;

export const CONCLUSION_LABELS = byLocale<ConclusionLabels>((locale) => {
  const t = (key: string) => texts(locale, key);
  return {
    title: t('pdf-title'),
    patient: t('pdf-patient'),
    birthDate: t('pdf-birth-date'),
    doctor: t('pdf-doctor'),
    consultationTime: t('pdf-consultation-time'),
    issued: t('pdf-issued'),
    outcome: t('pdf-outcome'),
    conclusion: t('pdf-conclusion'),
    recommendations: t('pdf-recommendations'),
    verificationCode: t('pdf-verification-code'),
    verifyAt: t('pdf-verify-at'),
    page: (n, total) => texts(locale, 'pdf-page', { n, total }),
    continued: t('pdf-continued'),
  };
});

/** The header of a conclusion by a doctor without a center (a duty doctor of the service itself). */
export const SERVICE_HEADER = byLocale((locale) => ({
  name: texts(locale, 'pdf-service-name'),
  shortName: texts(locale, 'pdf-service-short-name'),
}));

/** PDF metadata: Creator and Producer, the service's own name whatever the document's language. */
export const PDF_CREATOR = SERVICE_HEADER.ru.shortName;
