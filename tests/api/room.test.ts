import { eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomEntryResponse } from '../../api/miniapp/contract.js';
import { heldDuration } from '../../core/room/index.js';
import { zonedToUtc } from '../../core/time.js';
import { outbox } from '../../db/schema.js';
import { addDutyDoctor } from '../support/duty-fixtures.js';
import { createApiHarness, type ApiHarness } from '../support/miniapp-api.js';
import { parseRoomLink } from '../support/room-links.js';
import { addPatient } from '../support/scheduling-fixtures.js';

/**
 * The consultation room page's API: the one-time ticket of a /room link exchanged for the person's Jitsi token, the
 * page's session reporting the call's events, and what the service makes of them (attendance, duration, no-show offer).
 */

let h: ApiHarness;
beforeEach(() => {
  h = createApiHarness();
});
afterEach(() => h.close());

const MARIA = 9001;
const ANNA = 9002;
const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');

/** Two booked duty consultations on Thursday, Maria's at 09:00 and Anna's at 09:30, with one doctor. */
async function booked() {
  const doc = addDutyDoctor(h.services, 6001, 'cardiology', 'Кузнецов Павел Андреевич');
  h.services.duty.addTemplate(doc.id, { weekday: 4, from: '09:00', to: '11:00', slotMinutes: 30 });
  const slotAt = (time: string) => h.services.duty.schedule(doc.id, msk('2026-11-26', time), msk('2026-11-26', time) + 1)[0]!;
  addPatient(h.services, MARIA);
  addPatient(h.services, ANNA, { fullName: 'Смирнова Анна Ивановна', phone: '+79120000002' });
  const maria = (await h.post(MARIA, '/api/consultations', { slotId: slotAt('09:00').id, mode: 'video' })).body.consultation.id as number;
  const anna = (await h.post(ANNA, '/api/consultations', { slotId: slotAt('09:30').id, mode: 'video' })).body.consultation.id as number;
  return { doc, maria, anna };
}

const patientLink = async (userId: number, id: number) => (await h.get(userId, `/api/consultations/${id}/join`)).body.url as string;
const doctorLink = async (doc: ReturnType<typeof addDutyDoctor>, id: number) => (await h.services.staffConsultations.join(h.services.staff.byId(doc.id)!, id)).link.url;

async function enter(consultationId: number, ticket: string) {
  const res = await h.app.request('/api/room/enter', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ consultationId, ticket }) });
  return { status: res.status, body: (await res.json()) as RoomEntryResponse & { error?: { code: string; opensAt?: string } } };
}
const enterLink = (url: string) => {
  const { consultationId, ticket } = parseRoomLink(url);
  return enter(consultationId, ticket);
};
async function event(session: string, name: string) {
  const res = await h.app.request('/api/room/events', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Room ${session}` }, body: JSON.stringify({ event: name }) });
  return { status: res.status, body: (await res.json()) as { attendance: Record<string, string | null>; error?: { code: string } } };
}

describe('room links: the one-time ticket', () => {
  it('is exchanged once for the patient’s entry; a second use, even a moment later, is refused', async () => {
    const { maria } = await booked();
    h.clock.set(msk('2026-11-26', '08:52'));
    const url = await patientLink(MARIA, maria);
    const first = await enterLink(url);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ consultationId: maria, side: 'patient', mode: 'video', locale: 'ru', displayName: 'Мария И.', otherName: 'Кузнецов Павел Андреевич' });
    expect(first.body.jitsi).toMatchObject({ domain: 'meet.oblako.test', externalApiUrl: 'https://meet.oblako.test/external_api.js' });
    const second = await enterLink(url);
    expect([second.status, second.body.error?.code]).toEqual([403, 'room_link_invalid']);
    // Two tabs racing for one ticket: one entry.
    const raced = await patientLink(MARIA, maria);
    const both = await Promise.all([enterLink(raced), enterLink(raced)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 403]);
  });

  it('expires 15 minutes after it was given (or after the room opens, when given earlier); too early it is kept', async () => {
    const { doc, maria } = await booked();
    h.clock.set(msk('2026-11-26', '08:50'));
    const late = await patientLink(MARIA, maria);
    h.clock.set(msk('2026-11-26', '09:05'));
    expect((await enterLink(late)).body.error?.code).toBe('room_link_invalid');
    h.clock.set(msk('2026-11-26', '09:04'));
    const fresh = await patientLink(MARIA, maria);
    h.clock.set(msk('2026-11-26', '09:18:59'.slice(0, 5)) + 59_000);
    expect((await enterLink(fresh)).status).toBe(200);

    // The doctor's /join the evening before: opened too early it says when, and still works once the room opens.
    h.clock.set(msk('2026-11-25', '20:00'));
    const early = await doctorLink(doc, maria);
    const tooEarly = await enterLink(early);
    expect([tooEarly.status, tooEarly.body.error?.code, tooEarly.body.error?.opensAt]).toEqual([409, 'room_not_open', new Date(msk('2026-11-26', '08:45')).toISOString()]);
    h.clock.set(msk('2026-11-26', '08:59'));
    expect((await enterLink(early)).body.side).toBe('doctor');
  });

  it('another consultation’s ticket or a made-up one: refused, and the ticket is not spent', async () => {
    const { maria, anna } = await booked();
    h.clock.set(msk('2026-11-26', '08:55'));
    const { ticket } = parseRoomLink(await patientLink(MARIA, maria));
    expect((await enter(anna, ticket)).body.error?.code).toBe('room_link_invalid');
    expect((await enter(maria, 'x'.repeat(43))).body.error?.code).toBe('room_link_invalid');
    expect((await enter(maria, 'not a ticket')).body.error?.code).toBe('room_link_invalid');
    // Refused for the wrong consultation, the ticket was not spent: it still opens its own.
    expect((await enter(maria, ticket)).status).toBe(200);
  });

  it('a patient’s token never makes them moderator; the doctor’s does, with their name; no patronymic travels', async () => {
    const { doc, maria } = await booked();
    h.clock.set(msk('2026-11-26', '08:55'));
    const patient = decodeJwt((await enterLink(await patientLink(MARIA, maria))).body.jitsi.jwt);
    expect(patient.context).toEqual({ user: { id: expect.stringMatching(/^patient:\d+$/), name: 'Мария И.', affiliation: 'member', moderator: false } });
    expect(JSON.stringify(patient)).not.toContain('Петровна');
    const doctorEntry = (await enterLink(await doctorLink(doc, maria))).body;
    expect(doctorEntry).toMatchObject({ side: 'doctor', otherName: 'Мария И.' });
    expect(decodeJwt(doctorEntry.jitsi.jwt).context).toMatchObject({ user: { id: `staff:${doc.id}`, moderator: true, affiliation: 'owner', lobby_bypass: true } });
  });

  it('a reload resumes with the session, and the Jitsi token is never in a URL or an answer’s cacheable form', async () => {
    const { maria } = await booked();
    h.clock.set(msk('2026-11-26', '08:55'));
    const url = await patientLink(MARIA, maria);
    expect(url).not.toMatch(/jwt|eyJ/);
    const { body } = await enterLink(url);
    const resumed = await h.app.request('/api/room/resume', { method: 'POST', headers: { Authorization: `Room ${body.session}` } });
    expect(resumed.status).toBe(200);
    expect(resumed.headers.get('cache-control')).toBe('no-store');
    expect(((await resumed.json()) as RoomEntryResponse).consultationId).toBe(maria);
    expect((await h.app.request('/api/room/resume', { method: 'POST', headers: { Authorization: 'Room nope' } })).status).toBe(401);
    // The session ends with the call's window.
    h.clock.set(msk('2026-11-26', '10:00'));
    expect((await event(body.session, 'joined')).status).toBe(401);
  });
});

describe('room events: attendance', () => {
  it('each side records its own join and leave; both joined: held, with its real duration', async () => {
    const { doc, maria } = await booked();
    h.clock.set(msk('2026-11-26', '08:58'));
    const doctor = (await enterLink(await doctorLink(doc, maria))).body.session;
    const patient = (await enterLink(await patientLink(MARIA, maria))).body.session;
    await event(doctor, 'joined');
    h.clock.set(msk('2026-11-26', '09:02'));
    const joined = await event(patient, 'joined');
    expect(joined.body.attendance).toMatchObject({ doctorJoinedAt: new Date(msk('2026-11-26', '08:58')).toISOString(), patientJoinedAt: new Date(msk('2026-11-26', '09:02')).toISOString() });
    expect(heldDuration(h.services.room.attendance(maria), h.clock.now())).toEqual({ seconds: 0, ongoing: true });
    h.clock.set(msk('2026-11-26', '09:20'));
    await event(patient, 'left');
    h.clock.set(msk('2026-11-26', '09:21'));
    await event(doctor, 'left');
    expect(heldDuration(h.services.room.attendance(maria), h.clock.now())).toEqual({ seconds: 18 * 60, ongoing: false });
    // A bad event name is refused and changes nothing.
    expect((await event(patient, 'moderator')).status).toBe(422);
  });

  it('the doctor waiting and the patient absent 10 minutes after the start: the doctor is offered a no-show, once', async () => {
    const { doc, maria, anna } = await booked();
    h.clock.set(msk('2026-11-26', '08:59'));
    h.services.scheduler.tick();
    const doctor = (await enterLink(await doctorLink(doc, maria))).body.session;
    await event(doctor, 'joined');
    const offers = () => h.services.db.select().from(outbox).where(eq(outbox.template, 'consultation_no_show_offer')).all().map((r) => JSON.parse(r.params) as { consultationId: number });
    h.clock.set(msk('2026-11-26', '09:09'));
    h.services.scheduler.tick();
    expect(offers()).toEqual([]);
    h.clock.set(msk('2026-11-26', '09:10'));
    h.services.scheduler.tick();
    h.clock.set(msk('2026-11-26', '09:45'));
    h.services.scheduler.tick();
    // Anna's doctor never opened her room: nobody is judged from an empty room.
    expect(offers()).toEqual([{ consultationId: maria, startsAt: msk('2026-11-26', '09:00') }]);
    expect(offers().some((o) => o.consultationId === anna)).toBe(false);
  });
});
