import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { OPERATOR, patientActor, staffActor } from '../../../core/actor.js';
import type { StaffRole } from '../../../core/staff/repository.js';
import { zonedToUtc } from '../../../core/time.js';
import { auditLog, consultations, outbox } from '../../../db/schema.js';
import { codeOf } from '../../support/domain-error.js';
import { addDutyDoctor, bookDirectly } from '../../support/duty-fixtures.js';
import { addPatient, createCoreServices, WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';
import { manualClock } from '../../support/service-harness.js';

const clock = manualClock(WEDNESDAY_10_MSK);
let services: Services;
let close: () => void;
beforeEach(() => {
  clock.set(WEDNESDAY_10_MSK);
  ({ services, close } = createCoreServices(clock));
});
afterEach(() => close());

const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');
const slotAt = (staffId: number, at: number) => services.duty.schedule(staffId, at, at + 1)[0]!;
const status = (id: number) => services.db.select({ s: consultations.status }).from(consultations).where(eq(consultations.id, id)).get()!.s;
const audits = () => services.db.select().from(auditLog).all();
const hours = { from: '09:00', to: '13:00', slotMinutes: 30 };

function addStaff(role: StaffRole, telegramId: number, centerCode?: string) {
  const { payload } = services.staffInvites.create({ name: `${role} ${telegramId}`, role, ...(centerCode ? { centerCode } : {}) });
  return services.staffInvites.accept(payload, telegramId);
}

describe('addWeekly', () => {
  it('adds the same hours on each weekday and generates their slots', () => {
    const doc = addDutyDoctor(services, 6001);
    const { templates, opened } = services.roster.addWeekly(OPERATOR, doc.id, [5, 1, 3, 1], { from: '09:00', to: '13:00', slotMinutes: 30 });
    expect(templates.map((t) => t.weekday)).toEqual([1, 3, 5]);
    // Wednesday 10:00: today keeps 10:30…12:30 (5), then nine more Mon/Wed/Fri within 21 days, 8 each.
    expect(opened).toBe(5 + 9 * 8);
  });

  it('is all or nothing: one overlapping weekday adds none, and leaves no audit record of the others', () => {
    const doc = addDutyDoctor(services, 6001);
    services.duty.addTemplate(doc.id, { weekday: 5, from: '12:00', to: '14:00', slotMinutes: 30 });
    const slotsBefore = services.duty.schedule(doc.id, 0, Number.MAX_SAFE_INTEGER).length;
    const auditBefore = services.db.select().from(auditLog).all().length;
    expect(codeOf(() => services.roster.addWeekly(OPERATOR, doc.id, [1, 3, 5], { from: '09:00', to: '13:00', slotMinutes: 30 }))).toBe('template_overlaps');
    expect(services.duty.templates(doc.id).map((t) => t.weekday)).toEqual([5]);
    expect(services.duty.schedule(doc.id, 0, Number.MAX_SAFE_INTEGER)).toHaveLength(slotsBefore);
    expect(services.db.select().from(auditLog).all()).toHaveLength(auditBefore);
  });

  it('refuses an empty or impossible list of weekdays, and staff who are not duty doctors', () => {
    const doc = addDutyDoctor(services, 6001);
    const hours = { from: '09:00', to: '13:00', slotMinutes: 30 };
    expect(codeOf(() => services.roster.addWeekly(OPERATOR, doc.id, [], hours))).toBe('template_invalid');
    expect(codeOf(() => services.roster.addWeekly(OPERATOR, doc.id, [0, 8], hours))).toBe('template_invalid');
    const { payload } = services.staffInvites.create({ name: 'Менеджер Ирина', role: 'manager' });
    const manager = services.staffInvites.accept(payload, 6002);
    expect(codeOf(() => services.roster.addWeekly(OPERATOR, manager.id, [1], hours))).toBe('not_duty_doctor');
  });
});

describe('addDayOffAsSeen', () => {
  it('cancels exactly the bookings seen; a booking made since makes it change nothing and report the day as it is', () => {
    const doc = addDutyDoctor(services, 6001);
    services.duty.addTemplate(doc.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    const a = bookDirectly(services, addPatient(services, 9001), doc.id, slotAt(doc.id, msk('2026-11-26', '09:00')).id);
    const b = bookDirectly(services, addPatient(services, 9002), doc.id, slotAt(doc.id, msk('2026-11-26', '10:00')).id);

    const stale = services.roster.addDayOffAsSeen(OPERATOR, doc.id, '2026-11-26', [a], { reason: 'болезнь' });
    expect(stale).toMatchObject({ ok: false, booked: [{ consultationId: a }, { consultationId: b }] });
    expect([status(a), status(b)]).toEqual(['scheduled', 'scheduled']);
    expect(services.duty.daysOff(doc.id)).toEqual([]);
    expect(services.duty.schedule(doc.id, msk('2026-11-26', '00:00'), msk('2026-11-27', '00:00'))).toHaveLength(4);

    const done = services.roster.addDayOffAsSeen(OPERATOR, doc.id, '2026-11-26', [b, a], { reason: 'болезнь' });
    expect(done).toEqual({ ok: true, removed: 2, cancelled: [a, b] });
    expect([status(a), status(b)]).toEqual(['cancelled', 'cancelled']);
    expect(services.db.select().from(outbox).where(eq(outbox.template, 'consultation_cancelled_by_doctor')).all().map((r) => JSON.parse(r.params))).toEqual([
      { consultationId: a, reason: 'болезнь' },
      { consultationId: b, reason: 'болезнь' },
    ]);
    // Taking the day back reopens its slots, the cancelled ones too (a day off closes them "by schedule").
    expect(services.duty.removeDayOff(doc.id, '2026-11-26').opened).toBe(4);
  });

  it('with nothing booked and nothing seen, it is simply a day off', () => {
    const doc = addDutyDoctor(services, 6001);
    services.duty.addTemplate(doc.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    expect(services.roster.addDayOffAsSeen(OPERATOR, doc.id, '2026-11-26', [])).toEqual({ ok: true, removed: 4, cancelled: [] });
    expect(services.duty.daysOff(doc.id)).toEqual([{ date: '2026-11-26', reason: null }]);
  });
});

describe('who may manage a duty schedule', () => {
  it('a duty doctor their own; another duty doctor, a center doctor, a manager and a patient are refused and change nothing', () => {
    const doc = addDutyDoctor(services, 6001);
    const other = addDutyDoctor(services, 6002);
    const centerDoctor = addStaff('doctor', 6003, services.catalog.centers[0]!.code);
    const manager = addStaff('manager', 6004);
    const before = audits().length;
    for (const actor of [staffActor(other), staffActor(centerDoctor), staffActor(manager), patientActor(9001)]) {
      expect(codeOf(() => services.roster.addWeekly(actor, doc.id, [1], hours))).toBe('schedule_not_allowed');
      expect(codeOf(() => services.roster.generate(actor, doc.id))).toBe('schedule_not_allowed');
      expect(codeOf(() => services.roster.bookedOn(actor, doc.id, '2026-11-26'))).toBe('schedule_not_allowed');
    }
    expect(services.duty.templates(doc.id)).toEqual([]);
    expect(audits()).toHaveLength(before);
    expect(services.roster.addWeekly(staffActor(doc), doc.id, [1], hours).templates).toHaveLength(1);
  });

  it('a change of one’s own schedule is recorded once, as the doctor’s; the operator’s (CLI) the same way', () => {
    const doc = addDutyDoctor(services, 6001);
    const before = audits().length;
    services.roster.addWeekly(staffActor(doc), doc.id, [1], hours);
    services.roster.addWeekly(OPERATOR, doc.id, [2], hours);
    expect(audits().slice(before).map((a) => [a.actorType, a.actorId, a.action])).toEqual([
      ['staff', doc.id, 'duty.template_added'],
      ['staff', doc.id, 'duty.template_added'],
    ]);
  });

  it('an admin manages anyone’s schedule, and each change also records who really made it', () => {
    const doc = addDutyDoctor(services, 6001);
    const admin = addStaff('admin', 6009);
    const actor = staffActor(admin);
    const patientId = addPatient(services, 9001);
    const before = audits().length;
    services.roster.addWeekly(actor, doc.id, [4], { from: '09:00', to: '11:00', slotMinutes: 30 });
    const c = bookDirectly(services, patientId, doc.id, slotAt(doc.id, msk('2026-11-26', '09:00')).id);
    expect(services.roster.cancellable(actor, doc.id, c)).toMatchObject({ id: c, patientId, reachable: true });
    services.roster.cancelBooking(actor, doc.id, c, 'болезнь', { reopenSlot: true });
    expect(status(c)).toBe('cancelled');
    expect(services.db.select().from(outbox).where(eq(outbox.template, 'consultation_cancelled_by_doctor')).all()).toHaveLength(1);
    services.roster.addDayOffAsSeen(actor, doc.id, '2026-11-26', []);
    services.roster.removeDayOff(actor, doc.id, '2026-11-26');
    const admins = audits()
      .slice(before)
      .filter((a) => a.actorType === 'staff' && a.actorId === admin.id)
      .map((a) => ({ action: a.action, patientId: a.patientId, details: JSON.parse(a.details!) }));
    expect(admins).toEqual([
      { action: 'duty.admin.templates_added', patientId: null, details: { staffId: doc.id, count: 1 } },
      { action: 'duty.admin.consultation_cancelled', patientId, details: { staffId: doc.id, consultationId: c } },
      { action: 'duty.admin.day_off', patientId: null, details: { staffId: doc.id, date: '2026-11-26', cancelled: 0 } },
      { action: 'duty.admin.day_off_removed', patientId: null, details: { staffId: doc.id, date: '2026-11-26' } },
    ]);
  });

  it('an admin is told when the staff member named is not a duty doctor', () => {
    const admin = addStaff('admin', 6009);
    const manager = addStaff('manager', 6004);
    expect(codeOf(() => services.roster.doctor(staffActor(admin), manager.id))).toBe('not_duty_doctor');
  });
});
