import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clockEnv } from '../support/child-env.js';
import { createServices, type Services } from '../../app/services.js';
import { addDays, zonedParts, zonedToUtc } from '../../core/time.js';
import { openDatabase, type Db } from '../../db/client.js';
import { consultations, outbox } from '../../db/schema.js';
import { bookDirectly } from '../support/duty-fixtures.js';
import { addPatient } from '../support/scheduling-fixtures.js';

// Each test starts real processes (the service or the CLI, a few seconds each under tsx, more on a busy machine):
// the suite's 30 s is for in-process tests.
vi.setConfig({ testTimeout: 180_000 });

const root = path.resolve(import.meta.dirname, '../..');
const TZ = 'Europe/Moscow';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'oz-cli-slots-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: root,
    env: { ...clockEnv(), PATH: process.env.PATH ?? '', DATA_DIR: dir, PATIENT_BOT_TOKEN: '7001234567:AAF-cli-test-token-cli-test', STAFF_BOT_USERNAME: 'oblako_staff_bot' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The same database the CLI works on, opened by the test in between its runs (the CLI runs on the real clock). */
function open(): { db: Db; services: Services; close(): void } {
  const db = openDatabase(path.join(dir, 'db.sqlite'));
  const services = createServices({
    config: { patientBotToken: 'x:y', telegramApiRoot: 'http://127.0.0.1:9', filesDir: path.join(dir, 'files') },
    db,
    clock: { now: () => Date.now() },
    logger: pino({ level: 'silent' }),
  });
  return { db, services, close: () => db.$client.close() };
}

/** Staff 1: a duty doctor (Moscow); staff 2: a center's doctor. */
function seedStaff(): void {
  const { services, close } = open();
  const duty = services.staffInvites.create({ name: 'Соколова Елена Викторовна', role: 'duty_doctor' });
  services.staffInvites.accept(duty.payload, 6670001);
  const doctor = services.staffInvites.create({ name: 'Петрова Анна Сергеевна', role: 'doctor', centerCode: 'bakulev' });
  services.staffInvites.accept(doctor.payload, 6670002);
  close();
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const weekdayOf = (day: string) => zonedParts(zonedToUtc(day, '12:00', TZ), TZ).weekday;

/** Dates from tomorrow to 6 days ahead (Moscow) that fall on these ISO weekdays: inside `slots list`'s 7 days. */
function comingDays(weekdays: number[]): string[] {
  const today = zonedParts(Date.now(), TZ).date;
  return [1, 2, 3, 4, 5, 6].map((i) => addDays(today, i)).filter((day) => weekdays.includes(weekdayOf(day)));
}

describe('admin CLI: slots', () => {
  it('add weekly hours, list them, take a day off; a day with a booking needs --cancel-booked, which tells the patient', () => {
    seedStaff();
    const added = cli('slots', 'add', '--staff', '1', '--days', 'mon,wed,fri', '--from', '09:00', '--to', '13:00', '--length', '30');
    expect(added).toMatchObject({ code: 0, err: '' });
    expect(added.out).toMatch(
      /^Added mon, wed, fri 09:00–13:00 \(Europe\/Moscow\), 30-minute slots, for Соколова Елена Викторовна \(staff 1\): templates 1, 2, 3\.\nOpened (\d+) slots up to 21 days ahead\.\n$/,
    );
    const opened = Number(/Opened (\d+)/.exec(added.out)![1]);

    let { services, close } = open();
    const all = services.duty.schedule(1, 0, Number.MAX_SAFE_INTEGER);
    expect(all).toHaveLength(opened);
    expect(opened).toBeGreaterThanOrEqual(8 * 9);
    // Moscow is UTC+3 all year: 09:00…12:30 there is 06:00…09:30 UTC, on Mondays, Wednesdays and Fridays only.
    for (const s of all) {
      expect([1, 3, 5]).toContain(zonedParts(s.startsAt, TZ).weekday);
      expect(new Date(s.startsAt).toISOString().slice(11, 16)).toMatch(/^0(6|7|8|9):(00|30)$/);
      expect(s.endsAt - s.startsAt).toBe(30 * 60_000);
    }
    // Any six days in a row hold at least two of Monday, Wednesday and Friday.
    const [firstDay, secondDay] = comingDays([1, 3, 5]) as [string, string];
    const slot = services.duty.schedule(1, zonedToUtc(secondDay, '10:00', TZ), zonedToUtc(secondDay, '10:01', TZ))[0]!;
    const patientId = addPatient(services, 5550001);
    const booked = bookDirectly(services, patientId, 1, slot.id);
    close();

    const list = cli('slots', 'list', '--staff', '1');
    expect(list.code).toBe(0);
    expect(list.out).toContain(
      [
        'Соколова Елена Викторовна (staff 1), active, no specialty: patients do not see these slots, times in Europe/Moscow',
        'Weekly hours:',
        '  mon, wed, fri 09:00–13:00, 30 min\t(templates 1, 2, 3)',
        'Days off: none',
        'Next 7 days:',
      ].join('\n'),
    );
    expect(list.out).toContain(`  ${firstDay} ${WEEKDAYS[weekdayOf(firstDay) - 1]}\t8 free, 0 booked\n`);
    expect(list.out).toContain(`  ${secondDay} ${WEEKDAYS[weekdayOf(secondDay) - 1]}\t7 free, 1 booked\n`);

    const off = cli('slots', 'off', '--staff', '1', '--date', firstDay, '--reason', 'конференция');
    expect(off).toMatchObject({ code: 0, out: `Day off ${firstDay} for Соколова Елена Викторовна (staff 1): 8 free slots removed, 0 bookings cancelled.\n` });

    const refused = cli('slots', 'off', '--staff', '1', '--date', secondDay, '--reason', 'болезнь');
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      [
        `${secondDay} has bookings (1); nothing was changed:`,
        `  consultation ${booked}\t${secondDay} 10:00\tИванова Мария Петровна`,
        'Add --cancel-booked to cancel them (each patient is told), or --keep-booked to keep them.',
        '',
      ].join('\n'),
    );
    ({ services, close } = open());
    expect(services.db.select().from(consultations).where(eq(consultations.id, booked)).get()!.status).toBe('scheduled');
    expect(services.duty.daysOff(1).map((d) => d.date)).toEqual([firstDay]);
    close();

    const cancelled = cli('slots', 'off', '--staff', '1', '--date', secondDay, '--reason', 'болезнь', '--cancel-booked');
    expect(cancelled).toMatchObject({
      code: 0,
      out: `Day off ${secondDay} for Соколова Елена Викторовна (staff 1): 7 free slots removed, 1 bookings cancelled (the patients will be told).\n`,
    });
    ({ services, close } = open());
    expect(services.db.select().from(consultations).where(eq(consultations.id, booked)).get()).toMatchObject({ status: 'cancelled', cancelledBy: 'staff', cancelReason: 'болезнь' });
    expect(services.db.select().from(outbox).where(eq(outbox.template, 'consultation_cancelled_by_doctor')).all()).toEqual([
      expect.objectContaining({ bot: 'patient', chatId: 5550001, params: JSON.stringify({ consultationId: booked, reason: 'болезнь' }) }),
    ]);
    expect(services.duty.schedule(1, zonedToUtc(firstDay, '00:00', TZ), zonedToUtc(firstDay, '23:59', TZ))).toEqual([]);
    close();

  });

  const refusedWith = (run: ReturnType<typeof cli>, message: RegExp) => {
    expect(run.code, run.err).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.out).toBe('');
  };

  it('refuses bad arguments to add, and staff who are not duty doctors, with exit code 2, adding nothing', () => {
    seedStaff();
    const add = (...args: string[]) => cli('slots', 'add', ...args);
    refusedWith(add('--days', 'mon', '--from', '09:00', '--to', '13:00', '--length', '30'), /^--staff must be a whole number$/m);
    refusedWith(add('--staff', '9', '--days', 'mon', '--from', '09:00', '--to', '13:00', '--length', '30'), /^--staff 9: no such staff member \(see: staff list\)$/m);
    refusedWith(add('--staff', '2', '--days', 'mon', '--from', '09:00', '--to', '13:00', '--length', '30'), /^Refused: not_duty_doctor \{\}$/m);
    refusedWith(
      add('--staff', '1', '--days', 'mon,funday', '--from', '09:00', '--to', '13:00', '--length', '30'),
      /^--days must be a comma-separated list of mon, tue, wed, thu, fri, sat, sun$/m,
    );
    refusedWith(add('--staff', '1', '--days', 'mon', '--from', '9', '--to', '13:00', '--length', '30'), /^--from must be a time as HH:MM, e\.g\. 09:00$/m);
    refusedWith(add('--staff', '1', '--days', 'mon', '--from', '13:00', '--to', '09:00', '--length', '30'), /^Refused: template_invalid \{"field":"to"\}$/m);
    refusedWith(add('--staff', '1', '--days', 'mon', '--from', '09:00', '--to', '13:00', '--length', 'half'), /^--length must be a whole number$/m);
    const { services, close } = open();
    expect(services.duty.templates(1)).toEqual([]);
    close();
  });

  it('refuses overlapping hours, bad dates, unknown options and actions, with exit code 2', () => {
    seedStaff();
    const monday = ['slots', 'add', '--staff', '1', '--days', 'mon', '--from', '09:00', '--to', '13:00', '--length', '30'];
    expect(cli(...monday).code).toBe(0);
    expect(cli(...monday)).toMatchObject({ code: 2, out: '', err: 'Refused: template_overlaps {}\n' });
    refusedWith(cli('slots', 'off', '--staff', '1', '--date', '2026-02-30'), /^--date must be a real date as YYYY-MM-DD, not "2026-02-30"$/m);
    refusedWith(cli('slots', 'off', '--staff', '1', '--date', '2020-01-01'), /^--date 2020-01-01 is in the past \(Europe\/Moscow\)$/m);
    refusedWith(cli('slots', 'off', '--staff', '1', '--date', comingDays([1, 2, 3, 4, 5, 6, 7])[0]!, '--cancel-booked', '--keep-booked'), /^--cancel-booked and --keep-booked exclude each other$/m);
    refusedWith(cli('slots', 'add', '--staff', '1', '--weekdays', 'mon'), /Unknown option '--weekdays'/);
    const { services, close } = open();
    expect(services.duty.templates(1).map((t) => t.weekday)).toEqual([1]);
    expect(services.duty.daysOff(1)).toEqual([]);
    close();
  });

  it('on, specialty and generate; a bad specialty, a bad number of days and an unknown action are refused', () => {
    seedStaff();
    const day = addDays(zonedParts(Date.now(), TZ).date, 1);
    const { services, close } = open();
    services.duty.addTemplate(1, { weekday: weekdayOf(day), from: '09:00', to: '13:00', slotMinutes: 30 });
    services.duty.addDayOff(1, day);
    close();
    expect(cli('slots', 'on', '--staff', '1', '--date', day)).toMatchObject({
      code: 0,
      out: `${day} is a working day again for Соколова Елена Викторовна (staff 1): 8 slots opened.\n`,
    });
    expect(cli('slots', 'specialty', '--staff', '1', '--set', 'cardiology')).toMatchObject({ code: 0, out: 'Соколова Елена Викторовна (staff 1): specialty cardiology.\n' });
    expect(cli('slots', 'generate', '--days', '21')).toMatchObject({ code: 0, out: 'Generated slots 21 days ahead for 1 active duty doctors: 0 new.\n' });
    refusedWith(cli('slots', 'specialty', '--staff', '1', '--set', 'surgery'), /^--set must be cardiology, gynecology or none$/m);
    refusedWith(cli('slots', 'generate', '--days', '0'), /^--days must be a whole number of days from 1 to 90$/m);
    refusedWith(cli('slots', 'nonsense'), /^Usage: npm run cli -- slots <add\|list\|remove\|off\|on\|specialty\|generate>/m);
    expect(cli('help').out).toContain('  slots add --staff <id> --days <mon,wed,fri> --from <HH:MM> --to <HH:MM> --length <minutes>');
  });
});
