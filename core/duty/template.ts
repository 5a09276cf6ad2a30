import { DomainError } from '../errors.js';
import { addDays, zonedToUtc } from '../time.js';

export interface DutyTemplateInput {
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  /** HH:MM in the doctor's zone. */
  from: string;
  /** HH:MM in the doctor's zone, after `from`; 24:00 for the end of the day. */
  to: string;
  slotMinutes: number;
}

export interface DutyTemplate extends DutyTemplateInput {
  id: number;
  staffId: number;
}

export const MIN_SLOT_MINUTES = 10;
export const MAX_SLOT_MINUTES = 120;

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Minutes since midnight of HH:MM (00:00…24:00); undefined when it is not such a time. */
export function minutesOf(time: string): number | undefined {
  const m = TIME.exec(time);
  if (!m) return undefined;
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4]);
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Checks a template; DomainError template_invalid with the field at fault. */
export function checkTemplate(input: DutyTemplateInput): { from: number; to: number } {
  const bad = (field: string) => new DomainError('template_invalid', { field });
  if (!Number.isInteger(input.weekday) || input.weekday < 1 || input.weekday > 7) throw bad('weekday');
  const from = minutesOf(input.from);
  const to = minutesOf(input.to);
  if (from === undefined || from >= 24 * 60) throw bad('from');
  if (to === undefined || to <= from) throw bad('to');
  if (!Number.isInteger(input.slotMinutes) || input.slotMinutes < MIN_SLOT_MINUTES || input.slotMinutes > MAX_SLOT_MINUTES) throw bad('slotMinutes');
  if (to - from < input.slotMinutes) throw bad('slotMinutes');
  return { from, to };
}

export function templatesOverlap(a: DutyTemplateInput, b: DutyTemplateInput): boolean {
  return a.weekday === b.weekday && minutesOf(a.from)! < minutesOf(b.to)! && minutesOf(b.from)! < minutesOf(a.to)!;
}

/**
 * The slots a template gives on one date of the doctor's calendar, as UTC [start, end). Each start is the wall-clock
 * time in the doctor's zone, so a zone that changes its offset that day still gets slots at the times on the template.
 */
export function templateSlots(t: DutyTemplateInput, date: string, timeZone: string): Array<{ startsAt: number; endsAt: number }> {
  const { from, to } = checkTemplate(t);
  const at = (minutes: number) => zonedToUtc(addDays(date, Math.floor(minutes / 1440)), hhmm(minutes % 1440), timeZone);
  const out: Array<{ startsAt: number; endsAt: number }> = [];
  for (let m = from; m + t.slotMinutes <= to; m += t.slotMinutes) out.push({ startsAt: at(m), endsAt: at(m + t.slotMinutes) });
  return out;
}
