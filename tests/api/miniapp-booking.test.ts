import { and, eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsultationsResponse, SlotsResponse } from '../../api/miniapp/contract.js';
import { zonedParts, zonedToUtc } from '../../core/time.js';
import { consultations, outbox } from '../../db/schema.js';
import { addDutyDoctor } from '../support/duty-fixtures.js';
import { createApiHarness, type ApiHarness } from '../support/miniapp-api.js';
import { addPatient } from '../support/scheduling-fixtures.js';

let h: ApiHarness;
beforeEach(() => {
  h = createApiHarness();
});
afterEach(() => h.close());

const MARIA = 9001;
const ANNA = 9002;
const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');
const day = (date: string, timeZone: string) => ({
  from: new Date(zonedToUtc(date, '00:00', timeZone)).toISOString(),
  to: new Date(zonedToUtc(date, '24:00', timeZone)).toISOString(),
});
const slotsOn = async (userId: number, date: string, timeZone: string, extra = '') => {
  const { from, to } = day(date, timeZone);
  const res = await h.get<SlotsResponse>(userId, `/api/slots?kind=duty&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${extra}`);
  expect(res.status).toBe(200);
  return res.body.slots;
};
const outboxOf = (template: string) =>
  h.services.db.select().from(outbox).where(eq(outbox.template, template)).all().map((r) => ({ chatId: r.chatId, params: JSON.parse(r.params) as unknown }));
const scheduledOn = (slotId: number) =>
  h.services.db.select().from(consultations).where(and(eq(consultations.slotId, slotId), eq(consultations.status, 'scheduled'))).all();

/** A cardiology duty doctor working Thursday 09:00–11:00 Moscow in 30-minute slots. */
function thursdayDoctor() {
  const doc = addDutyDoctor(h.services, 6001, 'cardiology', 'Кузнецов Павел Андреевич');
  h.services.duty.addTemplate(doc.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
  const slotAt = (date: string, time: string) => h.services.duty.schedule(doc.id, msk(date, time), msk(date, time) + 1)[0]!;
  return { doc, slotAt };
}

describe('Mini App API: slots in the patient’s zone', () => {
  it('slots come as UTC; a Vladivostok day holds exactly its own local slots, across Moscow’s midnight', async () => {
    const doc = addDutyDoctor(h.services, 6001);
    // Thursday evening and Friday in Moscow (+3); Vladivostok is +10, Kaliningrad +2.
    h.services.duty.addTemplate(doc.id, { weekday: 4, from: '20:00', to: '23:00', slotMinutes: 30 });
    h.services.duty.addTemplate(doc.id, { weekday: 5, from: '09:00', to: '10:00', slotMinutes: 30 });
    h.services.duty.addTemplate(doc.id, { weekday: 5, from: '18:00', to: '19:00', slotMinutes: 30 });
    addPatient(h.services, MARIA, { timeZone: 'Asia/Vladivostok', regionCode: 'RU-PRI' });

    const friday = await slotsOn(MARIA, '2026-11-27', 'Asia/Vladivostok');
    expect(friday.every((s) => s.startsAt.endsWith('Z'))).toBe(true);
    // Thursday 20:00–22:30 Moscow is Friday 03:00–05:30 in Vladivostok; Friday 09:00, 09:30 Moscow are 16:00, 16:30;
    // Friday 18:00 Moscow is already Saturday 01:00 there.
    expect(friday.map((s) => zonedParts(Date.parse(s.startsAt), 'Asia/Vladivostok').time)).toEqual(['03:00', '03:30', '04:00', '04:30', '05:00', '05:30', '16:00', '16:30']);
    expect(friday.every((s) => zonedParts(Date.parse(s.startsAt), 'Asia/Vladivostok').date === '2026-11-27')).toBe(true);
    expect(friday[0]!.startsAt).toBe('2026-11-26T17:00:00.000Z');
    expect(friday[0]).toMatchObject({ specialty: 'cardiology', doctor: { id: doc.id, name: doc.name } });

    const saturday = await slotsOn(MARIA, '2026-11-28', 'Asia/Vladivostok');
    expect(saturday.map((s) => zonedParts(Date.parse(s.startsAt), 'Asia/Vladivostok').time)).toEqual(['01:00', '01:30']);

    // Kaliningrad's Thursday ends an hour before Moscow's: the evening is 19:00–21:30 there, all on Thursday.
    const thursday = await slotsOn(MARIA, '2026-11-26', 'Europe/Kaliningrad');
    expect(thursday.map((s) => zonedParts(Date.parse(s.startsAt), 'Europe/Kaliningrad').time)).toEqual(['19:00', '19:30', '20:00', '20:30', '21:00', '21:30']);
  });

  it('filters by specialty, hides booked, closed, too-soon slots and other roles', async () => {
    const { doc, slotAt } = thursdayDoctor();
    const gyn = addDutyDoctor(h.services, 6002, 'gynecology');
    h.services.duty.addSlot(gyn.id, msk('2026-11-26', '12:00'));
    addPatient(h.services, MARIA);
    addPatient(h.services, ANNA);
    expect(await slotsOn(MARIA, '2026-11-26', 'Europe/Moscow', '&specialty=gynecology')).toHaveLength(1);
    expect(await slotsOn(MARIA, '2026-11-26', 'Europe/Moscow', '&specialty=cardiology')).toHaveLength(4);
    await h.post(ANNA, '/api/consultations', { slotId: slotAt('2026-11-26', '09:00').id, mode: 'video' });
    h.services.duty.removeSlot(doc.id, slotAt('2026-11-26', '10:30').id);
    expect((await slotsOn(MARIA, '2026-11-26', 'Europe/Moscow', '&specialty=cardiology')).map((s) => zonedParts(Date.parse(s.startsAt), 'Europe/Moscow').time)).toEqual([
      '09:30',
      '10:00',
    ]);
    // At 08:45 on Thursday, 09:30 is within the hour's notice (09:00 is booked, 10:30 closed).
    h.clock.set(msk('2026-11-26', '08:45'));
    expect((await slotsOn(MARIA, '2026-11-26', 'Europe/Moscow', '&specialty=cardiology')).map((s) => zonedParts(Date.parse(s.startsAt), 'Europe/Moscow').time)).toEqual(['10:00']);
  });
});

describe('Mini App API: booking', () => {
  it('books a free slot: 201 with the consultation; the patient and the doctor are told; the list shows it', async () => {
    const { slotAt } = thursdayDoctor();
    const patientId = addPatient(h.services, MARIA);
    const slot = slotAt('2026-11-26', '09:30');
    const res = await h.post(MARIA, '/api/consultations', { patientId, slotId: slot.id, mode: 'audio' });
    expect(res.status).toBe(201);
    expect(res.body.consultation).toMatchObject({
      kind: 'duty',
      status: 'scheduled',
      mode: 'audio',
      startsAt: new Date(slot.startsAt).toISOString(),
      doctor: { name: 'Кузнецов Павел Андреевич' },
      specialty: 'cardiology',
      canCancel: true,
      canReschedule: true,
      joinOpensAt: new Date(slot.startsAt - 10 * 60_000).toISOString(),
    });
    const id = res.body.consultation.id as number;
    expect(outboxOf('consultation_scheduled')).toEqual([{ chatId: MARIA, params: { consultationId: id } }]);
    expect(outboxOf('duty_consultation_booked')).toEqual([{ chatId: 6001, params: { consultationId: id } }]);
    const list = await h.get<ConsultationsResponse>(MARIA, '/api/consultations');
    expect(list.body.upcoming.map((c) => c.id)).toEqual([id]);
    expect(list.body.past).toEqual([]);
    const row = h.services.db.select().from(consultations).where(eq(consultations.id, id)).get()!;
    expect(row).toMatchObject({ applicationId: null, status: 'scheduled', patientId });
    expect(row.room).toMatch(/^oz-/);
  });

  it('50 simultaneous bookings of one slot by 50 patients: exactly one 201, the rest 409 slot_taken, one row', async () => {
    const { slotAt } = thursdayDoctor();
    const users = Array.from({ length: 50 }, (_, i) => 9100 + i);
    for (const u of users) addPatient(h.services, u);
    const slot = slotAt('2026-11-26', '10:00');
    const answers = await Promise.all(users.map((u) => h.request(u, '/api/consultations', { method: 'POST', body: { slotId: slot.id, mode: 'video' } })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const codes = await Promise.all(answers.filter((r) => r.status === 409).map(async (r) => ((await r.json()) as { error: { code: string } }).error.code));
    expect(new Set(codes)).toEqual(new Set(['slot_taken']));
    expect(scheduledOn(slot.id)).toHaveLength(1);
    expect(h.services.db.select().from(consultations).all()).toHaveLength(1);
  });

  it('cut-offs: no booking within the notice, at most two active duty bookings, no overlapping bookings', async () => {
    const { doc, slotAt } = thursdayDoctor();
    addPatient(h.services, MARIA);
    const soon = h.services.duty.addSlot(doc.id, h.clock.now() + 45 * 60_000);
    const tooSoon = await h.post(MARIA, '/api/consultations', { slotId: soon.id, mode: 'video' });
    expect([tooSoon.status, tooSoon.body.error.code]).toEqual([409, 'booking_too_late']);

    expect((await h.post(MARIA, '/api/consultations', { slotId: slotAt('2026-11-26', '09:00').id, mode: 'video' })).status).toBe(201);
    const other = addDutyDoctor(h.services, 6002);
    const parallel = h.services.duty.addSlot(other.id, msk('2026-11-26', '09:15'));
    const overlap = await h.post(MARIA, '/api/consultations', { slotId: parallel.id, mode: 'video' });
    expect([overlap.status, overlap.body.error.code]).toEqual([409, 'booking_overlaps']);
    expect((await h.post(MARIA, '/api/consultations', { slotId: slotAt('2026-11-26', '10:00').id, mode: 'video' })).status).toBe(201);
    const third = await h.post(MARIA, '/api/consultations', { slotId: slotAt('2026-12-03', '09:00').id, mode: 'video' });
    expect([third.status, third.body.error.code]).toEqual([409, 'booking_limit_reached']);
    // The limit is per profile: the child's profile of the same account books on its own.
    const child = addPatient(h.services, MARIA, { relation: 'child', fullName: 'Иванов Пётр Сергеевич' });
    expect((await h.post(MARIA, '/api/consultations', { patientId: child, slotId: slotAt('2026-12-03', '09:00').id, mode: 'video' })).status).toBe(201);
    // A slot that is not there, or not a duty slot: 404.
    expect((await h.post(MARIA, '/api/consultations', { slotId: 999_999, mode: 'video' })).status).toBe(404);
  });
});

describe('Mini App API: cancel and reschedule', () => {
  it('cancel frees the slot, tells the doctor, and tells the first patient waiting for that day', async () => {
    const { slotAt } = thursdayDoctor();
    addPatient(h.services, MARIA);
    addPatient(h.services, ANNA);
    addPatient(h.services, 9003);
    addPatient(h.services, 9004);
    const slot = slotAt('2026-11-26', '09:00');
    const booked = await h.post(MARIA, '/api/consultations', { slotId: slot.id, mode: 'video' });
    // The waitlist takes only a full day: the other three times go to another patient and Maria's second.
    for (const [user, time] of [[9004, '09:30'], [9004, '10:00'], [MARIA, '10:30']] as const) {
      expect((await h.post(user, '/api/consultations', { slotId: slotAt('2026-11-26', time).id, mode: 'video' })).status).toBe(201);
    }
    const anna = await h.post(ANNA, '/api/waitlist', { specialty: 'cardiology', date: '2026-11-26' });
    expect(anna.status).toBe(201);
    expect((await h.post(ANNA, '/api/waitlist', { specialty: 'cardiology', date: '2026-11-26' })).status).toBe(200);
    h.clock.advance(60_000);
    expect((await h.post(9003, '/api/waitlist', { specialty: 'cardiology', date: '2026-11-26' })).status).toBe(201);
    expect((await h.get(ANNA, '/api/waitlist')).body.waitlist).toEqual([anna.body.waitlist]);

    const cancelled = await h.post(MARIA, `/api/consultations/${booked.body.consultation.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.consultation).toMatchObject({ status: 'cancelled', canCancel: false });
    expect(scheduledOn(slot.id)).toEqual([]);
    expect((await slotsOn(ANNA, '2026-11-26', 'Europe/Moscow')).map((s) => s.id)).toContain(slot.id);
    expect(outboxOf('waitlist_slot_free')).toEqual([{ chatId: ANNA, params: { waitlistId: anna.body.waitlist.id, slotId: slot.id } }]);
    expect(outboxOf('consultation_cancelled_by_patient')).toEqual([{ chatId: 6001, params: { consultationId: booked.body.consultation.id } }]);
    expect((await h.get(ANNA, '/api/waitlist')).body.waitlist).toEqual([]);
    // Only the first in line is told; the next one goes on waiting.
    expect((await h.get(9003, '/api/waitlist')).body.waitlist).toHaveLength(1);
    expect((await h.post(MARIA, `/api/consultations/${booked.body.consultation.id}/cancel`)).body.error.code).toBe('consultation_not_open');
  });

  it('cancel is refused within two hours of the start; the list says so', async () => {
    const { slotAt } = thursdayDoctor();
    addPatient(h.services, MARIA);
    const booked = await h.post(MARIA, '/api/consultations', { slotId: slotAt('2026-11-26', '10:00').id, mode: 'video' });
    const id = booked.body.consultation.id as number;
    h.clock.set(msk('2026-11-26', '08:00'));
    expect((await h.get<ConsultationsResponse>(MARIA, '/api/consultations')).body.upcoming[0]!.canCancel).toBe(true);
    h.clock.set(msk('2026-11-26', '08:01'));
    const list = await h.get<ConsultationsResponse>(MARIA, '/api/consultations');
    expect(list.body.upcoming[0]).toMatchObject({ canCancel: false, canReschedule: false });
    const late = await h.post(MARIA, `/api/consultations/${id}/cancel`);
    expect([late.status, late.body.error.code]).toEqual([409, 'cancel_too_late']);
    const move = await h.post(MARIA, `/api/consultations/${id}/reschedule`, { slotId: slotAt('2026-12-03', '09:00').id });
    expect([move.status, move.body.error.code]).toEqual([409, 'cancel_too_late']);
    expect(scheduledOn(slotAt('2026-11-26', '10:00').id)).toHaveLength(1);
  });

  it('reschedule moves the booking in one step; a taken target keeps the old booking', async () => {
    const { slotAt } = thursdayDoctor();
    addPatient(h.services, MARIA);
    addPatient(h.services, ANNA);
    const first = slotAt('2026-11-26', '09:00');
    const taken = slotAt('2026-11-26', '09:30');
    const target = slotAt('2026-12-03', '10:00');
    const booked = await h.post(MARIA, '/api/consultations', { slotId: first.id, mode: 'audio' });
    await h.post(ANNA, '/api/consultations', { slotId: taken.id, mode: 'video' });
    const id = booked.body.consultation.id as number;

    const refused = await h.post(MARIA, `/api/consultations/${id}/reschedule`, { slotId: taken.id });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'slot_taken']);
    expect(scheduledOn(first.id).map((c) => c.id)).toEqual([id]);

    const moved = await h.post(MARIA, `/api/consultations/${id}/reschedule`, { slotId: target.id });
    expect(moved.status).toBe(200);
    expect(moved.body.consultation).toMatchObject({ status: 'scheduled', mode: 'audio', startsAt: new Date(target.startsAt).toISOString() });
    expect(scheduledOn(first.id)).toEqual([]);
    expect(scheduledOn(target.id)).toHaveLength(1);
    const list = await h.get<ConsultationsResponse>(MARIA, '/api/consultations');
    expect(list.body.upcoming.map((c) => c.id)).toEqual([moved.body.consultation.id]);
    expect(list.body.past.map((c) => [c.id, c.status])).toEqual([[id, 'cancelled']]);
  });

  it('someone else’s consultation: 404 for cancel, reschedule and join, and nothing changes', async () => {
    const { slotAt } = thursdayDoctor();
    addPatient(h.services, MARIA);
    const annaId = addPatient(h.services, ANNA);
    const booked = await h.post(ANNA, '/api/consultations', { slotId: slotAt('2026-11-26', '09:00').id, mode: 'video' });
    const id = booked.body.consultation.id as number;
    h.clock.set(msk('2026-11-26', '08:55'));
    for (const res of [
      await h.post(MARIA, `/api/consultations/${id}/cancel`),
      await h.post(MARIA, `/api/consultations/${id}/reschedule`, { slotId: slotAt('2026-12-03', '09:00').id }),
      await h.get(MARIA, `/api/consultations/${id}/join`),
      await h.post(MARIA, `/api/consultations/${id}/cancel`, { patientId: annaId }),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    }
    // Anna's own profile id with a wrong one named is 404 too.
    const child = addPatient(h.services, ANNA, { relation: 'child', fullName: 'Иванов Пётр Сергеевич' });
    expect((await h.get(ANNA, `/api/consultations/${id}/join?patientId=${child}`)).status).toBe(404);
    expect(scheduledOn(slotAt('2026-11-26', '09:00').id).map((c) => c.id)).toEqual([id]);
  });
});

describe('Mini App API: joining', () => {
  it('opens 10 minutes before the start and closes at the end; the link is the patient’s, not a moderator’s', async () => {
    const { slotAt } = thursdayDoctor();
    const patientId = addPatient(h.services, MARIA);
    const booked = await h.post(MARIA, '/api/consultations', { slotId: slotAt('2026-11-26', '09:00').id, mode: 'audio' });
    const id = booked.body.consultation.id as number;
    const join = () => h.get(MARIA, `/api/consultations/${id}/join`);

    h.clock.set(msk('2026-11-26', '08:49'));
    const early = await join();
    expect([early.status, early.body.error.code]).toEqual([409, 'join_not_open']);
    h.clock.set(msk('2026-11-26', '08:50'));
    const open = await join();
    expect(open.status).toBe(200);
    // Our room page with a one-time ticket, valid 15 minutes; the Jitsi token is only in the page's exchange.
    const url = new URL(open.body.url as string);
    expect([url.origin, url.pathname, url.hash]).toEqual(['https://oblako.test', `/room/${id}`, '']);
    expect(open.body.url).not.toContain('jwt');
    expect(open.body.validFrom).toBe(new Date(msk('2026-11-26', '08:45')).toISOString());
    expect(open.body.validUntil).toBe(new Date(msk('2026-11-26', '09:05')).toISOString());
    const entered = await h.app.request('/api/room/enter', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ consultationId: id, ticket: url.searchParams.get('t') }) });
    const entry = (await entered.json()) as { mode: string; displayName: string; jitsi: { jwt: string } };
    expect([entered.status, entry.mode, entry.displayName]).toEqual([200, 'audio', 'Мария И.']);
    const claims = decodeJwt(entry.jitsi.jwt);
    expect(claims.context).toMatchObject({ user: { id: `patient:${patientId}`, name: 'Мария И.', moderator: false, affiliation: 'member' } });
    h.clock.set(msk('2026-11-26', '09:29'));
    expect((await join()).status).toBe(200);
    h.clock.set(msk('2026-11-26', '09:30'));
    expect((await join()).body.error.code).toBe('join_not_open');
  });

  it('a cancelled consultation cannot be joined; without Jitsi the answer is 503 video_not_configured', async () => {
    h.close();
    h = createApiHarness({ video: false });
    const { slotAt } = thursdayDoctor();
    addPatient(h.services, MARIA);
    const booked = await h.post(MARIA, '/api/consultations', { slotId: slotAt('2026-11-26', '09:00').id, mode: 'video' });
    h.clock.set(msk('2026-11-26', '08:55'));
    const res = await h.get(MARIA, `/api/consultations/${booked.body.consultation.id}/join`);
    expect([res.status, res.body.error.code]).toEqual([503, 'video_not_configured']);
    const second = await h.post(MARIA, '/api/consultations', { slotId: slotAt('2026-12-03', '09:00').id, mode: 'video' });
    await h.post(MARIA, `/api/consultations/${second.body.consultation.id}/cancel`);
    expect((await h.get(MARIA, `/api/consultations/${second.body.consultation.id}/join`)).body.error.code).toBe('join_not_open');
  });
});

describe('Mini App API: waitlist', () => {
  it('only days from today to the booking horizon in the patient’s zone; leaving works for the owner only', async () => {
    addPatient(h.services, MARIA, { timeZone: 'Asia/Vladivostok' });
    addPatient(h.services, ANNA);
    // Gynecology on the 25th (14:00 Moscow, 21:00 in Vladivostok) is fully booked, so that day may be waited for.
    const gyn = addDutyDoctor(h.services, 6002, 'gynecology');
    expect((await h.post(ANNA, '/api/consultations', { slotId: h.services.duty.addSlot(gyn.id, msk('2026-11-25', '14:00')).id, mode: 'video' })).status).toBe(201);
    // 10:00 in Moscow is 17:00 in Vladivostok: the 24th is past there, the 25th is today.
    expect((await h.post(MARIA, '/api/waitlist', { specialty: 'cardiology', date: '2026-11-24' })).body.error.code).toBe('date_out_of_range');
    expect((await h.post(MARIA, '/api/waitlist', { specialty: 'cardiology', date: '2026-12-17' })).body.error.code).toBe('date_out_of_range');
    const ok = await h.post(MARIA, '/api/waitlist', { specialty: 'gynecology', date: '2026-11-25' });
    expect(ok.status).toBe(201);
    const bad = await h.post(MARIA, '/api/waitlist', { specialty: 'dentistry', date: '2026-11-25' });
    expect(bad.status).toBe(422);
    const del = (userId: number) => h.request(userId, `/api/waitlist/${ok.body.waitlist.id}`, { method: 'DELETE' });
    expect((await del(ANNA)).status).toBe(404);
    expect((await del(MARIA)).status).toBe(204);
    expect((await h.get(MARIA, '/api/waitlist')).body.waitlist).toEqual([]);
  });
});
