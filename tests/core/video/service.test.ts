import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../core/clock.js';
import { DomainError } from '../../../core/errors.js';
import { createVideoService } from '../../../core/video/service.js';
import { roomUrl } from '../../../core/video/links.js';

const jitsi = { domain: 'meet.clinic.example', appId: 'oblako', appSecret: 'c'.repeat(64) };
const startsAt = Date.parse('2026-03-10T07:00:00Z');
const endsAt = Date.parse('2026-03-10T07:30:00Z');
const patient = { id: 'patient:42', name: 'Иванов Иван', moderator: false };
const clockAt = (ms: number): Clock => ({ now: () => ms });

describe('createVideoService', () => {
  it('gives a personal link into the room whose token verifies, issued at the clock time', async () => {
    const now = startsAt - 3600_000;
    const video = createVideoService(jitsi, clockAt(now));
    const room = video.roomName();
    const link = await video.joinLink({ room, user: patient, startsAt, endsAt });

    expect(link.url).toBe(`https://meet.clinic.example/${room}?jwt=${link.token}`);
    expect(link).toMatchObject({ domain: 'meet.clinic.example', room });
    expect(link.validFrom).toBe(startsAt - 15 * 60_000);
    expect(link.validUntil).toBe(endsAt + 30 * 60_000);
    const { payload } = await jwtVerify(link.token, new TextEncoder().encode(jitsi.appSecret), {
      issuer: 'oblako',
      audience: 'jitsi',
      currentDate: new Date(startsAt),
    });
    expect(payload).toMatchObject({ room, iat: now / 1000 });
  });

  it('without Jitsi configured: room names still come, links fail with video_not_configured', async () => {
    const video = createVideoService(undefined, clockAt(startsAt));
    expect(video.roomName()).toMatch(/^oz-[a-z2-7]{32}$/);
    const link = video.joinLink({ room: video.roomName(), user: patient, startsAt, endsAt });
    await expect(link).rejects.toBeInstanceOf(DomainError);
    await expect(link).rejects.toMatchObject({ code: 'video_not_configured' });
  });

  it('after the window has closed no link is made: video_window_closed', async () => {
    const video = createVideoService(jitsi, clockAt(endsAt + 30 * 60_000));
    await expect(video.joinLink({ room: video.roomName(), user: patient, startsAt, endsAt })).rejects.toMatchObject({
      code: 'video_window_closed',
    });
    const justBefore = createVideoService(jitsi, clockAt(endsAt + 30 * 60_000 - 1000));
    await expect(justBefore.joinLink({ room: justBefore.roomName(), user: patient, startsAt, endsAt })).resolves.toBeTruthy();
  });

  it('refuses at start a secret too short for HS256 or a domain given as a URL', () => {
    expect(() => createVideoService({ ...jitsi, appSecret: 'secret' }, clockAt(0))).toThrow(/JITSI_APP_SECRET/);
    expect(() => createVideoService({ ...jitsi, domain: 'https://meet.clinic.example/' }, clockAt(0))).toThrow(/JITSI_DOMAIN/);
  });
});

describe('roomUrl', () => {
  it('keeps a port in the domain and puts the token in the jwt parameter', () => {
    expect(roomUrl({ domain: 'meet.clinic.example:8443' }, 'oz-abc', 'h.p.s')).toBe('https://meet.clinic.example:8443/oz-abc?jwt=h.p.s');
  });
});
