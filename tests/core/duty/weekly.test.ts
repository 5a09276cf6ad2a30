import { describe, expect, it } from 'vitest';
import { groupTemplates, parseHoursRange, parseWeekdays } from '../../../core/duty/weekly.js';

describe('parsing what people type', () => {
  it('hours: a dash of any kind, dots or colons, one-digit hours, 24:00 as the end', () => {
    expect(parseHoursRange('09:00-13:00')).toEqual({ from: '09:00', to: '13:00' });
    expect(parseHoursRange(' 9:00 – 13:30 ')).toEqual({ from: '09:00', to: '13:30' });
    expect(parseHoursRange('09.00—13.00')).toEqual({ from: '09:00', to: '13:00' });
    expect(parseHoursRange('20:00-24:00')).toEqual({ from: '20:00', to: '24:00' });
    for (const bad of ['09-13', '9:00', '25:00-26:00', '09:60-10:00', 'утром', '09:00-13:00-14:00']) expect(parseHoursRange(bad), bad).toBeUndefined();
  });

  it('weekdays: three-letter names, any case, deduplicated and in order; anything unknown is refused', () => {
    expect(parseWeekdays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseWeekdays('Sun, mon ,MON')).toEqual([1, 7]);
    expect(parseWeekdays('mon,funday')).toBeUndefined();
    expect(parseWeekdays(' , ')).toBeUndefined();
  });
});

describe('groupTemplates', () => {
  it('weekdays sharing hours and slot length make one line; lines by first weekday, then start', () => {
    const t = (id: number, weekday: number, from: string, to: string, slotMinutes = 30) => ({ id, staffId: 1, weekday, from, to, slotMinutes });
    expect(
      groupTemplates([t(1, 5, '09:00', '13:00'), t(2, 1, '09:00', '13:00'), t(3, 2, '15:00', '18:00', 20), t(4, 1, '14:00', '16:00'), t(5, 3, '09:00', '13:00')]),
    ).toEqual([
      { from: '09:00', to: '13:00', slotMinutes: 30, weekdays: [1, 3, 5], templateIds: [2, 5, 1] },
      { from: '14:00', to: '16:00', slotMinutes: 30, weekdays: [1], templateIds: [4] },
      { from: '15:00', to: '18:00', slotMinutes: 20, weekdays: [2], templateIds: [3] },
    ]);
  });
});
