import { minutesOf, type DutyTemplate } from './template.js';

/** ISO weekdays 1 (Monday) … 7 (Sunday) by their three-letter English names, as the CLI takes them. */
export const WEEKDAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** Slot lengths offered by the staff bot; the CLI takes any length the core accepts. */
export const SLOT_LENGTHS = [15, 20, 30, 45, 60] as const;

export interface WeeklyHours {
  from: string;
  to: string;
  slotMinutes: number;
}

/** One line of a weekly template as people read it: the weekdays that share the same hours and slot length. */
export interface TemplateGroup extends WeeklyHours {
  weekdays: number[];
  templateIds: number[];
}

/**
 * "09:00-13:00", "9:00 – 13:00", "09.00—13.00": the hours as HH:MM, or undefined when the text is not a range of two
 * times. The end may be 24:00. Whether the range makes sense (end after start) is the core's check.
 */
export function parseHoursRange(text: string): { from: string; to: string } | undefined {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*(?:-|–|—|до|to)\s*(\d{1,2})[:.](\d{2})\s*$/i.exec(text);
  if (!m) return undefined;
  const from = `${m[1]!.padStart(2, '0')}:${m[2]}`;
  const to = `${m[3]!.padStart(2, '0')}:${m[4]}`;
  return minutesOf(from) !== undefined && minutesOf(to) !== undefined ? { from, to } : undefined;
}

/** "mon,wed,fri" → [1, 3, 5]; undefined when any name is unknown or none is given. */
export function parseWeekdays(text: string): number[] | undefined {
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return undefined;
  const days = names.map((n) => WEEKDAY_CODES.indexOf(n as WeekdayCode) + 1);
  if (days.some((d) => d === 0)) return undefined;
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Templates with the same hours and slot length grouped into one line, weekdays in order; lines by first weekday, then start. */
export function groupTemplates(templates: readonly DutyTemplate[]): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>();
  const sorted = [...templates].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
  for (const t of sorted) {
    const key = `${t.from}|${t.to}|${t.slotMinutes}`;
    const group = groups.get(key) ?? { from: t.from, to: t.to, slotMinutes: t.slotMinutes, weekdays: [], templateIds: [] };
    group.weekdays.push(t.weekday);
    group.templateIds.push(t.id);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.weekdays[0]! - b.weekdays[0]! || a.from.localeCompare(b.from));
}
