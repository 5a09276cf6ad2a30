import type { Renderer } from '../../shared/renderers.js';
import { centerName, consultationWhen, dateAndTime } from '../applications/format.js';
import { cancelConsultationKeyboard } from '../applications/keyboards.js';
import { withAskDoctor } from '../duty-chat/keyboards.js';
import type { PatientBotDeps } from '../deps.js';
import { nameArgs } from '../../../core/patients/declension.js';

/** The consultation and its profile, if both are still there under the addressed account. */
function consultationOf(deps: PatientBotDeps, row: { chatId: number; params: { consultationId: number } }) {
  const c = deps.scheduling.get(row.params.consultationId);
  const patient = c && c.accountId === row.chatId ? deps.patients.get(row.chatId, c.patientId) : undefined;
  return c && patient ? { c, patient } : undefined;
}

const gone = { kind: 'skip', reason: 'consultation or its profile is gone' } as const;

/** Scheduled: when in the patient's own zone, video or audio, the doctor, and a button to cancel. */
export function scheduledRenderer(deps: PatientBotDeps): Renderer<'consultation_scheduled'> {
  return (row, t, locale) => {
    const found = consultationOf(deps, row);
    if (!found) return gone;
    const { c, patient } = found;
    // Cancelled before this message went out: announcing it now would only mislead.
    if (c.status !== 'scheduled') return { kind: 'skip', reason: `consultation is ${c.status}` };
    const doctor = deps.staff.byId(c.staffId);
    const app = c.applicationId === null ? undefined : deps.applications.ofAccount(row.chatId).find((a) => a.id === c.applicationId);
    const centerCode = app?.centerCode ?? doctor?.centerCode;
    const text = t('consult-note-scheduled', {
      name: patient.fullName,
      center: centerCode ? centerName(deps.catalog, centerCode, locale) : '—',
      doctor: doctor?.name ?? '—',
      mode: c.mode,
      ...consultationWhen(deps, c, patient.regionCode, locale),
    });
    return { kind: 'message', text, replyMarkup: withAskDoctor(cancelConsultationKeyboard(t, c.id), deps, t, c.id) };
  };
}

/** A move the patient made: from the old time to the new one in one message, with the buttons of the booking. */
export function rescheduledRenderer(deps: PatientBotDeps): Renderer<'consultation_rescheduled'> {
  return (row, t, locale) => {
    const found = consultationOf(deps, row);
    if (!found) return gone;
    const { c, patient } = found;
    if (c.status !== 'scheduled') return { kind: 'skip', reason: `consultation is ${c.status}` };
    const text = t('consult-note-rescheduled', {
      name: patient.fullName,
      from: dateAndTime(row.params.fromStartsAt, c.patientTimeZone, locale),
      to: dateAndTime(c.startsAt, c.patientTimeZone, locale),
      doctor: deps.staff.byId(c.staffId)?.name ?? '—',
      mode: c.mode,
      ...consultationWhen(deps, c, patient.regionCode, locale),
    });
    return { kind: 'message', text, replyMarkup: withAskDoctor(cancelConsultationKeyboard(t, c.id), deps, t, c.id) };
  };
}

/** The doctor waited and the patient did not come: said without blame, with what happens next. */
export function noShowRenderer(deps: PatientBotDeps): Renderer<'consultation_no_show'> {
  return (row, t, locale) => {
    const found = consultationOf(deps, row);
    if (!found) return gone;
    const { c, patient } = found;
    return { kind: 'message', text: t('consult-note-no-show', { ...nameArgs('name', patient.fullName), ...consultationWhen(deps, c, patient.regionCode, locale) }) };
  };
}
