import type { Renderers } from '../../shared/renderers.js';
import { dateIn, doctorWhen, timeIn } from '../consultations/format.js';
import type { StaffBotDeps } from '../deps.js';
import { ownConsultation } from './own-consultation.js';
import { nameArgs } from '../../../core/patients/declension.js';

/** Messages to doctors about their consultations, in their language and time zone. */
export function consultationRenderers(deps: Pick<StaffBotDeps, 'scheduling' | 'staff'>): Renderers<'consultation_cancelled_by_patient' | 'consultation_rescheduled_by_patient'> {
  return {
    consultation_cancelled_by_patient: (row, t, locale) => {
      // Only the consultation's own doctor hears about it; a deleted patient leaves nothing to tell.
      const found = ownConsultation(deps, row, false);
      if ('skip' in found) return found.skip;
      const { c, doctor } = found;
      const params = { id: String(c.id), ...nameArgs('patient', c.patientName), ...doctorWhen(c.startsAt, doctor.timeZone, locale) };
      return {
        kind: 'message',
        text:
          c.applicationId === null
            ? t('cons-cancelled-by-patient', params)
            : t('cons-cancelled-by-patient-application', { ...params, application: String(c.applicationId) }),
      };
    },
    consultation_rescheduled_by_patient: (row, t, locale) => {
      // Moved again or cancelled since: that later notice tells the doctor what holds.
      const found = ownConsultation(deps, row, true);
      if ('skip' in found) return found.skip;
      const { c, doctor } = found;
      const tz = doctor.timeZone;
      return {
        kind: 'message',
        text: t('cons-rescheduled-by-patient', {
          id: String(c.id),
          ...nameArgs('patient', c.patientName),
          fromDate: dateIn(row.params.fromStartsAt, tz),
          fromTime: timeIn(row.params.fromStartsAt, tz),
          ...doctorWhen(c.startsAt, tz, locale),
        }),
      };
    },
  };
}
