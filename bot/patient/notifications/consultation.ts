import type { ConsultationView } from '../../../core/scheduling/service.js';
import type { Renderer } from '../../shared/renderers.js';
import { centerName, consultationWhen, dateAndTime } from '../applications/format.js';
import type { Rendered, Translate } from '../../shared/outbox-sender.js';
import type { PatientBotDeps } from '../deps.js';
import { bookingKeyboard, cancelTerms, type CancelTermsDeps } from './cancel-terms.js';
import { nameArgs } from '../../../core/patients/declension.js';

/** The consultation and its profile, if both are still there under the addressed account. */
function consultationOf(deps: PatientBotDeps, row: { chatId: number; params: { consultationId: number } }) {
  const c = deps.scheduling.get(row.params.consultationId);
  const patient = c && c.accountId === row.chatId ? deps.patients.get(row.chatId, c.patientId) : undefined;
  return c && patient ? { c, patient } : undefined;
}

const gone = { kind: 'skip', reason: 'consultation or its profile is gone' } as const;

type BookingNoticeDeps = PatientBotDeps & CancelTermsDeps;

/** A booking notice's text with its paragraph on cancelling, and its buttons (Cancel only while it can be). */
function bookingNotice(deps: BookingNoticeDeps, t: Translate, locale: string, c: ConsultationView, text: string): Rendered {
  const now = deps.clock.now();
  const terms = cancelTerms(deps, t, c, locale, now);
  const keyboard = bookingKeyboard(deps, t, c, now);
  return { kind: 'message', text: terms ? `${text}\n\n${terms}` : text, ...(keyboard.inline_keyboard.length ? { replyMarkup: keyboard } : {}) };
}

/**
 * Scheduled: when in the patient's own zone, video or audio, the doctor; until when it can be cancelled (or moved), and
 * a button to cancel while it can.
 */
export function scheduledRenderer(deps: BookingNoticeDeps): Renderer<'consultation_scheduled'> {
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
    return bookingNotice(deps, t, locale, c, text);
  };
}

/** A move the patient made: from the old time to the new one in one message, with the terms and buttons of the booking. */
export function rescheduledRenderer(deps: BookingNoticeDeps): Renderer<'consultation_rescheduled'> {
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
    return bookingNotice(deps, t, locale, c, text);
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
