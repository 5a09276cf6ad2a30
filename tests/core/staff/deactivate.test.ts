import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { OPERATOR, patientActor, staffActor } from '../../../core/actor.js';
import { auditLog } from '../../../db/schema.js';
import { codeOf } from '../../support/domain-error.js';
import { createCoreServices, WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';
import { manualClock } from '../../support/service-harness.js';

const clock = manualClock(WEDNESDAY_10_MSK);
let services: Services;
let close: () => void;
beforeEach(() => {
  ({ services, close } = createCoreServices(clock));
});
afterEach(() => close());

function addStaff(role: 'doctor' | 'manager' | 'admin', telegramId: number) {
  const { payload } = services.staffInvites.create({ name: `${role} ${telegramId}`, role, ...(role === 'doctor' ? { centerCode: 'bakulev' } : {}) });
  return services.staffInvites.accept(payload, telegramId);
}

const deactivations = () =>
  services.db
    .select()
    .from(auditLog)
    .all()
    .filter((a) => a.action === 'staff.deactivated')
    .map((a) => [a.actorType, a.actorId, JSON.parse(a.details!)]);

describe('deactivating a staff member', () => {
  it('the operator (CLI) and an admin may, each recorded; a manager, a doctor or a patient may not', () => {
    const doctor = addStaff('doctor', 6001);
    const manager = addStaff('manager', 6002);
    const admin = addStaff('admin', 6003);
    for (const actor of [staffActor(manager), staffActor(doctor), patientActor(9001)]) {
      expect(codeOf(() => services.deactivateStaff(actor, doctor.id))).toBe('staff_not_allowed');
    }
    expect(services.staff.byTelegramId(6001)).toBeDefined();
    services.deactivateStaff(OPERATOR, doctor.id);
    services.deactivateStaff(staffActor(admin), manager.id);
    expect(services.staff.byTelegramId(6001)).toBeUndefined();
    expect(services.staff.byTelegramId(6002)).toBeUndefined();
    expect(codeOf(() => services.deactivateStaff(OPERATOR, 999))).toBe('staff_not_found');
    expect(deactivations()).toEqual([
      ['system', null, { staffId: doctor.id }],
      ['staff', admin.id, { staffId: manager.id }],
    ]);
  });
});
