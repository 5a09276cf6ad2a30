import { InlineKeyboard } from 'grammy';
import type { BookingService } from '../../../core/booking/service.js';
import { PATIENT_REMINDERS, PATIENT_REMINDER_TEMPLATE, reminderFresh, type PatientReminderKind } from '../../../core/jobs/rules.js';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Rendered, Translate } from '../../shared/outbox-sender.js';
import type { Renderers } from '../../shared/renderers.js';
import { cancelStep } from '../applications/keyboards.js';
import { consultationWhen } from '../applications/format.js';
import type { PatientBotDeps } from '../deps.js';
import { miniAppUrl } from '../menu-button.js';
import { mayCancel } from './cancel-terms.js';

/** What the patient reminder needs beyond the bot's own deps: whether the patient may still cancel. */
export type PatientReminderDeps = Pick<PatientBotDeps, 'clock' | 'scheduling' | 'patients' | 'staff' | 'regions' | 'publicUrl'> & {
  booking: Pick<BookingService, 'canCancel' | 'cancelDeadline' | 'limits'>;
};

const skip = (reason: string): Rendered => ({ kind: 'skip', reason });

/**
 * The patient's reminder, the day before or 15 minutes before, rendered when it goes out: only while the consultation
 * is still scheduled at the time it was queued for (moved or cancelled, it says nothing) and the reminder is still
 * worth sending. Join opens the Mini App (an inline web_app button carries init data; the Mini App lets the patient in
 * from 10 minutes before); Cancel is the same confirmation as under the booking notice, offered while the rules allow.
 */
export function reminderRenderers(deps: PatientReminderDeps): Renderers<typeof PATIENT_REMINDER_TEMPLATE> {
  return {
    [PATIENT_REMINDER_TEMPLATE]: (row, t, locale) => {
      const { consultationId, kind, startsAt } = row.params;
      const c = deps.scheduling.get(consultationId);
      const patient = c && c.accountId === row.chatId ? deps.patients.get(row.chatId, c.patientId) : undefined;
      if (!c || !patient) return skip('consultation or its profile is gone');
      if (c.status !== 'scheduled') return skip(`consultation is ${c.status}`);
      if (c.startsAt !== startsAt) return skip('consultation was moved to another time');
      const now = deps.clock.now();
      if (!reminderFresh(PATIENT_REMINDERS[kind], c.startsAt, now)) return skip('too late for this reminder');

      const details = {
        name: patient.fullName,
        doctor: deps.staff.byId(c.staffId)?.name ?? '—',
        mode: c.mode,
        ...consultationWhen(deps, c, patient.regionCode, locale),
      };
      const lines = [
        kind === 'day'
          ? t('rem-patient-day', details)
          : t('rem-patient-soon', { ...details, minutes: Math.max(1, Math.round((c.startsAt - now) / 60_000)) }),
        '',
      ];
      const app = deps.publicUrl?.startsWith('https://') ? miniAppUrl(deps.publicUrl) : undefined;
      if (kind === 'day') lines.push(app ? t('rem-patient-day-how') : t('rem-patient-day-how-menu', { app: t('menu-button-app') }));
      else lines.push(app ? t('rem-patient-soon-how') : t('rem-patient-soon-how-menu', { app: t('menu-button-app') }));
      const cancellable = mayCancel(deps, c, now);
      if (cancellable) lines.push(t('rem-patient-cancel-hint'));

      const keyboard = reminderKeyboard(deps, t, c.id, kind, cancellable);
      return { kind: 'message', text: lines.join('\n'), ...(keyboard.inline_keyboard.length ? { replyMarkup: keyboard } : {}) };
    },
  };
}

/** A reminder's buttons: into the Mini App, and Cancel while it can be (also what the reminder is edited to past the cut-off). */
export function reminderKeyboard(deps: Pick<PatientBotDeps, 'publicUrl'>, t: Translate, consultationId: number, kind: PatientReminderKind, cancellable: boolean): InlineKeyboardMarkup {
  const app = deps.publicUrl?.startsWith('https://') ? miniAppUrl(deps.publicUrl) : undefined;
  const keyboard = new InlineKeyboard();
  // The 15-minute one opens this consultation's screen, where Join is (the room page from there); the day-before one, home.
  if (app) keyboard.webApp(kind === 'day' ? t('rem-btn-open') : t('rem-btn-join'), kind === 'day' ? app : `${app}?consultation=${consultationId}`).row();
  if (cancellable) keyboard.text(t('consult-btn-cancel'), cancelStep(consultationId, 'ask'));
  return { inline_keyboard: keyboard.inline_keyboard.filter((r) => r.length > 0) };
}
