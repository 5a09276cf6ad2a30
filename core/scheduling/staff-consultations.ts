import type { AuditLog } from '../audit.js';
import { DomainError } from '../errors.js';
import type { StaffMember } from '../staff/repository.js';
import type { JoinLink, VideoService } from '../video/index.js';
import type { ConsultationView, SchedulingService } from './service.js';

export interface StaffConsultationsDeps {
  audit: AuditLog;
  scheduling: Pick<SchedulingService, 'forStaff'>;
  video: Pick<VideoService, 'joinLink'>;
}

export type StaffConsultations = ReturnType<typeof createStaffConsultations>;

/**
 * A doctor opening a consultation's card or its room: who may (its doctor, an admin for the card) and the record of it.
 * DomainError consultation_not_found, not_your_consultation, consultation_not_open, and the video service's codes.
 */
export function createStaffConsultations(deps: StaffConsultationsDeps) {
  const { audit, scheduling, video } = deps;
  return {
    /** The consultation's card data: reading it is access to the patient's data, so it is recorded. */
    view(member: StaffMember, consultationId: number): ConsultationView {
      const c = scheduling.forStaff(member, consultationId);
      audit.record({ actor: { type: 'staff', id: member.id }, action: 'consultation.viewed', patientId: c.patientId, details: { consultationId: c.id } });
      return c;
    },

    /** The doctor's own link into the room: a moderator's token, valid around the appointment only. */
    async join(member: StaffMember, consultationId: number): Promise<{ consultation: ConsultationView; link: JoinLink }> {
      const c = scheduling.forStaff(member, consultationId);
      // An admin may read any card, but only the consultation's own doctor is let into the call, as its moderator.
      if (c.staffId !== member.id) throw new DomainError('not_your_consultation');
      if (c.status !== 'scheduled') throw new DomainError('consultation_not_open');
      const link = await video.joinLink({ room: c.room, user: { id: `staff:${member.id}`, name: member.name, moderator: true }, startsAt: c.startsAt, endsAt: c.endsAt });
      audit.record({ actor: { type: 'staff', id: member.id }, action: 'consultation.join_link', patientId: c.patientId, details: { consultationId: c.id } });
      return { consultation: c, link };
    },
  };
}
