import { parseArgs } from 'node:util';
import { OPERATOR } from '../core/actor.js';
import { checkDutyDate } from '../core/duty/day-off.js';
import { isSpecialty, minutesOf, type DutyDoctor } from '../core/duty/index.js';
import { groupTemplates, parseWeekdays, WEEKDAY_CODES } from '../core/duty/weekly.js';
import { DomainError } from '../core/errors.js';
import { addDays, zonedParts, zonedToUtc } from '../core/time.js';
import { UsageError } from './usage.js';
import type { Services } from '../app/services.js';

export const SLOTS_USAGE = `  slots add --staff <id> --days <mon,wed,fri> --from <HH:MM> --to <HH:MM> --length <minutes>
      adds weekly duty hours (in the doctor's time zone) and generates their slots at once
  slots add --staff <id> --date <YYYY-MM-DD> --from <HH:MM> [--length 30]
      adds one duty slot outside the weekly hours
  slots list --staff <id>
      the duty doctor's weekly hours, days off and the next 7 days (free and booked)
  slots remove --staff <id> --template <id>
      removes one weekly row and its free slots (bookings stay and are listed)
  slots off --staff <id> --date <YYYY-MM-DD> [--reason "<text>"] [--cancel-booked | --keep-booked]
      a day off: that day's free slots go. Refused while it has bookings, unless --cancel-booked (each patient
      is told, with the reason) or --keep-booked
  slots on --staff <id> --date <YYYY-MM-DD>
      takes a day off back: its slots are generated again
  slots specialty --staff <id> --set <cardiology|gynecology|none>
      what the duty doctor answers about; patients see a doctor's slots only once it is set
  slots generate [--days <n>]
      generates every active duty doctor's slots that many days ahead (default DUTY_DAYS_AHEAD); the service
      also does this at start and every 6 hours`;

const OPTIONS = {
  staff: { type: 'string' },
  days: { type: 'string' },
  date: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  length: { type: 'string' },
  template: { type: 'string' },
  reason: { type: 'string' },
  set: { type: 'string' },
  'cancel-booked': { type: 'boolean' },
  'keep-booked': { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>['values'];

const positiveInt = (text: string | undefined, name: string): number => {
  const n = Number(text);
  if (!text || !/^\d+$/.test(text) || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--${name} must be a whole number`);
  return n;
};

function time(text: string | undefined, name: string): string {
  if (!text || minutesOf(text) === undefined) throw new UsageError(`--${name} must be a time as HH:MM, e.g. 09:00`);
  return text;
}

function date(text: string | undefined): string {
  if (!text) throw new UsageError('--date is required (YYYY-MM-DD)');
  try {
    checkDutyDate(text);
  } catch (err) {
    if (err instanceof DomainError) throw new UsageError(`--date must be a real date as YYYY-MM-DD, not "${text}"`);
    throw err;
  }
  return text;
}

function dutyDoctor(services: Services, values: Values): DutyDoctor {
  const id = positiveInt(values.staff, 'staff');
  if (!services.staff.byId(id)) throw new UsageError(`--staff ${id}: no such staff member (see: staff list)`);
  return services.duty.doctor(id);
}

const hhmm = (at: number, timeZone: string) => zonedParts(at, timeZone).time;
const weekdayNames = (days: number[]) => days.map((d) => WEEKDAY_CODES[d - 1]).join(', ');

function bookedLines(booked: Array<{ consultationId: number; startsAt: number; patientName: string }>, timeZone: string): string[] {
  return booked.map((b) => `  consultation ${b.consultationId}\t${zonedParts(b.startsAt, timeZone).date} ${hhmm(b.startsAt, timeZone)}\t${b.patientName}`);
}

function add(services: Services, values: Values, log: (line: string) => void): void {
  const doc = dutyDoctor(services, values);
  const from = time(values.from, 'from');
  if (values.date !== undefined) {
    if (values.days !== undefined || values.to !== undefined) throw new UsageError('one slot takes --date, --from and --length; weekly hours take --days, --from, --to and --length');
    const day = date(values.date);
    const minutes = values.length === undefined ? 30 : positiveInt(values.length, 'length');
    const slot = services.duty.addSlot(doc.id, zonedToUtc(day, from, doc.timeZone), minutes);
    log(`Added slot ${slot.id} for ${doc.name} (staff ${doc.id}): ${day} ${from}–${hhmm(slot.endsAt, doc.timeZone)} ${doc.timeZone}.`);
    return;
  }
  const weekdays = values.days === undefined ? undefined : parseWeekdays(values.days);
  if (!weekdays) throw new UsageError(`--days must be a comma-separated list of ${WEEKDAY_CODES.join(', ')}`);
  const to = time(values.to, 'to');
  const slotMinutes = positiveInt(values.length, 'length');
  const { templates, opened } = services.roster.addWeekly(OPERATOR, doc.id, weekdays, { from, to, slotMinutes });
  log(`Added ${weekdayNames(weekdays)} ${from}–${to} (${doc.timeZone}), ${slotMinutes}-minute slots, for ${doc.name} (staff ${doc.id}): templates ${templates.map((t) => t.id).join(', ')}.`);
  log(`Opened ${opened} slots up to ${services.dutyLimits.daysAhead} days ahead.`);
}

function list(services: Services, values: Values, log: (line: string) => void): void {
  const doc = dutyDoctor(services, values);
  const tz = doc.timeZone;
  const now = services.clock.now();
  const today = zonedParts(now, tz).date;
  log(`${doc.name} (staff ${doc.id}), ${doc.active ? 'active' : 'inactive'}, ${doc.specialty ?? 'no specialty: patients do not see these slots'}, times in ${tz}`);
  log('Weekly hours:');
  const templates = services.duty.templates(doc.id);
  if (templates.length === 0) log('  none');
  for (const g of groupTemplates(templates)) log(`  ${weekdayNames(g.weekdays)} ${g.from}–${g.to}, ${g.slotMinutes} min\t(templates ${g.templateIds.join(', ')})`);
  const off = services.duty.daysOff(doc.id);
  log(`Days off: ${off.length ? off.map((d) => (d.reason ? `${d.date} (${d.reason})` : d.date)).join(', ') : 'none'}`);
  log('Next 7 days:');
  const offDays = new Set(off.map((d) => d.date));
  const slots = services.duty.schedule(doc.id, now, zonedToUtc(addDays(today, 7), '00:00', tz));
  for (let i = 0; i < 7; i++) {
    const day = addDays(today, i);
    const ofDay = slots.filter((s) => zonedParts(s.startsAt, tz).date === day);
    const booked = ofDay.filter((s) => s.consultation !== null).length;
    const weekday = WEEKDAY_CODES[zonedParts(zonedToUtc(day, '12:00', tz), tz).weekday - 1];
    log(`  ${day} ${weekday}\t${ofDay.length - booked} free, ${booked} booked${offDays.has(day) ? ', day off' : ''}`);
  }
}

function off(services: Services, values: Values, log: (line: string) => void): void {
  const doc = dutyDoctor(services, values);
  const day = date(values.date);
  if (values['cancel-booked'] && values['keep-booked']) throw new UsageError('--cancel-booked and --keep-booked exclude each other');
  if (day < zonedParts(services.clock.now(), doc.timeZone).date) throw new UsageError(`--date ${day} is in the past (${doc.timeZone})`);
  const reason = values.reason?.trim() || undefined;
  if (values['keep-booked']) {
    const result = services.roster.addDayOffKeepingBooked(OPERATOR, doc.id, day, reason ? { reason } : {});
    log(`Day off ${day} for ${doc.name} (staff ${doc.id}): ${result.removed} free slots removed.`);
    if (result.booked.length) log([`These bookings stay (${result.booked.length}):`, ...bookedLines(result.booked, doc.timeZone)].join('\n'));
    return;
  }
  // Without --cancel-booked nobody's booking may be cancelled: exactly none must be there, checked in one transaction.
  const seen = values['cancel-booked'] ? services.roster.bookedOn(OPERATOR, doc.id, day).map((b) => b.consultationId) : [];
  const result = services.roster.addDayOffAsSeen(OPERATOR, doc.id, day, seen, reason ? { reason } : {});
  if (!result.ok) {
    throw new UsageError(
      [
        `${day} has bookings (${result.booked.length}); nothing was changed:`,
        ...bookedLines(result.booked, doc.timeZone),
        values['cancel-booked'] ? 'They changed while this ran; run it again.' : 'Add --cancel-booked to cancel them (each patient is told), or --keep-booked to keep them.',
      ].join('\n'),
    );
  }
  log(`Day off ${day} for ${doc.name} (staff ${doc.id}): ${result.removed} free slots removed, ${result.cancelled.length} bookings cancelled${result.cancelled.length ? ' (the patients will be told)' : ''}.`);
}

/** `npm run cli -- slots …`: duty doctors' schedules. Prints for operators, in English like the logs. */
export function slotsCommand(services: Services, args: string[], log: (line: string) => void = console.log): void {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: OPTIONS });
  switch (action) {
    case 'add':
      return add(services, values, log);
    case 'list':
      return list(services, values, log);
    case 'remove': {
      const doc = dutyDoctor(services, values);
      const templateId = positiveInt(values.template, 'template');
      const { booked } = services.roster.removeTemplate(OPERATOR, doc.id, templateId);
      log(`Removed template ${templateId} of ${doc.name} (staff ${doc.id}) and its free slots.`);
      if (booked.length) log([`These bookings stay (${booked.length}):`, ...bookedLines(booked, doc.timeZone)].join('\n'));
      return;
    }
    case 'off':
      return off(services, values, log);
    case 'on': {
      const doc = dutyDoctor(services, values);
      const day = date(values.date);
      const { opened } = services.roster.removeDayOff(OPERATOR, doc.id, day);
      log(`${day} is a working day again for ${doc.name} (staff ${doc.id}): ${opened} slots opened.`);
      return;
    }
    case 'specialty': {
      const doc = dutyDoctor(services, values);
      const value = values.set === 'none' ? null : values.set;
      if (value !== null && !isSpecialty(value)) throw new UsageError('--set must be cardiology, gynecology or none');
      services.duty.setSpecialty(doc.id, value);
      log(`${doc.name} (staff ${doc.id}): specialty ${value ?? 'none'}.`);
      return;
    }
    case 'generate': {
      const days = values.days === undefined ? services.dutyLimits.daysAhead : Number(values.days);
      if (!Number.isInteger(days) || days < 1 || days > 90) throw new UsageError('--days must be a whole number of days from 1 to 90');
      const doctors = services.duty.doctors().length;
      const opened = services.duty.generateAll(days);
      log(`Generated slots ${days} days ahead for ${doctors} active duty doctors: ${opened} new.`);
      return;
    }
    default:
      throw new UsageError(`Usage: npm run cli -- slots <add|list|remove|off|on|specialty|generate> …\n\n${SLOTS_USAGE}`);
  }
}
