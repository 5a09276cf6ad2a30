import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegions, searchRegions } from '../../../core/catalog/regions.js';

const regions = loadRegions();
const byCode = (code: string) => regions.find((r) => r.code === code)!;
const codes = (query: string) => searchRegions(regions, query).map((r) => r.code);

describe('the list of federal subjects', () => {
  it('has the 89 subjects of the Russian Constitution, each code once', () => {
    expect(regions).toHaveLength(89);
    expect(new Set(regions.map((r) => r.code)).size).toBe(89);
  });

  it('includes the subjects the Russian list adds, under consistent codes', () => {
    for (const code of ['RU-CR', 'RU-SEV', 'RU-DPR', 'RU-LPR', 'RU-ZAP', 'RU-KHE']) expect(byCode(code)).toBeDefined();
    expect(byCode('RU-PRI').ru).toBe('Приморский край');
    expect(byCode('RU-MOW').ru).toBe('Москва');
  });

  it('lists only time zones this runtime can format, with a city label in both languages', () => {
    for (const region of regions) {
      for (const zone of region.timeZones) {
        expect(() => new Intl.DateTimeFormat('en', { timeZone: zone.tz }), `${region.code} ${zone.tz}`).not.toThrow();
        expect(zone.ru.length).toBeGreaterThan(0);
        expect(zone.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('puts the capital zone first and lists every zone of the subjects spanning several', () => {
    const tz = (code: string) => byCode(code).timeZones.map((z) => z.tz);
    expect(tz('RU-SA')).toEqual(['Asia/Yakutsk', 'Asia/Ust-Nera', 'Asia/Srednekolymsk']);
    expect(tz('RU-SAK')).toEqual(['Asia/Sakhalin', 'Asia/Srednekolymsk']);
    expect(tz('RU-KGD')).toEqual(['Europe/Kaliningrad']);
    expect(tz('RU-UD')).toEqual(['Europe/Samara']);
    expect(tz('RU-KEM')).toEqual(['Asia/Novokuznetsk']);
    expect(tz('RU-CR')).toEqual(['Europe/Simferopol']);
    expect(tz('RU-SEV')).toEqual(['Europe/Simferopol']);
    expect(tz('RU-CHU')).toEqual(['Asia/Anadyr']);
  });

  it('refuses a file with an unknown time zone or a repeated code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regions-'));
    const write = (data: unknown) => {
      const file = join(dir, `${Math.random()}.json`);
      writeFileSync(file, JSON.stringify(data));
      return file;
    };
    const region = { code: 'RU-MOW', ru: 'Москва', en: 'Moscow', timeZones: [{ tz: 'Europe/Moscow', ru: 'Москва', en: 'Moscow' }] };
    expect(() => loadRegions(write({ about: '', regions: [{ ...region, timeZones: [{ tz: 'Europe/Atlantis', ru: 'x', en: 'x' }] }] }))).toThrow();
    expect(() => loadRegions(write({ about: '', regions: [region, region] }))).toThrow(/unique/);
    expect(loadRegions(write({ about: '', regions: [region] }))).toHaveLength(1);
  });
});

describe('searchRegions', () => {
  it('finds a region by the first letters of a word of its name', () => {
    expect(codes('примор')[0]).toBe('RU-PRI');
    expect(codes('Примор')[0]).toBe('RU-PRI');
    expect(codes('primor')[0]).toBe('RU-PRI');
  });

  it('"моск" gives the city first, then the oblast', () => {
    expect(codes('моск').slice(0, 2)).toEqual(['RU-MOW', 'RU-MOS']);
    expect(codes('mosc').slice(0, 2)).toEqual(['RU-MOW', 'RU-MOS']);
  });

  it('matches word starts anywhere in the name', () => {
    expect(codes('якут')).toEqual(['RU-SA']);
    expect(codes('балкар')).toEqual(['RU-KB']);
    expect(codes('кузбасс')).toEqual(['RU-KEM']);
    expect(codes('yakut')).toEqual(['RU-SA']);
  });

  it('finds Saint Petersburg by its everyday names', () => {
    expect(codes('спб')[0]).toBe('RU-SPE');
    expect(codes('СПб')[0]).toBe('RU-SPE');
    expect(codes('питер')[0]).toBe('RU-SPE');
    expect(codes('петербург')[0]).toBe('RU-SPE');
  });

  it('treats ё as е and ignores the kind of subject', () => {
    expect(codes('орел')).toContain('RU-ORL');
    expect(codes('Орёл')).toContain('RU-ORL');
    expect(codes('Приморский край')).toEqual(['RU-PRI']);
    expect(codes('обл. московская')[0]).toBe('RU-MOS');
    expect(codes('республика алтай')[0]).toBe('RU-AL');
    expect(codes('алтайский край')).toEqual(['RU-ALT']);
  });

  it('finds a region by a city of its zones', () => {
    expect(codes('казань')).toEqual(['RU-TA']);
    expect(codes('нижний новгород')).toEqual(['RU-NIZ']);
    expect(codes('новгород')[0]).toBe('RU-NGR');
  });

  it('undoes a query typed in the wrong keyboard layout', () => {
    expect(codes('ghbvjh')[0]).toBe('RU-PRI');
  });

  it('returns at most `limit` regions', () => {
    expect(searchRegions(regions, 'ка').length).toBeLessThanOrEqual(8);
    expect(searchRegions(regions, 'ка', 3)).toHaveLength(3);
  });

  it('returns nothing for empty, too short, kind-only or garbage queries', () => {
    for (const query of ['', '   ', 'м', '%%%', '12345', 'область', 'край', 'zzzzqqq', 'республика']) {
      expect(searchRegions(regions, query), JSON.stringify(query)).toEqual([]);
    }
  });
});
