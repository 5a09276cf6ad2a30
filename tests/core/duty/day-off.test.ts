import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { bookedOnDay } from '../../../core/duty/day-off.js';
import { waitlistOffer } from '../../../core/duty/offer.js';
import { joinWaitlist } from '../../../core/duty/index.js';
import { zonedToUtc } from '../../../core/time.js';
import { staff } from '../../../db/schema.js';
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

describe('bookedOnDay', () => {
  it('the day is the doctor’s own calendar day, from now on', () => {
    const doc = addDutyDoctor(services, 6001);
    services.db.update(staff).set({ timeZone: 'Asia/Yekaterinburg' }).where(eq(staff.id, doc.id)).run();
    services.duty.addTemplate(doc.id, { weekday: 4, from: '00:00', to: '02:00', slotMinutes: 60 });
    const patientId = addPatient(services, 9001);
    // 00:00 on Thursday in Yekaterinburg is 22:00 on Wednesday in Moscow.
    const c = bookDirectly(services, patientId, doc.id, slotAt(doc.id, msk('2026-11-25', '22:00')).id);
    expect(bookedOnDay(services, doc.id, '2026-11-26').map((b) => b.consultationId)).toEqual([c]);
    expect(bookedOnDay(services, doc.id, '2026-11-25')).toEqual([]);
    expect(codeOf(() => bookedOnDay(services, doc.id, '2026-11-31'))).toBe('date_invalid');
  });
});

describe('waitlistOffer', () => {
  it('the entry told about that slot, with whether the slot can still be booked', () => {
    const doc = addDutyDoctor(services, 6001);
    services.duty.addTemplate(doc.id, { weekday: 4, from: '09:00', to: '10:00', slotMinutes: 30 });
    const slot = slotAt(doc.id, msk('2026-11-26', '09:00'));
    const booker = addPatient(services, 9001);
    const waiter = addPatient(services, 9002);
    const c = bookDirectly(services, booker, doc.id, slot.id);
    const { entry } = joinWaitlist(services.db, { patientId: waiter, timeZone: 'Europe/Moscow', specialty: 'cardiology', date: '2026-11-26', now: clock.now(), limits: services.dutyLimits });
    expect(waitlistOffer(services.db, entry.id, slot.id)).toBeUndefined();
    services.duty.doctorCancels(doc.id, c, undefined, { reopenSlot: true });
    expect(waitlistOffer(services.db, entry.id, slot.id)).toEqual({
      patientId: waiter,
      accountId: 9002,
      specialty: 'cardiology',
      date: '2026-11-26',
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      bookable: true,
    });
    // Another slot id than the one told about is not this offer.
    expect(waitlistOffer(services.db, entry.id, slot.id + 1)).toBeUndefined();
    bookDirectly(services, booker, doc.id, slot.id);
    expect(waitlistOffer(services.db, entry.id, slot.id)).toMatchObject({ bookable: false });
  });
});
