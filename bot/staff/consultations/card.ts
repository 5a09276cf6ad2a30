import { InlineKeyboard } from 'grammy';
import { ageOn, todayIn } from '../../../core/patients/birth-date.js';
import type { ConsultationView } from '../../../core/scheduling/service.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import type { Translate } from '../../shared/outbox-sender.js';
import type { StaffBotDeps } from '../deps.js';
import { consultData } from './callback-data.js';
import { dateIn, timeIn, zoneTag } from './format.js';

type CardDeps = Pick<StaffBotDeps, 'catalog' | 'applicationRepository' | 'conclusions' | 'clock' | 'outbox'>;

/**
 * "14:00 · №12 · Иванова Мария Петровна · видео", with the status when it is no longer planned and, once both sides
 * were in the call, how long it lasted (from the room page's attendance; "идёт" while it goes on).
 */
export function consultationLine(t: Translate, c: ConsultationView, timeZone: string, held?: { seconds: number; ongoing: boolean }): string {
  const heldText = !held ? 'none' : held.ongoing ? t('cons-held-ongoing') : t('cons-held-minutes', { minutes: Math.max(1, Math.round(held.seconds / 60)) });
  return t('cons-line', { time: timeIn(c.startsAt, timeZone), id: String(c.id), patient: c.patientName, mode: c.mode, status: c.status, held: heldText });
}

/** Everything the doctor needs before the call: who, when in their own zone, how, and what the application says. */
export function consultationCard(deps: CardDeps, t: Translate, locale: string, c: ConsultationView, viewer: StaffMember): { text: string; keyboard?: InlineKeyboard } {
  const now = deps.clock.now();
  const lines = [
    t('cons-card', {
      id: String(c.id),
      patient: c.patientName,
      age: ageOn(c.patientBirthDate, todayIn(c.patientTimeZone, now)),
      date: dateIn(c.startsAt, viewer.timeZone),
      time: timeIn(c.startsAt, viewer.timeZone),
      end: timeIn(c.endsAt, viewer.timeZone),
      zone: zoneTag(viewer.timeZone, c.startsAt, locale),
      mode: c.mode,
      status: c.status,
    }),
  ];
  // The doctor should know messages will not reach the patient (reminders, the link): call instead.
  if (c.accountId !== null && deps.outbox.isUnreachable(c.accountId)) lines.push(t('delivery-card-unreachable'));
  const app = c.applicationId === null ? undefined : deps.applicationRepository.byId(c.applicationId);
  if (app) {
    const center = deps.catalog.centers.find((x) => x.code === app.centerCode);
    const condition = center?.conditions.find((x) => x.code === app.conditionCode);
    lines.push(
      t('cons-card-application', {
        application: String(app.id),
        center: center ? (locale === 'en' ? center.shortName.en : center.shortName.ru) : app.centerCode,
        condition: condition ? (locale === 'en' ? condition.en : condition.ru) : app.conditionCode,
        diagnosis: app.diagnosis,
        complaints: app.complaints,
      }),
    );
  } else {
    lines.push(t('cons-card-no-application'));
  }
  const conclusion = c.status === 'completed' ? deps.conclusions.getByConsultation(c.id) : undefined;
  if (conclusion) {
    lines.push(t('cons-card-conclusion', { date: dateIn(conclusion.createdAt, viewer.timeZone), code: conclusion.verificationCode }));
  }
  // The actions are the consultation's own doctor's; an admin reading the card gets none.
  if (c.status !== 'scheduled' || c.staffId !== viewer.id) return { text: lines.join('\n\n') };
  const keyboard = new InlineKeyboard().text(t('cons-btn-join'), consultData.pack({ id: c.id, action: 'join' }));
  if (now >= c.startsAt) {
    keyboard.text(t('cons-btn-conclude'), consultData.pack({ id: c.id, action: 'conclude' })).row();
    keyboard.text(t('cons-btn-noshow'), consultData.pack({ id: c.id, action: 'noshow' }));
  }
  return { text: lines.join('\n\n'), keyboard };
}
