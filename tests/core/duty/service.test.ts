import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { joinWaitlist } from '../../../core/duty/waitlist.js';
import { zonedParts, zonedToUtc } from '../../../core/time.js';
import { consultations, outbox, slots } from '../../../db/schema.js';
import { codeOf } from '../../support/domain-error.js';
import { addDutyDoctor, bookDirectly } from '../../support/duty-fixtures.js';
import { manualClock } from '../../support/service-harness.js';
import { addPatient, createCoreServices, WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';

const clock = manualClock(WEDNESDAY_10_MSK);
let services: Services;
let close: () => void;

beforeEach(() => {
  clock.set(WEDNESDAY_10_MSK);
  ({ services, close } = createCoreServices(clock));
});
afterEach(() => close());

const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');
const allSlots = (staffId: number) => services.duty.schedule(staffId, 0, Number.MAX_SAFE_INTEGER);
const outboxRows = (template: string) =>
  services.db.select().from(outbox).where(eq(outbox.template, template)).all().map((r) => ({ chatId: r.chatId, params: JSON.parse(r.params) as Record<string, unknown> }));

describe('duty templates generate slots', () => {
  it('a Thursday 20:00–23:00 Moscow template gives six 30-minute slots, which in Vladivostok fall on Friday', () => {
    const doc = addDutyDoctor(services, 6001);
    const { opened } = services.duty.addTemplate(doc.id, { weekday: 4, from: '20:00', to: '23:00', slotMinutes: 30 });
    const thursday = allSlots(doc.id).filter((s) => zonedParts(s.startsAt, 'Europe/Moscow').date === '2026-11-26');
    expect(thursday.map((s) => zonedParts(s.startsAt, 'Europe/Moscow').time)).toEqual(['20:00', '20:30', '21:00', '21:30', '22:00', '22:30']);
    expect(thursday[0]!.startsAt).toBe(Date.UTC(2026, 10, 26, 17, 0));
    // Moscow +3, Vladivostok +10: 20:00 on Thursday is 03:00 on Friday there.
    expect(thursday.map((s) => zonedParts(s.startsAt, 'Asia/Vladivostok'))).toSatisfy((parts: Array<{ date: string; time: string }>) =>
      parts.every((p) => p.date === '2026-11-27'),
    );
    expect(zonedParts(thursday[0]!.startsAt, 'Asia/Vladivostok').time).toBe('03:00');
    // Today (Wednesday 25th) … 21 days ahead holds the Thursdays 26 Nov, 3, 10 Dec.
    expect(opened).toBe(6 * 3);
  });

  it('generating again changes nothing: one slot per doctor and start', () => {
    const doc = addDutyDoctor(services, 6001);
    services.duty.addTemplate(doc.id, { weekday: 3, from: '09:00', to: '12:00', slotMinutes: 60 });
    const before = allSlots(doc.id).length;
    expect(services.duty.generateSlots(doc.id).opened).toBe(0);
    expect(services.duty.generateAll()).toBe(0);
    expect(allSlots(doc.id)).toHaveLength(before);
    // Today's 09:00 and 10:00 are not in the future (it is 10:00): only 11:00 today, then three per Wednesday.
    expect(before).toBe(1 + 3 * 3);
  });

  it('time passing and a later run extend the window; slots never start in the past', () => {
    const doc = addDutyDoctor(services, 6001);
    services.duty.addTemplate(doc.id, { weekday: 3, from: '09:00', to: '12:00', slotMinutes: 60 });
    clock.advance(7 * 86_400_000);
    expect(services.duty.generateSlots(doc.id).opened).toBe(3);
    expect(allSlots(doc.id).every((s) => s.startsAt > 0)).toBe(true);
  });

  it('refuses overlapping and malformed templates, and people who are not duty doctors', () => {
    const doc = addDutyDoctor(services, 6001);
    services.duty.addTemplate(doc.id, { weekday: 1, from: '09:00', to: '12:00', slotMinutes: 30 });
    expect(codeOf(() => services.duty.addTemplate(doc.id, { weekday: 1, from: '11:30', to: '13:00', slotMinutes: 30 }))).toBe('template_overlaps');
    expect(codeOf(() => services.duty.addTemplate(doc.id, { weekday: 8, from: '09:00', to: '12:00', slotMinutes: 30 }))).toBe('template_invalid');
    expect(codeOf(() => services.duty.addTemplate(doc.id, { weekday: 2, from: '12:00', to: '09:00', slotMinutes: 30 }))).toBe('template_invalid');
    expect(codeOf(() => services.duty.addTemplate(doc.id, { weekday: 2, from: '9:00', to: '12:00', slotMinutes: 30 }))).toBe('template_invalid');
    expect(codeOf(() => services.duty.addTemplate(doc.id, { weekday: 2, from: '09:00', to: '09:20', slotMinutes: 30 }))).toBe('template_invalid');
    // The end of the day is 24:00; the next morning is another template.
    expect(codeOf(() => services.duty.addTemplate(doc.id, { weekday: 2, from: '22:00', to: '24:00', slotMinutes: 60 }))).toBeUndefined();
    const { payload } = services.staffInvites.create({ name: 'Врач центра', role: 'doctor', centerCode: 'bakulev' });
    const other = services.staffInvites.accept(payload, 6002);
    expect(codeOf(() => services.duty.addTemplate(other.id, { weekday: 2, from: '09:00', to: '12:00', slotMinutes: 30 }))).toBe('not_duty_doctor');
  });

  it('changing a template replaces its free slots; removing it removes them and reports booked ones', () => {
    const doc = addDutyDoctor(services, 6001);
    const patientId = addPatient(services, 9001);
    const { template } = services.duty.addTemplate(doc.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    const nine = allSlots(doc.id).find((s) => s.startsAt === msk('2026-11-26', '09:00'))!;
    const consultationId = bookDirectly(services, patientId, doc.id, nine.id);

    const changed = services.duty.updateTemplate(doc.id, template.id, { weekday: 4, from: '10:00', to: '12:00', slotMinutes: 60 });
    const thursday = allSlots(doc.id).filter((s) => zonedParts(s.startsAt, 'Europe/Moscow').date === '2026-11-26');
    expect(thursday.map((s) => zonedParts(s.startsAt, 'Europe/Moscow').time)).toEqual(['09:00', '10:00', '11:00']);
    expect(changed.booked.map((b) => b.consultationId)).toEqual([consultationId]);

    const removed = services.duty.removeTemplate(doc.id, template.id);
    expect(removed.booked.map((b) => b.consultationId)).toEqual([consultationId]);
    expect(allSlots(doc.id).map((s) => s.id)).toEqual([nine.id]);
    expect(services.duty.templates(doc.id)).toEqual([]);
  });
});

describe('days off', () => {
  it('removes the free slots of that day, keeps and reports a booked one; taking it back brings them back', () => {
    const doc = addDutyDoctor(services, 6001);
    const patientId = addPatient(services, 9001);
    services.duty.addTemplate(doc.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
    const day = () => allSlots(doc.id).filter((s) => zonedParts(s.startsAt, 'Europe/Moscow').date === '2026-12-03');
    const booked = day()[1]!;
    const consultationId = bookDirectly(services, patientId, doc.id, booked.id);

    const result = services.duty.addDayOff(doc.id, '2026-12-03', { reason: 'конференция' });
    expect(result.removed).toBe(3);
    expect(result.booked).toMatchObject([{ consultationId, slotId: booked.id, patientName: 'Иванова Мария Петровна' }]);
    expect(day().map((s) => s.id)).toEqual([booked.id]);
    expect(services.duty.generateSlots(doc.id).opened).toBe(0);
    expect(services.duty.daysOff(doc.id)).toEqual([{ date: '2026-12-03', reason: 'конференция' }]);

    expect(services.duty.removeDayOff(doc.id, '2026-12-03').opened).toBe(3);
    expect(day()).toHaveLength(4);
  });

  it('with cancelBooked, the booked consultation is cancelled by the doctor and the patient is told', () => {
    const doc = addDutyDoctor(services, 6001);
    const patientId = addPatient(services, 9001);
    services.duty.addTemplate(doc.id, { weekday: 4, from: '09:00', to: '10:00', slotMinutes: 30 });
    const slot = allSlots(doc.id)[0]!;
    const consultationId = bookDirectly(services, patientId, doc.id, slot.id);
    const result = services.duty.addDayOff(doc.id, '2026-11-26', { reason: 'болезнь', cancelBooked: true });
    expect(result).toEqual({ removed: 1, booked: [], cancelled: [consultationId] });
    const row = services.db.select().from(consultations).where(eq(consultations.id, consultationId)).get()!;
    expect(row).toMatchObject({ status: 'cancelled', cancelledBy: 'staff', cancelReason: 'болезнь' });
    expect(outboxRows('consultation_cancelled_by_doctor')).toEqual([{ chatId: 9001, params: { consultationId, reason: 'болезнь' } }]);
    expect(allSlots(doc.id).filter((s) => zonedParts(s.startsAt, 'Europe/Moscow').date === '2026-11-26')).toEqual([]);
    expect(codeOf(() => services.duty.addDayOff(doc.id, '2026-02-30'))).toBe('date_invalid');
  });
});

describe('the doctor cancels', () => {
  it('cancels with cancelled_by staff, tells the patient and closes the slot; someone else’s consultation is not found', () => {
    const doc = addDutyDoctor(services, 6001);
    const other = addDutyDoctor(services, 6002);
    const patientId = addPatient(services, 9001);
    services.duty.addTemplate(doc.id, { weekday: 4, from: '09:00', to: '10:00', slotMinutes: 30 });
    const slot = allSlots(doc.id)[0]!;
    const consultationId = bookDirectly(services, patientId, doc.id, slot.id);
    expect(codeOf(() => services.duty.doctorCancels(other.id, consultationId))).toBe('consultation_not_found');
    services.duty.doctorCancels(doc.id, consultationId);
    expect(outboxRows('consultation_cancelled_by_doctor')).toEqual([{ chatId: 9001, params: { consultationId } }]);
    expect(services.db.select().from(slots).where(eq(slots.id, slot.id)).get()).toMatchObject({ closedReason: 'doctor' });
    expect(allSlots(doc.id).map((s) => s.id)).not.toContain(slot.id);
    // Generating does not bring back a slot the doctor closed.
    services.duty.generateSlots(doc.id);
    expect(allSlots(doc.id).map((s) => s.id)).not.toContain(slot.id);
    expect(codeOf(() => services.duty.doctorCancels(doc.id, consultationId))).toBe('consultation_not_open');
  });

  it('with reopenSlot, the slot is offered again and the first patient waiting for that day is told', () => {
    const doc = addDutyDoctor(services, 6001);
    const booker = addPatient(services, 9001);
    const first = addPatient(services, 9002);
    const second = addPatient(services, 9003);
    services.duty.addTemplate(doc.id, { weekday: 4, from: '09:00', to: '10:00', slotMinutes: 30 });
    const slot = allSlots(doc.id)[0]!;
    const consultationId = bookDirectly(services, booker, doc.id, slot.id);
    const join = (patientId: number) =>
      joinWaitlist(services.db, { patientId, timeZone: 'Europe/Moscow', specialty: 'cardiology', date: '2026-11-26', now: clock.now(), limits: services.dutyLimits });
    const a = join(first);
    clock.advance(1000);
    join(second);
    services.duty.doctorCancels(doc.id, consultationId, undefined, { reopenSlot: true });
    expect(outboxRows('waitlist_slot_free')).toEqual([{ chatId: 9002, params: { waitlistId: a.entry.id, slotId: slot.id } }]);
    expect(allSlots(doc.id).map((s) => s.id)).toContain(slot.id);
  });

  it('a consultation that has started cannot be cancelled', () => {
    const doc = addDutyDoctor(services, 6001);
    const patientId = addPatient(services, 9001);
    services.duty.addTemplate(doc.id, { weekday: 3, from: '11:00', to: '12:00', slotMinutes: 30 });
    const consultationId = bookDirectly(services, patientId, doc.id, allSlots(doc.id)[0]!.id);
    clock.set(msk('2026-11-25', '11:05'));
    expect(codeOf(() => services.duty.doctorCancels(doc.id, consultationId))).toBe('consultation_started');
  });
});

describe('one-off slots', () => {
  it('adds a slot outside the templates, refuses overlaps and past times, removes only free ones', () => {
    const doc = addDutyDoctor(services, 6001);
    const patientId = addPatient(services, 9001);
    const slot = services.duty.addSlot(doc.id, msk('2026-11-27', '15:00'), 45);
    expect(slot.endsAt - slot.startsAt).toBe(45 * 60_000);
    expect(codeOf(() => services.duty.addSlot(doc.id, msk('2026-11-27', '15:30')))).toBe('slot_overlaps');
    expect(codeOf(() => services.duty.addSlot(doc.id, msk('2026-11-25', '09:00')))).toBe('slot_in_past');
    const second = services.duty.addSlot(doc.id, msk('2026-11-27', '16:00'));
    bookDirectly(services, patientId, doc.id, second.id);
    expect(codeOf(() => services.duty.removeSlot(doc.id, second.id))).toBe('slot_booked');
    services.duty.removeSlot(doc.id, slot.id);
    expect(allSlots(doc.id).map((s) => s.id)).toEqual([second.id]);
    expect(services.db.select().from(slots).where(and(eq(slots.id, slot.id))).get()).toBeUndefined();
  });
});
