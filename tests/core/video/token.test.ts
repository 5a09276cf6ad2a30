import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { newRoomName } from '../../../core/video/room.js';
import { createRoomToken, type JitsiSettings, type RoomUser } from '../../../core/video/token.js';

const jitsi: JitsiSettings = {
  domain: 'meet.clinic.example:8443',
  appId: 'oblako',
  appSecret: 'a6f1c0e4b9d2873f5e0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcd',
};
const secret = new TextEncoder().encode(jitsi.appSecret);
const room = newRoomName();
const startsAt = Date.parse('2026-03-10T07:00:00Z');
const endsAt = Date.parse('2026-03-10T07:30:00Z');
const issuedAt = Date.parse('2026-03-09T12:00:00Z');
const doctor: RoomUser = { id: 'staff:7', name: 'Петрова Анна Сергеевна', moderator: true, email: 'petrova@clinic.example' };
const patient: RoomUser = { id: 'patient:42', name: 'Иванов Иван', moderator: false };

const sec = (ms: number) => ms / 1000;
const nbf = sec(startsAt - 15 * 60_000);
const exp = sec(endsAt + 30 * 60_000);

function verify(token: string, at: number, key = secret) {
  return jwtVerify(token, key, {
    issuer: jitsi.appId,
    audience: 'jitsi',
    algorithms: ['HS256'],
    currentDate: new Date(at),
  });
}

function tokenFor(user: RoomUser) {
  return createRoomToken({ jitsi, room, user, startsAt, endsAt, issuedAt });
}

/** Every key named "moderator" anywhere in the payload, with its value. */
function moderatorFlags(value: unknown, path = ''): Array<[string, unknown]> {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(key === 'moderator' ? [[`${path}${key}`, v] as [string, unknown]] : []),
    ...moderatorFlags(v, `${path}${key}.`),
  ]);
}

describe('createRoomToken', () => {
  it('carries the claims Jitsi token auth checks, with HS256 and typ JWT in the header', async () => {
    const token = await tokenFor(doctor);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await verify(token, startsAt);
    expect(payload).toEqual({
      iss: 'oblako',
      aud: 'jitsi',
      sub: 'meet.clinic.example',
      room,
      iat: sec(issuedAt),
      nbf,
      exp,
      context: {
        user: {
          id: 'staff:7',
          name: 'Петрова Анна Сергеевна',
          email: 'petrova@clinic.example',
          affiliation: 'owner',
          moderator: true,
          lobby_bypass: true,
        },
      },
    } satisfies JWTPayload);
  });

  it("the patient's token makes a member: affiliation member, moderator false, no lobby bypass", async () => {
    const { payload } = await verify(await tokenFor(patient), startsAt);
    expect(payload.context).toEqual({
      user: { id: 'patient:42', name: 'Иванов Иван', affiliation: 'member', moderator: false },
    });
    expect(moderatorFlags(payload)).toEqual([['context.user.moderator', false]]);
    // mod_token_affiliation makes an owner of affiliation owner|moderator|teacher or moderator true|"true".
    const user = (payload.context as { user: Record<string, unknown> }).user;
    expect(['owner', 'moderator', 'teacher']).not.toContain(user.affiliation);
    expect([true, 'true']).not.toContain(user.moderator);
    expect(user).not.toHaveProperty('lobby_bypass');
  });

  it('is valid from 15 minutes before the start until 30 minutes after the end, and not outside', async () => {
    const token = await tokenFor(patient);
    await expect(verify(token, startsAt - 15 * 60_000)).resolves.toBeTruthy();
    await expect(verify(token, endsAt + 30 * 60_000 - 1000)).resolves.toBeTruthy();

    const early = verify(token, startsAt - 15 * 60_000 - 1000);
    await expect(early).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
    await expect(early).rejects.toMatchObject({ claim: 'nbf' });
    await expect(verify(token, startsAt - 24 * 3600_000)).rejects.toMatchObject({ claim: 'nbf' });

    await expect(verify(token, endsAt + 30 * 60_000)).rejects.toBeInstanceOf(errors.JWTExpired);
    await expect(verify(token, endsAt + 24 * 3600_000)).rejects.toBeInstanceOf(errors.JWTExpired);
  });

  it('a token signed with another secret, or a forged moderator claim, fails verification', async () => {
    const other = await createRoomToken({
      jitsi: { ...jitsi, appSecret: 'b'.repeat(64) },
      room,
      user: patient,
      startsAt,
      endsAt,
      issuedAt,
    });
    await expect(verify(other, startsAt)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);

    // A patient who edits the payload of their own token to claim moderator breaks the signature.
    const [header, body, signature] = (await tokenFor(patient)).split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    claims.context.user.moderator = true;
    claims.context.user.affiliation = 'owner';
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    await expect(verify(forged, startsAt)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
  });

  it('is refused by a verifier pinned to another issuer or audience', async () => {
    const token = await tokenFor(patient);
    const at = new Date(startsAt);
    await expect(jwtVerify(token, secret, { issuer: 'someone-else', currentDate: at })).rejects.toMatchObject({ claim: 'iss' });
    await expect(jwtVerify(token, secret, { audience: 'other', currentDate: at })).rejects.toMatchObject({ claim: 'aud' });
  });

  it('will not mint a token for a wildcard or foreign room, an empty window, or a short secret', async () => {
    const base = { jitsi, user: patient, startsAt, endsAt, issuedAt };
    await expect(createRoomToken({ ...base, room: '*' })).rejects.toThrow(/room/);
    await expect(createRoomToken({ ...base, room: 'consultation-42' })).rejects.toThrow(/room/);
    await expect(createRoomToken({ ...base, room: room.toUpperCase() })).rejects.toThrow(/room/);
    await expect(createRoomToken({ ...base, room: 'oz-short' })).rejects.toThrow(/room/);
    // 'oz-' + 32 hex (128 bits), the form scheduling made before newRoomName, is still one of ours.
    await expect(createRoomToken({ ...base, room: `oz-${'0123456789abcdef'.repeat(2)}` })).resolves.toMatch(/^eyJ/);
    await expect(createRoomToken({ ...base, room, endsAt: startsAt })).rejects.toThrow(RangeError);
    await expect(createRoomToken({ ...base, room, jitsi: { ...jitsi, appSecret: 'short' } })).rejects.toThrow(/32 bytes/);
    await expect(createRoomToken({ ...base, room, jitsi: { ...jitsi, domain: 'https://meet.x' } })).rejects.toThrow(/host name/);
    await expect(createRoomToken({ ...base, room, user: { ...patient, name: '  ' } })).rejects.toThrow(/name/);
  });
});
