import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../api/services.js';
import { addWeeklyTemplates, groupTemplates, parseHoursRange, parseWeekdays } from '../../../core/duty/weekly.js';
import { auditLog } from '../../../db/schema.js';
import { codeOf } from '../../support/domain-error.js';
import { addDutyDoctor } from '../../support/duty-fixtures.js';
import { createCoreServices, WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';
import { manualClock } from '../../support/service-harness.js';

const clock = manualClock(WEDNESDAY_10_MSK);
let services: Services;
let close: () => void;
beforeEach(() => {
  clock.set(WEDNESDAY_10_MSK);
  ({ services, close } = createCoreServices(clock));
});
afterEach(() => close());

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

describe('addWeeklyTemplates', () => {
  it('adds the same hours on each weekday and generates their slots', () => {
    const doc = addDutyDoctor(services, 6001);
    const { templates, opened } = addWeeklyTemplates(services, doc.id, [5, 1, 3, 1], { from: '09:00', to: '13:00', slotMinutes: 30 });
    expect(templates.map((t) => t.weekday)).toEqual([1, 3, 5]);
    // Wednesday 10:00: today keeps 10:30…12:30 (5), then nine more Mon/Wed/Fri within 21 days, 8 each.
    expect(opened).toBe(5 + 9 * 8);
  });

  it('is all or nothing: one overlapping weekday adds none, and leaves no audit record of the others', () => {
    const doc = addDutyDoctor(services, 6001);
    services.duty.addTemplate(doc.id, { weekday: 5, from: '12:00', to: '14:00', slotMinutes: 30 });
    const slotsBefore = services.duty.schedule(doc.id, 0, Number.MAX_SAFE_INTEGER).length;
    const auditBefore = services.db.select().from(auditLog).all().length;
    expect(codeOf(() => addWeeklyTemplates(services, doc.id, [1, 3, 5], { from: '09:00', to: '13:00', slotMinutes: 30 }))).toBe('template_overlaps');
    expect(services.duty.templates(doc.id).map((t) => t.weekday)).toEqual([5]);
    expect(services.duty.schedule(doc.id, 0, Number.MAX_SAFE_INTEGER)).toHaveLength(slotsBefore);
    expect(services.db.select().from(auditLog).all()).toHaveLength(auditBefore);
  });

  it('refuses an empty or impossible list of weekdays, and staff who are not duty doctors', () => {
    const doc = addDutyDoctor(services, 6001);
    const hours = { from: '09:00', to: '13:00', slotMinutes: 30 };
    expect(codeOf(() => addWeeklyTemplates(services, doc.id, [], hours))).toBe('template_invalid');
    expect(codeOf(() => addWeeklyTemplates(services, doc.id, [0, 8], hours))).toBe('template_invalid');
    const { payload } = services.staffInvites.create({ name: 'Менеджер Ирина', role: 'manager' });
    const manager = services.staffInvites.accept(payload, 6002);
    expect(codeOf(() => addWeeklyTemplates(services, manager.id, [1], hours))).toBe('not_duty_doctor');
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
