import type { AuditLog } from '../audit.js';
import { DomainError } from '../errors.js';
import type { StaffMember } from '../staff/repository.js';
import type { RoomService } from '../room/index.js';
import type { VideoService } from '../video/index.js';
import type { ConsultationView, SchedulingService } from './service.js';

export interface StaffConsultationsDeps {
  audit: AuditLog;
  scheduling: Pick<SchedulingService, 'forStaff'>;
  video: Pick<VideoService, 'joinLink'>;
  /** The room page's one-time links; without a public address the doctor gets Jitsi's own URL. */
  room?: Pick<RoomService, 'available' | 'link'>;
}

/** The doctor's way in: the room page's one-time link (open before openBefore) or Jitsi's URL; the call's window. */
export interface StaffJoinLink {
  url: string;
  validFrom: number;
  validUntil: number;
  openBefore: number;
}

export type StaffConsultations = ReturnType<typeof createStaffConsultations>;

/**
 * A doctor opening a consultation's card or its room: who may (its doctor, an admin for the card) and the record of it.
 * DomainError consultation_not_found, not_your_consultation, consultation_not_open, and the video service's codes.
 */
export function createStaffConsultations(deps: StaffConsultationsDeps) {
  const { audit, scheduling, video, room } = deps;
  return {
    /** The consultation's card data: reading it is access to the patient's data, so it is recorded. */
    view(member: StaffMember, consultationId: number): ConsultationView {
      const c = scheduling.forStaff(member, consultationId);
      audit.record({ actor: { type: 'staff', id: member.id }, action: 'consultation.viewed', patientId: c.patientId, details: { consultationId: c.id } });
      return c;
    },

    /** The doctor's own link into the room: a moderator's token, valid around the appointment only. */
    async join(member: StaffMember, consultationId: number): Promise<{ consultation: ConsultationView; link: StaffJoinLink }> {
      const c = scheduling.forStaff(member, consultationId);
      // An admin may read any card, but only the consultation's own doctor is let into the call, as its moderator.
      if (c.staffId !== member.id) throw new DomainError('not_your_consultation');
      if (c.status !== 'scheduled') throw new DomainError('consultation_not_open');
      let link: StaffJoinLink;
      if (room?.available()) {
        const r = room.link(c, 'doctor', member.id);
        link = { url: r.url, validFrom: r.validFrom, validUntil: r.validUntil, openBefore: r.ticketExpiresAt };
      } else {
        const j = await video.joinLink({ room: c.room, user: { id: `staff:${member.id}`, name: member.name, moderator: true }, startsAt: c.startsAt, endsAt: c.endsAt });
        link = { url: `${j.url}#config.disableDeepLinking=true`, validFrom: j.validFrom, validUntil: j.validUntil, openBefore: j.validUntil };
      }
      audit.record({ actor: { type: 'staff', id: member.id }, action: 'consultation.join_link', patientId: c.patientId, details: { consultationId: c.id } });
      return { consultation: c, link };
    },
  };
}
