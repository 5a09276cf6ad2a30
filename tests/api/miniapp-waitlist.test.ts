import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlotsResponse } from '../../api/miniapp/contract.js';
import { zonedToUtc } from '../../core/time.js';
import { waitlist } from '../../db/schema.js';
import { addDutyDoctor, bookDirectly } from '../support/duty-fixtures.js';
import { createApiHarness, type ApiHarness } from '../support/miniapp-api.js';
import { addPatient } from '../support/scheduling-fixtures.js';

/**
 * Which days the waitlist takes: only a day whose bookable duty times of the specialty are all booked, since only a
 * cancellation tells a waiting patient. A day with free times, or with no duty doctor at all, is neither offered
 * (SlotsResponse.fullDays) nor accepted (POST /api/waitlist: 422 day_not_full). The clock stands at Wednesday
 * 2026-11-25 10:00 Moscow.
 */

let h: ApiHarness;
beforeEach(() => {
  h = createApiHarness();
});
afterEach(() => h.close());

const MARIA = 9001;
const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');
const iso = (at: number) => encodeURIComponent(new Date(at).toISOString());
const fullDays = async (from: number, to: number, specialty = '&specialty=cardiology') => {
  const res = await h.get<SlotsResponse>(MARIA, `/api/slots?kind=duty&from=${iso(from)}&to=${iso(to)}${specialty}`);
  expect(res.status).toBe(200);
  return res.body.fullDays;
};

/**
 * Cardiology: Thursday the 26th 09:00 and 09:30 both booked (full); Friday the 27th 10:00 free; Saturday the 28th no
 * cardiologist, but a gynecologist fully booked.
 */
function seed() {
  addPatient(h.services, MARIA);
  const other = addPatient(h.services, 9002);
  const cardio = addDutyDoctor(h.services, 6001, 'cardiology');
  const gyn = addDutyDoctor(h.services, 6002, 'gynecology');
  const book = (staffId: number, startsAt: number) => bookDirectly(h.services, other, staffId, h.services.duty.addSlot(staffId, startsAt).id);
  book(cardio.id, msk('2026-11-26', '09:00'));
  book(cardio.id, msk('2026-11-26', '09:30'));
  h.services.duty.addSlot(cardio.id, msk('2026-11-27', '10:00'));
  book(gyn.id, msk('2026-11-28', '10:00'));
  return { cardio };
}

describe('Mini App API: the days the waitlist takes', () => {
  it('fullDays lists a fully booked day, not a day with a free time, not a day without a doctor of the specialty', async () => {
    seed();
    expect(await fullDays(msk('2026-11-25', '00:00'), msk('2026-11-29', '00:00'))).toEqual(['2026-11-26']);
    expect(await fullDays(msk('2026-11-25', '00:00'), msk('2026-11-29', '00:00'), '&specialty=gynecology')).toEqual(['2026-11-28']);
    // The waitlist is per specialty: without one, no day.
    expect(await fullDays(msk('2026-11-25', '00:00'), msk('2026-11-29', '00:00'), '')).toEqual([]);
  });

  it('judges a date whole, by what can still be booked: a closed slot or one past the notice does not count', async () => {
    const { cardio } = seed();
    // A range starting mid-day still names the whole day full; one starting after a day's free time does not make it full.
    expect(await fullDays(msk('2026-11-26', '09:15'), msk('2026-11-26', '12:00'))).toEqual(['2026-11-26']);
    expect(await fullDays(msk('2026-11-27', '12:00'), msk('2026-11-28', '00:00'))).toEqual([]);
    // A free time added makes the day not full; closed again, it is no time at all.
    const closed = h.services.duty.addSlot(cardio.id, msk('2026-11-26', '11:00'));
    expect(await fullDays(msk('2026-11-26', '00:00'), msk('2026-11-27', '00:00'))).toEqual([]);
    h.services.duty.removeSlot(cardio.id, closed.id);
    expect(await fullDays(msk('2026-11-26', '00:00'), msk('2026-11-27', '00:00'))).toEqual(['2026-11-26']);
    // At 08:00 on Thursday a free 08:30 is too soon to book: not free, so the day is still full.
    h.clock.set(msk('2026-11-26', '08:00'));
    h.services.duty.addSlot(cardio.id, msk('2026-11-26', '08:30'));
    expect(await fullDays(msk('2026-11-26', '08:00'), msk('2026-11-27', '00:00'))).toEqual(['2026-11-26']);
    // Once every time of the day is past the notice, nothing there can free up: not full.
    h.clock.set(msk('2026-11-26', '08:31'));
    expect(await fullDays(msk('2026-11-26', '08:31'), msk('2026-11-27', '00:00'))).toEqual([]);
  });

  it('POST /api/waitlist takes a full day (201) and refuses a day without a doctor or with free times (422 day_not_full)', async () => {
    seed();
    for (const date of ['2026-11-28', '2026-11-27']) {
      const refused = await h.post(MARIA, '/api/waitlist', { specialty: 'cardiology', date });
      expect([refused.status, refused.body.error.code]).toEqual([422, 'day_not_full']);
    }
    // The 28th is full for gynecology, not for cardiology.
    expect((await h.post(MARIA, '/api/waitlist', { specialty: 'gynecology', date: '2026-11-28' })).status).toBe(201);
    const ok = await h.post(MARIA, '/api/waitlist', { specialty: 'cardiology', date: '2026-11-26' });
    expect(ok.status).toBe(201);
    expect(ok.body.waitlist).toMatchObject({ specialty: 'cardiology', date: '2026-11-26' });
    expect(h.services.db.select({ specialty: waitlist.specialty, date: waitlist.date }).from(waitlist).all()).toEqual([
      { specialty: 'gynecology', date: '2026-11-28' },
      { specialty: 'cardiology', date: '2026-11-26' },
    ]);
    // Out of the window stays date_out_of_range.
    expect((await h.post(MARIA, '/api/waitlist', { specialty: 'cardiology', date: '2026-11-24' })).body.error.code).toBe('date_out_of_range');
  });
});
