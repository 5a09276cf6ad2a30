import { InlineKeyboard } from 'grammy';
import { DOCTOR_REMINDER, DOCTOR_REMINDER_TEMPLATE, NO_SHOW_OFFER_TEMPLATE, reminderFresh, TRIAGE_SLA_TEMPLATE } from '../../../core/jobs/rules.js';
import { tryParse } from '../../shared/domain-error-text.js';
import type { Rendered } from '../../shared/outbox-sender.js';
import type { Renderers } from '../../shared/renderers.js';
import { consultData, noShowData } from '../consultations/callback-data.js';
import { nameArgs } from '../../../core/patients/declension.js';
import { timeIn, zoneTag } from '../consultations/format.js';
import type { StaffBotDeps } from '../deps.js';
import { triageCard } from '../triage/card.js';
import { formatMoment } from '../triage/labels.js';

const skip = (reason: string): Rendered => ({ kind: 'skip', reason });

/** The doctor's 10-minute reminder and the triage SLA reminders, rendered when they go out. */
export function reminderRenderers(deps: StaffBotDeps): Renderers<typeof DOCTOR_REMINDER_TEMPLATE | typeof TRIAGE_SLA_TEMPLATE | typeof NO_SHOW_OFFER_TEMPLATE> {
  return {
    /** To the consultation's own doctor: who and when, and the button that gives the moderator's link (as /join does). */
    [DOCTOR_REMINDER_TEMPLATE]: (row, t, locale) => {
      const c = deps.scheduling.get(row.params.consultationId);
      const doctor = deps.staff.byTelegramId(row.chatId);
      if (!c || !doctor || doctor.id !== c.staffId) return skip('consultation gone or not this doctor’s');
      if (c.status !== 'scheduled') return skip(`consultation is ${c.status}`);
      if (c.startsAt !== row.params.startsAt) return skip('consultation was moved to another time');
      const now = deps.clock.now();
      if (!reminderFresh(DOCTOR_REMINDER, c.startsAt, now)) return skip('too late for this reminder');
      const text = t('rem-doctor-soon', {
        minutes: Math.max(1, Math.round((c.startsAt - now) / 60_000)),
        id: String(c.id),
        ...nameArgs('patient', c.patientName),
        time: timeIn(c.startsAt, doctor.timeZone),
        zone: zoneTag(doctor.timeZone, c.startsAt, locale),
        mode: c.mode,
      });
      return { kind: 'message', text, replyMarkup: new InlineKeyboard().text(t('cons-btn-join'), consultData.pack({ id: c.id, action: 'join' })) };
    },

    /** The patient has not come into the call: one button records the no-show (the patient is told), nothing else does. */
    [NO_SHOW_OFFER_TEMPLATE]: (row, t, locale) => {
      const c = deps.scheduling.get(row.params.consultationId);
      const doctor = deps.staff.byTelegramId(row.chatId);
      if (!c || !doctor || doctor.id !== c.staffId) return skip('consultation gone or not this doctor’s');
      if (c.status !== 'scheduled') return skip(`consultation is ${c.status}`);
      if (c.startsAt !== row.params.startsAt) return skip('consultation was moved to another time');
      const attendance = deps.room.attendance(c.id);
      if (attendance.patientJoinedAt !== null) return skip('the patient has come meanwhile');
      const text = t('rem-no-show-offer', {
        id: String(c.id),
        ...nameArgs('patient', c.patientName),
        time: timeIn(c.startsAt, doctor.timeZone),
        zone: zoneTag(doctor.timeZone, c.startsAt, locale),
      });
      return { kind: 'message', text, replyMarkup: new InlineKeyboard().text(t('rem-btn-no-show'), noShowData.pack({ id: c.id, yes: true })) };
    },

    /**
     * Doctors get the application's card (with Take) under the reminder; managers and admins a line without the
     * patient's health details, which are not theirs to read, and how many of the center's doctors the bot reaches.
     */
    [TRIAGE_SLA_TEMPLATE]: (row, t, locale) => {
      const { applicationId, level, audience } = row.params;
      const member = deps.staff.byTelegramId(row.chatId);
      const app = deps.applicationRepository.byId(applicationId);
      if (!member || !app) return skip('recipient or application is gone');
      if (app.status !== 'submitted' || app.assignedStaffId !== null) return skip('a doctor has taken it meanwhile');
      if (!deps.applicationRepository.patientOf(app.id)) return skip('the patient’s profile is gone');
      if (audience === 'doctor') {
        const visible = tryParse(() => deps.applications.forDoctor(member, app.id));
        if (!visible.ok) return skip('no longer this doctor’s center');
        const card = triageCard(deps, t, locale, visible.value, member, 'plain');
        return { kind: 'message', text: `${t('rem-sla-doctor', { id: String(app.id), hours: level })}\n\n${card.text}`, ...(card.replyMarkup ? { replyMarkup: card.replyMarkup } : {}) };
      }
      if (member.role !== 'manager' && member.role !== 'admin') return skip('recipient is no longer a manager');
      const center = deps.catalog.centers.find((x) => x.code === app.centerCode);
      return {
        kind: 'message',
        text: t('rem-sla-manager', {
          id: String(app.id),
          hours: level,
          center: center ? (locale === 'en' ? center.shortName.en : center.shortName.ru) : app.centerCode,
          submitted: `${formatMoment(app.submittedAt, member.timeZone)} (${zoneTag(member.timeZone, app.submittedAt, locale)})`,
          doctors: deps.staff.reachableDoctorsOf(app.centerCode).length,
        }),
      };
    },
  };
}
