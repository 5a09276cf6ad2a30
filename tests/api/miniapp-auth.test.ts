import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consultations } from '../../db/schema.js';
import { CONSENT_VERSION } from '../../core/accounts/consent.js';
import { addDutyDoctor } from '../support/duty-fixtures.js';
import { createApiHarness, initDataFor, MAX_AGE_SECONDS, type ApiHarness } from '../support/miniapp-api.js';
import { addPatient } from '../support/scheduling-fixtures.js';
import { PATIENT_TOKEN, STAFF_TOKEN } from '../support/service-harness.js';

let h: ApiHarness;
beforeEach(() => {
  h = createApiHarness();
});
afterEach(() => h.close());

const MARIA = 9001;
const tma = (initData: string) => `tma ${initData}`;

/** Changes one character of the signed data (not of the hash): the user id 9001 becomes 9002. */
function forgeOneCharacter(initData: string): string {
  const forged = initData.replace('%22id%22%3A9001', '%22id%22%3A9002');
  expect(forged).not.toBe(initData);
  return forged;
}

describe('Mini App API: init data', () => {
  it('valid init data signed with the patient bot token opens /api/me', async () => {
    addPatient(h.services, MARIA);
    const res = await h.get(MARIA, '/api/me');
    expect(res.status).toBe(200);
    expect(res.body.patients).toHaveLength(1);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it("/api/me names each profile's zone as the bots and SMS do, in the patient's language, never as an offset from GMT", async () => {
    const id = addPatient(h.services, MARIA, { timeZone: 'Asia/Novosibirsk' });
    const ru = await h.get(MARIA, '/api/me');
    expect(ru.body.patients).toEqual([
      expect.objectContaining({ id, timeZone: 'Asia/Novosibirsk', zone: { at: 'по новосибирскому времени (МСК+4)', name: 'новосибирское время (МСК+4)' } }),
    ]);
    h.services.accounts.setLocale(MARIA, 'en');
    const en = await h.get(MARIA, '/api/me');
    expect(en.body.patients[0].zone).toEqual({ at: 'Novosibirsk time (MSK+4)', name: 'Novosibirsk time (MSK+4)' });
    expect(JSON.stringify([ru.body.patients[0].zone, en.body.patients[0].zone])).not.toMatch(/GMT|Asia\//);
  });

  it('absent, malformed, forged (one character changed), signed with another token or expired init data: 401, JSON', async () => {
    addPatient(h.services, MARIA);
    addPatient(h.services, 9002);
    const now = h.clock.now();
    const valid = initDataFor(MARIA, { authDate: now });
    const cases: Array<[string, string | undefined]> = [
      ['absent', undefined],
      ['another scheme', `Bearer ${valid}`],
      ['empty', 'tma '],
      ['one character changed', tma(forgeOneCharacter(valid))],
      ['hash changed', tma(valid.replace(/hash=([0-9a-f])/, (_, c: string) => `hash=${c === '0' ? '1' : '0'}`))],
      ['no hash', tma(valid.replace(/&hash=[0-9a-f]+/, ''))],
      ['another bot token', tma(initDataFor(MARIA, { token: STAFF_TOKEN, authDate: now }))],
      ['expired', tma(initDataFor(MARIA, { authDate: now - (MAX_AGE_SECONDS + 1) * 1000 }))],
      ['from the future', tma(initDataFor(MARIA, { authDate: now + 3600_000 }))],
    ];
    for (const [name, authorization] of cases) {
      const res = await h.get(null, '/api/me', authorization === undefined ? {} : { authorization });
      expect({ name, status: res.status, body: res.body }).toEqual({ name, status: 401, body: { error: { code: 'unauthorized', message: expect.any(String) } } });
    }
    // Just inside the age limit is fine.
    const old = await h.get(null, '/api/me', { authorization: tma(initDataFor(MARIA, { authDate: now - (MAX_AGE_SECONDS - 5) * 1000 })) });
    expect(old.status).toBe(200);
  });

  it('nothing is read or written without valid init data: not a booking, not even a 404 for an unknown path', async () => {
    const patientId = addPatient(h.services, MARIA);
    const doc = addDutyDoctor(h.services, 6001);
    const slot = h.services.duty.addSlot(doc.id, h.clock.now() + 86_400_000);
    for (const authorization of [tma(initDataFor(MARIA, { token: STAFF_TOKEN, authDate: h.clock.now() })), tma(forgeOneCharacter(initDataFor(MARIA, { authDate: h.clock.now() })))]) {
      const res = await h.request(null, '/api/consultations', { method: 'POST', body: { patientId, slotId: slot.id, mode: 'video' }, authorization });
      expect(res.status).toBe(401);
    }
    expect((await h.get(null, '/api/nothing-here')).status).toBe(401);
    expect(h.services.db.select().from(consultations).all()).toEqual([]);
  });

  it('a Telegram user who never registered in the bot, or has no profile yet: 403 not_registered', async () => {
    const stranger = await h.get(7777, '/api/me');
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('not_registered');
    h.services.accounts.upsertConsent(7778, 'ru', CONSENT_VERSION, h.clock.now());
    const consentOnly = await h.get(7778, '/api/consultations');
    expect(consentOnly.status).toBe(403);
    expect(consentOnly.body.error.code).toBe('not_registered');
  });

  it('the token used is the patient bot’s', () => {
    expect(h.services.token).toBe(PATIENT_TOKEN);
  });
});

describe('Mini App API: profiles', () => {
  it('/api/me lists the account’s profiles, the self profile is the default, and the limits come from config', async () => {
    const child = addPatient(h.services, MARIA, { relation: 'child', fullName: 'Иванов Пётр Сергеевич', timeZone: 'Asia/Vladivostok' });
    const self = addPatient(h.services, MARIA, { relation: 'self' });
    const me = await h.get(MARIA, '/api/me');
    expect(me.body).toEqual({
      locale: 'ru',
      defaultPatientId: self,
      patients: [
        { id: child, fullName: 'Иванов Пётр Сергеевич', relation: 'child', timeZone: 'Asia/Vladivostok', zone: { at: 'по владивостокскому времени (МСК+7)', name: 'владивостокское время (МСК+7)' } },
        { id: self, fullName: 'Иванова Мария Петровна', relation: 'self', timeZone: 'Europe/Moscow', zone: { at: 'по московскому времени (МСК)', name: 'московское время (МСК)' } },
      ],
      limits: { bookingMinNoticeMinutes: 60, cancelMinNoticeMinutes: 120, maxActiveDutyBookings: 2, joinOpensMinutesBefore: 10 },
      connection: { minVideoKbps: 2000, minAudioKbps: 512 },
    });
  });

  it('another person’s patientId answers 404 on every route that takes one, never their data', async () => {
    addPatient(h.services, MARIA);
    const other = addPatient(h.services, 9002, { fullName: 'Петрова Анна Ивановна' });
    const from = new Date(h.clock.now()).toISOString();
    const to = new Date(h.clock.now() + 86_400_000).toISOString();
    for (const pathname of [
      `/api/consultations?patientId=${other}`,
      `/api/documents?patientId=${other}`,
      `/api/applications?patientId=${other}`,
      `/api/waitlist?patientId=${other}`,
      `/api/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&patientId=${other}`,
    ]) {
      const res = await h.get(MARIA, pathname);
      expect({ pathname, status: res.status, code: res.body.error?.code }).toEqual({ pathname, status: 404, code: 'not_found' });
      expect(JSON.stringify(res.body)).not.toContain('Петрова');
    }
    const post = await h.post(MARIA, '/api/waitlist', { patientId: other, specialty: 'cardiology', date: '2026-11-27' });
    expect(post.status).toBe(404);
    // Nor can a booking be made in another person's name.
    const doc = addDutyDoctor(h.services, 6001);
    const slot = h.services.duty.addSlot(doc.id, h.clock.now() + 86_400_000);
    const booking = await h.post(MARIA, '/api/consultations', { patientId: other, slotId: slot.id, mode: 'video' });
    expect([booking.status, booking.body.error.code]).toEqual([404, 'not_found']);
    expect(h.services.db.select().from(consultations).all()).toEqual([]);
  });

  it('centers and specialties in the account’s language', async () => {
    addPatient(h.services, MARIA);
    const ru = await h.get(MARIA, '/api/centers');
    expect(ru.body.centers.map((c: { code: string; specialty: string }) => [c.code, c.specialty])).toEqual([
      ['bakulev', 'cardiology'],
      ['kulakov', 'gynecology'],
    ]);
    expect(ru.body.specialties[0]).toMatchObject({ code: 'cardiology', name: 'Кардиология' });
    h.services.accounts.setLocale(MARIA, 'en');
    const en = await h.get(MARIA, '/api/centers');
    expect(en.body.specialties[1]).toMatchObject({ code: 'gynecology', name: 'Gynecology' });
  });
});

describe('Mini App API: validation and limits', () => {
  it('zod errors are 422 with a code and the fields named; malformed JSON too', async () => {
    addPatient(h.services, MARIA);
    const bad = await h.post(MARIA, '/api/consultations', { slotId: 'one', mode: 'telepathy' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('invalid_request');
    expect(bad.body.error.message).toMatch(/slotId/);
    expect(bad.body.error.message).toMatch(/mode/);
    const json = await h.post(MARIA, '/api/consultations', '{"slotId": ');
    expect(json.status).toBe(422);
    expect(json.body.error.code).toBe('invalid_json');
    const query = await h.get(MARIA, '/api/slots?from=yesterday&to=2026-11-27T00:00:00Z');
    expect(query.status).toBe(422);
    expect(query.body.error.code).toBe('invalid_request');
    const range = await h.get(MARIA, '/api/slots?from=2026-11-27T00:00:00Z&to=2026-11-26T00:00:00Z');
    expect(range.body.error.code).toBe('range_invalid');
    const id = await h.post(MARIA, '/api/consultations/abc/cancel');
    expect(id.status).toBe(404);
  });

  it('a body over 16 KB is refused with 413', async () => {
    addPatient(h.services, MARIA);
    const res = await h.post(MARIA, '/api/waitlist', { specialty: 'cardiology', date: '2026-11-27', pad: 'x'.repeat(20_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('body_too_large');
  });

  it('speedtest: the asked number of random bytes, capped at 4 MB, never cached', async () => {
    addPatient(h.services, MARIA);
    const small = await h.get<Buffer>(MARIA, '/api/speedtest?bytes=100000&nonce=abc');
    expect(small.status).toBe(200);
    expect(small.body.length).toBe(100_000);
    expect(small.headers.get('cache-control')).toMatch(/no-store/);
    expect(small.headers.get('content-type')).toBe('application/octet-stream');
    const big = await h.get<Buffer>(MARIA, '/api/speedtest?bytes=50000000');
    expect(big.body.length).toBe(4 * 1024 * 1024);
    expect((await h.get(null, '/api/speedtest?bytes=10')).status).toBe(401);
  });
});
