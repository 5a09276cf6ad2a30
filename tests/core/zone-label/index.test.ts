import { describe, expect, it } from 'vitest';
import { loadRegions } from '../../../core/catalog/regions.js';
import { mskOffset, zoneAt, zoneName } from '../../../core/zone-label/index.js';

const WINTER = Date.parse('2026-12-07T07:00:00Z');

describe('one way to write a time zone', () => {
  // The eleven zones of Russia, west to east.
  it.each([
    ['Europe/Kaliningrad', 'по калининградскому времени (МСК−1)', 'калининградское время (МСК−1)', 'Kaliningrad time (MSK−1)'],
    ['Europe/Moscow', 'по московскому времени (МСК)', 'московское время (МСК)', 'Moscow time (MSK)'],
    ['Europe/Samara', 'по самарскому времени (МСК+1)', 'самарское время (МСК+1)', 'Samara time (MSK+1)'],
    ['Asia/Yekaterinburg', 'по екатеринбургскому времени (МСК+2)', 'екатеринбургское время (МСК+2)', 'Yekaterinburg time (MSK+2)'],
    ['Asia/Omsk', 'по омскому времени (МСК+3)', 'омское время (МСК+3)', 'Omsk time (MSK+3)'],
    ['Asia/Novosibirsk', 'по новосибирскому времени (МСК+4)', 'новосибирское время (МСК+4)', 'Novosibirsk time (MSK+4)'],
    ['Asia/Irkutsk', 'по иркутскому времени (МСК+5)', 'иркутское время (МСК+5)', 'Irkutsk time (MSK+5)'],
    ['Asia/Yakutsk', 'по якутскому времени (МСК+6)', 'якутское время (МСК+6)', 'Yakutsk time (MSK+6)'],
    ['Asia/Vladivostok', 'по владивостокскому времени (МСК+7)', 'владивостокское время (МСК+7)', 'Vladivostok time (MSK+7)'],
    ['Asia/Magadan', 'по магаданскому времени (МСК+8)', 'магаданское время (МСК+8)', 'Magadan time (MSK+8)'],
    ['Asia/Kamchatka', 'по камчатскому времени (МСК+9)', 'камчатское время (МСК+9)', 'Kamchatka time (MSK+9)'],
  ])('%s', (tz, at, name, en) => {
    expect(zoneAt(tz, WINTER, 'ru')).toBe(at);
    expect(zoneName(tz, WINTER, 'ru')).toBe(name);
    expect(zoneAt(tz, WINTER, 'en')).toBe(en);
  });

  it('every zone of the regions list has its own words, never the fallback or an IANA id', () => {
    const zones = new Set(loadRegions().flatMap((r) => r.timeZones.map((z) => z.tz)));
    for (const tz of zones) {
      for (const locale of ['ru', 'en']) {
        const text = zoneAt(tz, WINTER, locale);
        expect(text, `${tz} ${locale}`).not.toMatch(/местному|local|\//);
      }
    }
  });

  it('a zone outside the list reads as local time with its offset, still without the id', () => {
    expect(zoneAt('Asia/Tbilisi', WINTER, 'ru')).toBe('по местному времени (МСК+1)');
    expect(mskOffset('Asia/Kolkata', WINTER, 'en')).toBe('MSK+2.5');
  });
});
