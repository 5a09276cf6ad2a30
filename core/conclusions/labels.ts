// Printed words of the conclusion document. They are document content, not bot texts, so they live with the
// renderer in core/ rather than in the bots' Fluent files.

export type DocumentLocale = 'ru' | 'en';

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

export const CONCLUSION_LABELS: Readonly<Record<DocumentLocale, ConclusionLabels>> = {
  ru: {
    title: 'Заключение специалиста',
    patient: 'Пациент',
    birthDate: 'Дата рождения',
    doctor: 'Врач',
    consultationTime: 'Дата и время консультации',
    issued: 'Дата заключения',
    outcome: 'Итог консультации',
    conclusion: 'Заключение',
    recommendations: 'Рекомендации',
    verificationCode: 'Код проверки',
    verifyAt: 'Проверить подлинность',
    page: (n, total) => `Стр. ${n} из ${total}`,
    continued: 'Заключение специалиста (продолжение)',
  },
  en: {
    title: "Specialist's conclusion",
    patient: 'Patient',
    birthDate: 'Date of birth',
    doctor: 'Doctor',
    consultationTime: 'Consultation date and time',
    issued: 'Date of conclusion',
    outcome: 'Outcome',
    conclusion: 'Conclusion',
    recommendations: 'Recommendations',
    verificationCode: 'Verification code',
    verifyAt: 'Verify authenticity',
    page: (n, total) => `Page ${n} of ${total}`,
    continued: "Specialist's conclusion (continued)",
  },
};

/** The header of a conclusion by a doctor without a center (a duty doctor of the service itself). */
export const SERVICE_HEADER: Readonly<Record<DocumentLocale, { name: string; shortName: string }>> = {
  ru: { name: 'Облако здоровья — бесплатные онлайн-консультации специалистов', shortName: 'Облако здоровья' },
  en: { name: 'Oblako Zdorovya (Health Cloud) — free online consultations with specialists', shortName: 'Oblako Zdorovya' },
};

/** PDF metadata: Creator and Producer. */
export const PDF_CREATOR = 'Облако здоровья';

/** The file name the patient sees in Telegram: the code tells two conclusions apart. */
export function conclusionFileName(verificationCode: string, locale: DocumentLocale): string {
  return `${locale === 'ru' ? 'Заключение' : 'Conclusion'} ${verificationCode}.pdf`;
}
