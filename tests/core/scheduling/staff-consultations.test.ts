import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../app/services.js';
import { zonedToUtc } from '../../../core/time.js';
import { auditLog } from '../../../db/schema.js';
import { codeOf } from '../../support/domain-error.js';
import { addDutyDoctor, bookDirectly } from '../../support/duty-fixtures.js';
import { addPatient, createCoreServices, WEDNESDAY_10_MSK } from '../../support/scheduling-fixtures.js';
import { manualClock } from '../../support/service-harness.js';

const clock = manualClock(WEDNESDAY_10_MSK);
let services: Services;
let close: () => void;
beforeEach(() => {
  clock.set(WEDNESDAY_10_MSK);
  ({ services, close } = createCoreServices(clock));
});
afterEach(() => close());

const records = () =>
  services.db
    .select()
    .from(auditLog)
    .all()
    .filter((a) => a.action.startsWith('consultation.'))
    .map((a) => [a.actorId, a.action, a.patientId]);

function addAdmin() {
  const { payload } = services.staffInvites.create({ name: 'Администратор', role: 'admin' });
  return services.staffInvites.accept(payload, 6999);
}

describe('a doctor opening a consultation', () => {
  it('its doctor and an admin read the card, each reading recorded; another doctor is told it does not exist', async () => {
    const doc = addDutyDoctor(services, 6001);
    const other = addDutyDoctor(services, 6002);
    const admin = addAdmin();
    services.duty.addTemplate(doc.id, { weekday: 3, from: '10:30', to: '11:00', slotMinutes: 30 });
    const at = zonedToUtc('2026-11-25', '10:30', 'Europe/Moscow');
    const patientId = addPatient(services, 9001);
    const id = bookDirectly(services, patientId, doc.id, services.duty.schedule(doc.id, at, at + 1)[0]!.id);

    expect(services.staffConsultations.view(doc, id).id).toBe(id);
    expect(services.staffConsultations.view(admin, id).id).toBe(id);
    expect(codeOf(() => services.staffConsultations.view(other, id))).toBe('consultation_not_found');
    // Only the consultation's own doctor enters the room, as its moderator.
    await expect(services.staffConsultations.join(admin, id)).rejects.toMatchObject({ code: 'not_your_consultation' });
    await expect(services.staffConsultations.join(other, id)).rejects.toMatchObject({ code: 'consultation_not_found' });
    clock.set(at - 5 * 60_000);
    const { link } = await services.staffConsultations.join(doc, id);
    expect(link.url).toMatch(new RegExp(`/room/${id}\\?t=`));
    expect(link.url).not.toContain('jwt');
    expect(records()).toEqual([
      [doc.id, 'consultation.viewed', patientId],
      [admin.id, 'consultation.viewed', patientId],
      [doc.id, 'consultation.join_link', patientId],
    ]);
  });
});
