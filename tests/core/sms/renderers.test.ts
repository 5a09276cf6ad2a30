import type { Context } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../bot/shared/i18n.js';
import { NOTICE_FALLBACK, smsRenderers } from '../../../bot/sms/renderers.js';
import type { SmsPurpose } from '../../../core/outbox/templates.js';
import { REFERRAL_INVITE } from '../../../core/sms/repository.js';
import { smsErrorKind } from '../../../core/sms/error-kind.js';
import { QUIET_HOURS_REASON } from '../../../core/sms/quiet-hours.js';
import { countSegments } from '../../../core/sms/segments.js';
import { zonedToUtc } from '../../../core/time.js';
import { loadRegions } from '../../../core/catalog/regions.js';

const i18n = createI18n<Context>(() => undefined);
const translate = (locale: string, key: string, params: Record<string, string>) => i18n.t(locale, key, params);
const NOW = Date.UTC(2026, 10, 25, 7, 0);
const CODE = 'Ab3_x-Z9qK0w';

function render(purpose: SmsPurpose, params: Record<string, unknown>, username: string | null = 'oblako_zdorovya_bot') {
  return smsRenderers({ translate, botUsername: () => username ?? undefined })[purpose]!(params, { now: NOW });
}

const text = (r: ReturnType<typeof render>) => {
  if (r.kind !== 'text') throw new Error(`expected a text, got ${JSON.stringify(r)}`);
  return r.text;
};

describe('SMS texts', () => {
  it('the invite is Russian, carries the deep link and nothing about health, in 2 UCS-2 segments', () => {
    const invite = text(render(REFERRAL_INVITE, { code: CODE }));
    expect(invite).toBe('Облако здоровья: направление на онлайн-консультацию. Откройте: https://t.me/oblako_zdorovya_bot?start=ref_Ab3_x-Z9qK0w');
    expect(countSegments(invite)).toEqual({ encoding: 'ucs2', units: invite.length, segments: 2 });
    // Telegram's longest possible bot username still fits two segments.
    const longest = text(render(REFERRAL_INVITE, { code: CODE }, `a${'b'.repeat(28)}bot`));
    expect(countSegments(longest).segments).toBe(2);
    expect(longest.length).toBeLessThanOrEqual(134);
  });

  it('no username known: the invite waits instead of going out with a broken link', () => {
    expect(render(REFERRAL_INVITE, { code: CODE }, null)).toEqual({ kind: 'wait', reason: expect.stringMatching(/PATIENT_BOT_USERNAME/) });
  });

  it('malformed params are dropped with the reason, never sent', () => {
    expect(render(REFERRAL_INVITE, { code: 'short' })).toMatchObject({ kind: 'drop', reason: expect.stringMatching(/code not an invite code/) });
    expect(render(REFERRAL_INVITE, {})).toMatchObject({ kind: 'drop' });
    expect(render(NOTICE_FALLBACK, { notice: 'moved', startsAt: NOW + 1, timeZone: 'Europe/Moscow' })).toMatchObject({ kind: 'drop', reason: expect.stringMatching(/notice/) });
    expect(render(NOTICE_FALLBACK, { notice: 'scheduled', startsAt: NOW + 1, timeZone: 'Mars/Olympus' })).toMatchObject({ kind: 'drop', reason: expect.stringMatching(/timeZone/) });
  });

  it('fallback notices give the time in the patient’s own zone, relative to Moscow', () => {
    const at = zonedToUtc('2026-12-12', '14:30', 'Europe/Moscow');
    const msk = text(render(NOTICE_FALLBACK, { notice: 'scheduled', startsAt: at, timeZone: 'Europe/Moscow' }));
    expect(msk).toBe('Облако здоровья: консультация назначена на 12.12 14:30 по московскому времени (МСК). Подробности — в Telegram.');
    expect(countSegments(msk).segments).toBe(2);
    // Vladivostok is Moscow + 7: 14:30 in Moscow is 21:30 there.
    expect(text(render(NOTICE_FALLBACK, { notice: 'cancelled', startsAt: at, timeZone: 'Asia/Vladivostok' }))).toBe(
      'Облако здоровья: консультация 12.12 21:30 по владивостокскому времени (МСК+7) отменена. Подробности — в Telegram.',
    );
    // Kamchatka (Moscow + 9) crosses midnight: the date moves too.
    const late = zonedToUtc('2026-12-12', '20:00', 'Europe/Moscow');
    expect(text(render(NOTICE_FALLBACK, { notice: 'rescheduled', startsAt: late, timeZone: 'Asia/Kamchatka' }))).toBe(
      'Облако здоровья: консультация перенесена на 13.12 05:00 по камчатскому времени (МСК+9). Подробности — в Telegram.',
    );
  });

  it('English notices are pure GSM-7, one segment, Kaliningrad written with a plain hyphen', () => {
    const at = zonedToUtc('2026-12-12', '14:30', 'Europe/Moscow');
    for (const notice of ['scheduled', 'cancelled', 'rescheduled']) {
      const en = text(render(NOTICE_FALLBACK, { notice, startsAt: at, timeZone: 'Europe/Kaliningrad', locale: 'en' }));
      expect(en).toContain('12.12 13:30 Kaliningrad time (MSK-1)');
      expect(countSegments(en)).toMatchObject({ encoding: 'gsm7', segments: 1 });
    }
  });

  it('every Russian notice stays within two segments, whatever the zone', () => {
    const at = zonedToUtc('2026-12-12', '14:30', 'Europe/Moscow');
    const zones = new Set(loadRegions().flatMap((r) => r.timeZones.map((z) => z.tz)));
    for (const notice of ['scheduled', 'cancelled', 'rescheduled']) {
      for (const timeZone of zones) {
        const ru = text(render(NOTICE_FALLBACK, { notice, startsAt: at, timeZone }));
        expect(countSegments(ru).segments, ru).toBeLessThanOrEqual(2);
      }
    }
  });

  it('a notice about a consultation that has already started is not sent', () => {
    expect(render(NOTICE_FALLBACK, { notice: 'scheduled', startsAt: NOW - 60_000, timeZone: 'Europe/Moscow' })).toMatchObject({ kind: 'drop' });
  });
});

describe('segment counting', () => {
  it('GSM-7: 160 in one, 153 a part; an escaped character counts twice and is never split', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
    expect(countSegments('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    // 306 septets would be two parts, but the escaped € cannot straddle the first part's end: three.
    expect(countSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'gsm7', units: 306, segments: 3 });
  });

  it('UCS-2: 70 in one, 67 a part; one Cyrillic letter turns the whole text to UCS-2', () => {
    expect(countSegments('я'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(countSegments('я'.repeat(71)).segments).toBe(2);
    expect(countSegments('я'.repeat(134)).segments).toBe(2);
    expect(countSegments('я'.repeat(135)).segments).toBe(3);
    expect(countSegments(`${'a'.repeat(100)}я`)).toMatchObject({ encoding: 'ucs2', segments: 2 });
    // An emoji is a surrogate pair: two units, kept in one part.
    expect(countSegments('😀'.repeat(35))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(countSegments(`${'я'.repeat(66)}😀${'я'.repeat(66)}`)).toEqual({ encoding: 'ucs2', units: 134, segments: 3 });
  });
});

describe('recorded SMS errors, by kind', () => {
  it('tells the number, the account, limits and the provider apart, keeping the code', () => {
    expect(smsErrorKind('SMS.ru 207: no delivery route to this number')).toEqual({ kind: 'number', code: 'SMS.ru 207', gaveUp: false });
    expect(smsErrorKind('SMS.ru 201: not enough money on the SMS.ru account')).toEqual({ kind: 'balance', code: 'SMS.ru 201', gaveUp: false });
    expect(smsErrorKind('SMS.ru 200: invalid api_id (check SMSRU_API_ID)')).toMatchObject({ kind: 'setup' });
    expect(smsErrorKind('SMS.ru 231: limit of identical messages to this number per minute reached')).toMatchObject({ kind: 'limit' });
    expect(smsErrorKind('SMS.ru 216: forbidden word in the text')).toMatchObject({ kind: 'text' });
    expect(smsErrorKind('gave up after 52 attempts: SMS.ru HTTP 500')).toEqual({ kind: 'provider', code: 'HTTP 500', gaveUp: true });
    expect(smsErrorKind('SMS.ru did not answer within 15 s')).toEqual({ kind: 'provider', gaveUp: false });
    expect(smsErrorKind('the patient bot username is unknown (set PATIENT_BOT_USERNAME)')).toMatchObject({ kind: 'bot_username' });
    expect(smsErrorKind('SMS.ru 999: unknown status')).toMatchObject({ kind: 'provider', code: 'SMS.ru 999' });
    expect(smsErrorKind('renderer failed: boom')).toMatchObject({ kind: 'other' });
    expect(smsErrorKind(QUIET_HOURS_REASON)).toEqual({ kind: 'quiet_hours', gaveUp: false });
  });
});
