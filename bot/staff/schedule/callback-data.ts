import { createCallbackData } from '../../shared/callback-data.js';

/** "📅 Schedule" on an application card (the triage card puts it there): starts scheduling that application. */
export const scheduleData = createCallbackData('sched', { applicationId: Number });

// Buttons inside the scheduling flow. Each names its application, so a button left on an older message of another
// application's flow is recognised as stale instead of booking the wrong patient.
export const dayData = createCallbackData('schedDay', { applicationId: Number, day: String });
export const timeData = createCallbackData('schedTime', { applicationId: Number, at: Number });
export const modeData = createCallbackData('schedMode', { applicationId: Number, at: Number, mode: String });
export const stepData = createCallbackData('schedStep', { applicationId: Number, step: String });

export const STEPS = ['days', 'times', 'type', 'cancel'] as const;
export type Step = (typeof STEPS)[number];
export const MODES = ['video', 'audio'] as const;
export type Mode = (typeof MODES)[number];

export type FlowButton =
  | { kind: 'day'; applicationId: number; day: string }
  | { kind: 'time'; applicationId: number; at: number }
  | { kind: 'mode'; applicationId: number; at: number; mode: Mode }
  | { kind: 'step'; applicationId: number; step: Step };

/** Whether callback data belongs to the scheduling flow at all. */
export function isFlowData(data: string): boolean {
  return [dayData, timeData, modeData, stepData].some((d) => d.filter().test(data));
}

/** A flow button's data, checked; undefined for anything malformed (Telegram returns what we sent, so: forged). */
export function parseFlowData(data: string): FlowButton | undefined {
  const day = dayData.parse(data);
  if (day) return isId(day.applicationId) && /^\d{4}-\d{2}-\d{2}$/.test(day.day) ? { kind: 'day', ...day } : undefined;
  const time = timeData.parse(data);
  if (time) return isId(time.applicationId) && isId(time.at) ? { kind: 'time', ...time } : undefined;
  const mode = modeData.parse(data);
  if (mode) {
    const known = (MODES as readonly string[]).includes(mode.mode);
    return isId(mode.applicationId) && isId(mode.at) && known ? { kind: 'mode', applicationId: mode.applicationId, at: mode.at, mode: mode.mode as Mode } : undefined;
  }
  const step = stepData.parse(data);
  if (step) return isId(step.applicationId) && (STEPS as readonly string[]).includes(step.step) ? { kind: 'step', applicationId: step.applicationId, step: step.step as Step } : undefined;
  return undefined;
}

const isId = (n: number) => Number.isSafeInteger(n) && n > 0;
