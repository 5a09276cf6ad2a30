import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { DomainError } from '../../../core/errors.js';
import { parsePeriod, presetPeriod } from '../../../core/reports/period.js';
import { quantile } from '../../../core/reports/percentile.js';
import { buildReport, type ReportRow } from '../../../core/reports/report.js';
import { manualClock } from '../../support/service-harness.js';
import { createCoreServices } from '../../support/scheduling-fixtures.js';
import { msk, seedNovember } from './seed.js';

const clock = manualClock(msk('2026-12-05 12:00'));
let services: Services;
let close: () => void;
beforeEach(() => {
  ({ services, close } = createCoreServices(clock));
});
afterEach(() => close());

const NOVEMBER = parsePeriod({ from: '2026-11-01', to: '2026-12-01' });
const rowOf = (rows: ReportRow[], center: string | null, path: string) => rows.find((r) => r.centerCode === center && r.path === path);

describe('quantile (linear interpolation between closest ranks)', () => {
  it('median of an odd and an even count, p90, one value, none', () => {
    expect(quantile([30, 10, 20], 0.5)).toBe(20);
    expect(quantile([24, 48, 30, 36], 0.5)).toBe(33);
    // h = (4 − 1) × 0.9 = 2.7: 36 + 0.7 × (48 − 36).
    expect(quantile([24, 30, 36, 48], 0.9)).toBeCloseTo(44.4, 10);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeUndefined();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

describe('report period', () => {
  it('is calendar days in Moscow, the end exclusive', () => {
    expect(NOVEMBER).toEqual({
      fromDate: '2026-11-01',
      toDate: '2026-12-01',
      timeZone: 'Europe/Moscow',
      from: Date.UTC(2026, 9, 31, 21, 0),
      to: Date.UTC(2026, 10, 30, 21, 0),
    });
    expect(parsePeriod({ from: '2026-11-01', to: '2026-11-02', timeZone: 'Asia/Vladivostok' }).from).toBe(Date.UTC(2026, 9, 31, 14, 0));
  });

  it('refuses what is not a real, non-empty period, naming the problem', () => {
    const problem = (input: Record<string, unknown>) => {
      try {
        parsePeriod(input);
        return 'accepted';
      } catch (err) {
        return err instanceof DomainError && err.code === 'period_invalid' ? err.details.problem : String(err);
      }
    };
    expect(problem({ from: '2026-02-30', to: '2026-03-01' })).toBe('from_invalid');
    expect(problem({ from: '01.11.2026', to: '2026-12-01' })).toBe('from_invalid');
    expect(problem({ from: '2026-11-01', to: 'tomorrow' })).toBe('to_invalid');
    expect(problem({ from: '2026-11-01' })).toBe('to_invalid');
    expect(problem({ from: '2026-11-01', to: '2026-11-01' })).toBe('empty');
    expect(problem({ from: '2026-12-01', to: '2026-11-01' })).toBe('empty');
    expect(problem({ from: '2026-11-01', to: '2026-12-01', timeZone: 'Mars/Olympus' })).toBe('zone_invalid');
  });

  it('presets follow the Moscow calendar, also just after midnight there', () => {
    const now = msk('2026-11-25 10:00');
    const days = (p: { fromDate: string; toDate: string }) => [p.fromDate, p.toDate];
    expect(days(presetPeriod('month', now))).toEqual(['2026-11-01', '2026-12-01']);
    expect(days(presetPeriod('previous_month', now))).toEqual(['2026-10-01', '2026-11-01']);
    expect(days(presetPeriod('last_7_days', now))).toEqual(['2026-11-19', '2026-11-26']);
    expect(days(presetPeriod('last_30_days', now))).toEqual(['2026-10-27', '2026-11-26']);
    // 00:30 on 1 January in Moscow is still 31 December in UTC.
    const newYear = msk('2027-01-01 00:30');
    expect(days(presetPeriod('month', newYear))).toEqual(['2027-01-01', '2027-02-01']);
    expect(days(presetPeriod('previous_month', newYear))).toEqual(['2026-12-01', '2027-01-01']);
  });
});

describe('buildReport', () => {
  it('counts each event in the period of its own timestamp, per center and path, without deleted patients', () => {
    seedNovember(services);
    const report = buildReport(services, NOVEMBER);
    expect(report.generatedAt).toBe(clock.now());
    expect(report.rows.map((r) => `${r.centerCode}/${r.path}`)).toEqual([
      'bakulev/own',
      'bakulev/referral',
      'bakulev/duty',
      'kulakov/own',
      'kulakov/referral',
      'kulakov/duty',
    ]);
    expect(rowOf(report.rows, 'bakulev', 'own')).toEqual({
      centerCode: 'bakulev',
      path: 'own',
      // 2, 5, 10, 20, 24 and 30 November 23:59; not 30 October, not 1 December 00:00, not the deleted patient's.
      submitted: 6,
      // Including the one taken at 1 November 00:00 that was submitted in October.
      taken: 6,
      scheduled: 4,
      completed: 1,
      declined: 1,
      noShows: 1,
      // 24, 30, 36 and 48 hours: the median of an even count is the mean of the middle two, p90 is interpolated.
      toScheduling: { count: 4, medianHours: 33, p90Hours: expect.closeTo(44.4, 10) },
      calls: { held: 0, medianMinutes: null, totalMinutes: 0 },
      referrals: null,
    });
    expect(rowOf(report.rows, 'bakulev', 'referral')).toEqual({
      centerCode: 'bakulev',
      path: 'referral',
      submitted: 0,
      taken: 0,
      scheduled: 0,
      completed: 0,
      declined: 0,
      noShows: 0,
      toScheduling: null,
      calls: { held: 0, medianMinutes: null, totalMinutes: 0 },
      referrals: { imported: 1, invited: 1, linked: 0 },
    });
    expect(rowOf(report.rows, 'bakulev', 'duty')).toEqual({
      centerCode: 'bakulev',
      path: 'duty',
      submitted: null,
      taken: null,
      // Booked in November (one since cancelled, one for December); not the one booked in October.
      scheduled: 4,
      // Appointments in November: the one booked in October counts here.
      completed: 2,
      declined: null,
      noShows: 1,
      toScheduling: null,
      // 18 minutes (the patient joined second and left first) and 25 (the doctor left first); the no-show's lone doctor is no call.
      calls: { held: 2, medianMinutes: 21.5, totalMinutes: 43 },
      referrals: null,
    });
    expect(rowOf(report.rows, 'kulakov', 'own')).toMatchObject({ submitted: 0, taken: 0, scheduled: 0, completed: 0, declined: 0, noShows: 0, toScheduling: null });
    expect(rowOf(report.rows, 'kulakov', 'referral')).toEqual({
      centerCode: 'kulakov',
      path: 'referral',
      submitted: 3,
      taken: 3,
      scheduled: 3,
      completed: 1,
      declined: 0,
      noShows: 0,
      // 10, 20 and 30 hours: h = 2 × 0.9 = 1.8, so 20 + 0.8 × 10.
      toScheduling: { count: 3, medianHours: 20, p90Hours: expect.closeTo(28, 10) },
      calls: { held: 0, medianMinutes: null, totalMinutes: 0 },
      // Imported 2, 2 and 29 November (not the October one); invited: the one sent in November; linked: two in November.
      referrals: { imported: 3, invited: 1, linked: 2 },
    });
    expect(rowOf(report.rows, 'kulakov', 'duty')).toMatchObject({ scheduled: 1, completed: 1, noShows: 0 });
  });

  it('an empty period has every row, all zeros, and no durations', () => {
    seedNovember(services);
    const report = buildReport(services, parsePeriod({ from: '2027-03-01', to: '2027-04-01' }));
    expect(report.rows).toHaveLength(6);
    for (const row of report.rows) {
      expect([row.submitted ?? 0, row.taken ?? 0, row.scheduled, row.completed, row.declined ?? 0, row.noShows]).toEqual([0, 0, 0, 0, 0, 0]);
      expect(row.toScheduling).toBeNull();
      expect(row.calls).toEqual({ held: 0, medianMinutes: null, totalMinutes: 0 });
    }
    expect(rowOf(report.rows, 'kulakov', 'referral')!.referrals).toEqual({ imported: 0, invited: 0, linked: 0 });
  });

  it('a single scheduled application has the same median and p90; a scope of one center leaves the other out', () => {
    seedNovember(services);
    const oneDay = parsePeriod({ from: '2026-11-04', to: '2026-11-05' });
    const report = buildReport(services, oneDay, { centers: ['kulakov'] });
    expect(report.rows.map((r) => r.centerCode)).toEqual(['kulakov', 'kulakov', 'kulakov']);
    // Nothing was scheduled on 4 November: the 10-hour one was scheduled on the 3rd at 20:00, the 20-hour one on the 5th.
    expect(rowOf(report.rows, 'kulakov', 'referral')!.toScheduling).toBeNull();
    const third = buildReport(services, parsePeriod({ from: '2026-11-03', to: '2026-11-04' }), { centers: ['kulakov'] });
    expect(rowOf(third.rows, 'kulakov', 'referral')).toMatchObject({ submitted: 1, scheduled: 1, toScheduling: { count: 1, medianHours: 10, p90Hours: 10 } });
  });
});
