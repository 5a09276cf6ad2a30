import { createCallbackData } from '../../shared/callback-data.js';

// Every button names the duty doctor whose schedule it acts on (an admin may open anyone's). Callback data comes back
// from the client and may be forged, so the presser's right to that doctor's schedule is checked on every press.

/** A screen of /slots: the overview, the day-off calendar, the list of hours to remove; or an action without input. */
export const screenData = createCallbackData('slt', { staffId: Number, screen: String });
/** One day of the next week: its free times and bookings. */
export const dayData = createCallbackData('sltDay', { staffId: Number, day: String });
/** Makes a day a day off (`off` true) or a working day again. */
export const dayOffData = createCallbackData('sltOff', { staffId: Number, day: String, off: Boolean });
export const removeData = createCallbackData('sltRm', { staffId: Number, templateId: Number });
/** Cancel one booked consultation (asks for a reason and a confirmation first). */
export const cancelData = createCallbackData('sltCan', { staffId: Number, consultationId: Number });

// Buttons inside the two flows (conversations). They name the doctor too, so a button left on a message of an older
// flow for another doctor is recognised as stale.
export const templateStepData = createCallbackData('sltTpl', { staffId: Number, step: String, value: Number });
export const cancelStepData = createCallbackData('sltWhy', { staffId: Number, step: String });

export const SCREENS = ['home', 'doctors', 'off', 'remove', 'generate', 'add'] as const;
export type Screen = (typeof SCREENS)[number];
export const TEMPLATE_STEPS = ['day', 'next', 'length', 'back', 'cancel'] as const;
export type TemplateStep = (typeof TEMPLATE_STEPS)[number];
export const CANCEL_STEPS = ['none', 'close', 'reopen', 'confirm', 'keep'] as const;
export type CancelStep = (typeof CANCEL_STEPS)[number];

const isId = (n: number) => Number.isSafeInteger(n) && n > 0;
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
const oneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);


export function parseScreen(data: string): { staffId: number; screen: Screen } | undefined {
  const v = screenData.parse(data);
  return v && isId(v.staffId) && oneOf(SCREENS, v.screen) ? { staffId: v.staffId, screen: v.screen } : undefined;
}

export function parseDay(data: string): { staffId: number; day: string } | undefined {
  const v = dayData.parse(data);
  return v && isId(v.staffId) && isDay(v.day) ? v : undefined;
}

export function parseDayOff(data: string): { staffId: number; day: string; off: boolean } | undefined {
  const v = dayOffData.parse(data);
  return v && isId(v.staffId) && isDay(v.day) ? v : undefined;
}

export function parseRemove(data: string): { staffId: number; templateId: number } | undefined {
  const v = removeData.parse(data);
  return v && isId(v.staffId) && isId(v.templateId) ? v : undefined;
}

export function parseCancel(data: string): { staffId: number; consultationId: number } | undefined {
  const v = cancelData.parse(data);
  return v && isId(v.staffId) && isId(v.consultationId) ? v : undefined;
}

export function parseTemplateStep(data: string): { staffId: number; step: TemplateStep; value: number } | undefined {
  const v = templateStepData.parse(data);
  return v && isId(v.staffId) && oneOf(TEMPLATE_STEPS, v.step) && Number.isSafeInteger(v.value) ? { staffId: v.staffId, step: v.step, value: v.value } : undefined;
}

export function parseCancelStep(data: string): { staffId: number; step: CancelStep } | undefined {
  const v = cancelStepData.parse(data);
  return v && isId(v.staffId) && oneOf(CANCEL_STEPS, v.step) ? { staffId: v.staffId, step: v.step } : undefined;
}
