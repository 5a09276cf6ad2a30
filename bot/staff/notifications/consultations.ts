import type { Renderers } from '../../shared/renderers.js';
import { dateIn, timeIn, zoneTag } from '../consultations/format.js';
import type { StaffBotDeps } from '../deps.js';
import { nameArgs } from '../../../core/patients/declension.js';

/** Messages to doctors about their consultations, in their language and time zone. */
export function consultationRenderers(deps: Pick<StaffBotDeps, 'scheduling' | 'staff'>): Renderers<'consultation_cancelled_by_patient'> {
  return {
    consultation_cancelled_by_patient: (row, t, locale) => {
      const c = deps.scheduling.get(row.params.consultationId);
      const doctor = deps.staff.byTelegramId(row.chatId);
      // Only the consultation's own doctor hears about it; a deleted patient leaves nothing to tell.
      if (!c || !doctor || doctor.id !== c.staffId) return { kind: 'skip', reason: 'consultation gone or not this doctor’s' };
      const tz = doctor.timeZone;
      const params = {
        id: String(c.id),
        ...nameArgs('patient', c.patientName),
        date: dateIn(c.startsAt, tz),
        time: timeIn(c.startsAt, tz),
        zone: zoneTag(tz, c.startsAt, locale),
      };
      return {
        kind: 'message',
        text:
          c.applicationId === null
            ? t('cons-cancelled-by-patient', params)
            : t('cons-cancelled-by-patient-application', { ...params, application: String(c.applicationId) }),
      };
    },
  };
}
