import { InlineKeyboard } from 'grammy';
import type { BookedSlot, DutyDoctor, DutySlot } from '../../../core/duty/index.js';
import { groupTemplates } from '../../../core/duty/weekly.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { addDays, zonedParts, zonedToUtc } from '../../../core/time.js';
import type { Translate } from '../../shared/outbox-sender.js';
import { dayParts, timeIn, zoneTag } from '../consultations/format.js';
import type { StaffBotDeps } from '../deps.js';
import { shortName } from '../triage/labels.js';
import { cancelData, dayData, dayOffData, removeData, screenData } from './callback-data.js';

export type ViewDeps = Pick<StaffBotDeps, 'duty' | 'clock' | 'dutyLimits'>;

/** A screen as plain data: a conversation's replay log can hold it, and Telegram takes the markup as it is. */
export interface View {
  text: string;
  markup: { inline_keyboard: InlineKeyboard['inline_keyboard'] };
}

const WEEK = 7;
const WEEK_DAYS_PER_ROW = 4;
const CALENDAR_DAYS_PER_ROW = 3;

const view = (lines: string[], keyboard: InlineKeyboard): View => ({ text: lines.join('\n'), markup: { inline_keyboard: keyboard.inline_keyboard } });

/** "Ср 25.11". */
export const dayLabel = (t: Translate, day: string) => t('slots-day-label', dayParts(day));

/** "Пн, Ср, Пт". */
export const weekdayList = (t: Translate, weekdays: readonly number[]) => weekdays.map((weekday) => t('slots-weekday', { weekday })).join(', ');

/** "Пн, Ср, Пт 09:00–13:00, по 30 мин". */
export function templateLine(t: Translate, g: { weekdays: readonly number[]; from: string; to: string; slotMinutes: number }): string {
  return t('slots-template-line', { days: weekdayList(t, g.weekdays), from: g.from, to: g.to, length: g.slotMinutes });
}

/** "• Чт 26.11 09:30 — №12 Иванова Мария Петровна", in the doctor's zone. */
export function bookedLines(t: Translate, timeZone: string, booked: readonly BookedSlot[]): string[] {
  return booked.map((b) =>
    t('slots-booked-item', { day: dayLabel(t, zonedParts(b.startsAt, timeZone).date), time: timeIn(b.startsAt, timeZone), id: String(b.consultationId), patient: b.patientName }),
  );
}

function byDay(list: DutySlot[], timeZone: string): Map<string, DutySlot[]> {
  const out = new Map<string, DutySlot[]>();
  for (const s of list) {
    const day = zonedParts(s.startsAt, timeZone).date;
    out.set(day, [...(out.get(day) ?? []), s]);
  }
  return out;
}

/** The way back to the /slots overview. */
export const backHome = (t: Translate, staffId: number) => new InlineKeyboard().text(t('slots-btn-back'), screenData.pack({ staffId, screen: 'home' }));

/** A short result with the way back to the overview. */
export function resultView(t: Translate, staffId: number, lines: string[]): View {
  return view(lines, backHome(t, staffId));
}

/** The weekly template, days off ahead, and the next 7 days with free and booked counts; a button per day. */
export function overviewView(deps: ViewDeps, t: Translate, locale: string, actor: Pick<StaffMember, 'role'>, doctor: DutyDoctor): View {
  const now = deps.clock.now();
  const tz = doctor.timeZone;
  const today = zonedParts(now, tz).date;
  const lines = [t('slots-title', { name: doctor.name, zone: zoneTag(tz, now, locale) })];
  if (!doctor.specialty) lines.push(t('slots-no-specialty'));

  const groups = groupTemplates(deps.duty.templates(doctor.id));
  lines.push('', t('slots-week-title'), ...(groups.length ? groups.map((g) => templateLine(t, g)) : [t('slots-week-empty')]));

  const lastDay = addDays(today, deps.dutyLimits.daysAhead);
  const off = deps.duty.daysOff(doctor.id).filter((d) => d.date <= lastDay);
  if (off.length) lines.push('', t('slots-days-off', { days: off.map((d) => dayLabel(t, d.date)).join(', ') }));

  const offDays = new Set(off.map((d) => d.date));
  const week = byDay(deps.duty.schedule(doctor.id, now, zonedToUtc(addDays(today, WEEK), '00:00', tz)), tz);
  lines.push('', t('slots-next-title'));
  const keyboard = new InlineKeyboard();
  for (let i = 0; i < WEEK; i++) {
    const day = addDays(today, i);
    const list = week.get(day) ?? [];
    const booked = list.filter((s) => s.consultation !== null).length;
    const label = dayLabel(t, day);
    if (offDays.has(day)) lines.push(t('slots-next-day-off', { day: label, booked }));
    else if (list.length === 0) lines.push(t('slots-next-day-none', { day: label }));
    else lines.push(t('slots-next-day', { day: label, free: list.length - booked, booked }));
    if (i > 0 && i % WEEK_DAYS_PER_ROW === 0) keyboard.row();
    keyboard.text(label, dayData.pack({ staffId: doctor.id, day }));
  }
  const screen = (name: 'add' | 'remove' | 'off' | 'generate' | 'doctors') => screenData.pack({ staffId: doctor.id, screen: name });
  keyboard
    .row()
    .text(t('slots-btn-add'), screen('add'))
    .text(t('slots-btn-remove'), screen('remove'))
    .row()
    .text(t('slots-btn-day-off'), screen('off'))
    .text(t('slots-btn-generate'), screen('generate'));
  if (actor.role === 'admin') keyboard.row().text(t('slots-btn-doctors'), screen('doctors'));
  return view(lines, keyboard);
}

/** For an admin: every active duty doctor, a button each. */
export function doctorsView(deps: Pick<StaffBotDeps, 'duty'>, t: Translate): View {
  const doctors = deps.duty.doctors();
  const keyboard = InlineKeyboard.from(doctors.map((d) => [InlineKeyboard.text(d.name, screenData.pack({ staffId: d.id, screen: 'home' }))]));
  return view([t(doctors.length ? 'slots-pick-doctor' : 'slots-no-doctors')], keyboard);
}

/** One day from now on: free times, the bookings with a cancel button each, and the day off on or off. */
export function dayView(deps: ViewDeps, t: Translate, locale: string, doctor: DutyDoctor, day: string): View {
  const now = deps.clock.now();
  const tz = doctor.timeZone;
  const from = Math.max(zonedToUtc(day, '00:00', tz), now);
  const to = zonedToUtc(addDays(day, 1), '00:00', tz);
  const list = from < to ? deps.duty.schedule(doctor.id, from, to) : [];
  const isOff = deps.duty.daysOff(doctor.id).some((d) => d.date === day);
  const free = list.filter((s) => s.consultation === null);
  const booked = list.filter((s) => s.consultation !== null);

  const lines = [t('slots-day-title', { day: dayLabel(t, day), zone: zoneTag(tz, from, locale), name: doctor.name })];
  if (isOff) lines.push(t('slots-day-is-off'));
  lines.push(free.length ? t('slots-day-free', { count: free.length, times: free.map((s) => timeIn(s.startsAt, tz)).join(', ') }) : t('slots-day-free-none'));
  if (booked.length) {
    lines.push('', t('slots-day-booked-title', { count: booked.length }));
    for (const s of booked) {
      lines.push(t('slots-day-booked-line', { time: timeIn(s.startsAt, tz), id: String(s.consultation!.id), patient: s.consultation!.patientName, mode: s.consultation!.mode }));
    }
  } else {
    lines.push(t('slots-day-booked-none'));
  }

  const keyboard = new InlineKeyboard();
  for (const s of booked) {
    const label = t('slots-btn-cancel-booking', { time: timeIn(s.startsAt, tz), patient: shortName(s.consultation!.patientName) });
    keyboard.text(label, cancelData.pack({ staffId: doctor.id, consultationId: s.consultation!.id })).row();
  }
  keyboard
    .text(t(isOff ? 'slots-btn-make-working' : 'slots-btn-make-off'), dayOffData.pack({ staffId: doctor.id, day, off: !isOff }))
    .row()
    .text(t('slots-btn-back'), screenData.pack({ staffId: doctor.id, screen: 'home' }));
  return view(lines, keyboard);
}

/** The next days (as far as slots are generated): a day off is marked and can be taken back; booked days show how many. */
export function dayOffCalendarView(deps: ViewDeps, t: Translate, locale: string, doctor: DutyDoctor): View {
  const now = deps.clock.now();
  const tz = doctor.timeZone;
  const today = zonedParts(now, tz).date;
  const days = deps.dutyLimits.daysAhead;
  const booked = byDay(
    deps.duty.schedule(doctor.id, now, zonedToUtc(addDays(today, days), '00:00', tz)).filter((s) => s.consultation !== null),
    tz,
  );
  const off = new Set(deps.duty.daysOff(doctor.id).map((d) => d.date));
  const keyboard = new InlineKeyboard();
  for (let i = 0; i < days; i++) {
    const day = addDays(today, i);
    const label = dayLabel(t, day);
    const count = booked.get(day)?.length ?? 0;
    const text = off.has(day) ? t('slots-off-btn-off', { day: label }) : count > 0 ? t('slots-off-btn-booked', { day: label, booked: count }) : label;
    if (i > 0 && i % CALENDAR_DAYS_PER_ROW === 0) keyboard.row();
    keyboard.text(text, dayOffData.pack({ staffId: doctor.id, day, off: !off.has(day) }));
  }
  keyboard.row().text(t('slots-btn-back'), screenData.pack({ staffId: doctor.id, screen: 'home' }));
  return view([t('slots-off-pick', { zone: zoneTag(tz, now, locale) })], keyboard);
}

/** Each weekly template row, a button each, to remove it. */
export function removeView(deps: Pick<StaffBotDeps, 'duty'>, t: Translate, doctor: DutyDoctor): View {
  const templates = deps.duty.templates(doctor.id);
  const keyboard = new InlineKeyboard();
  for (const row of templates) {
    keyboard.text(templateLine(t, { ...row, weekdays: [row.weekday] }), removeData.pack({ staffId: doctor.id, templateId: row.id })).row();
  }
  keyboard.text(t('slots-btn-back'), screenData.pack({ staffId: doctor.id, screen: 'home' }));
  return view([t(templates.length ? 'slots-remove-pick' : 'slots-remove-none')], keyboard);
}
