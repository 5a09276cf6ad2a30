import { DUTY_BOOKED_TEMPLATE } from '../../../core/booking/service.js';
import type { Renderers } from '../../shared/renderers.js';
import { doctorWhen } from '../consultations/format.js';
import type { StaffBotDeps } from '../deps.js';
import { ownConsultation } from './own-consultation.js';

/** Messages to duty doctors about their schedule, in their language and time zone. */
export function dutyRenderers(deps: Pick<StaffBotDeps, 'scheduling' | 'staff'>): Renderers<typeof DUTY_BOOKED_TEMPLATE> {
  return {
    /** A patient booked one of the doctor's duty slots: who, when in the doctor's zone, how. */
    [DUTY_BOOKED_TEMPLATE]: (row, t, locale) => {
      // Cancelled before the notice went out: the doctor has nothing to prepare for.
      const found = ownConsultation(deps, row, true);
      if ('skip' in found) return found.skip;
      const { c, doctor } = found;
      return {
        kind: 'message',
        text: t('slots-note-booked', { id: String(c.id), patient: c.patientName, ...doctorWhen(c.startsAt, doctor.timeZone, locale), mode: c.mode }),
      };
    },
  };
}
