import type { Services } from '../../app/services.js';
import type { Specialty } from '../../core/duty/specialty.js';
import { consultations } from '../../db/schema.js';

/** A duty doctor who has used their invite, with a specialty. */
export function addDutyDoctor(services: Services, telegramId: number, specialty: Specialty = 'cardiology', name = `Дежурный ${telegramId}`) {
  const { payload } = services.staffInvites.create({ name, role: 'duty_doctor' });
  const member = services.staffInvites.accept(payload, telegramId);
  services.duty.setSpecialty(member.id, specialty);
  return member;
}

/** A scheduled duty consultation inserted directly (the booking service's rules are not what such a test is about). */
export function bookDirectly(services: Services, patientId: number, staffId: number, slotId: number): number {
  return services.db
    .insert(consultations)
    .values({ patientId, staffId, slotId, mode: 'video', status: 'scheduled', room: services.video.roomName(), updatedAt: services.clock.now() })
    .returning({ id: consultations.id })
    .get().id;
}
