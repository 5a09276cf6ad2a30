import { InlineKeyboard } from 'grammy';
import { CANCELLED_BY_DOCTOR_TEMPLATE, WAITLIST_SLOT_FREE_TEMPLATE } from '../../../core/duty/index.js';
import { waitlistOffer } from '../../../core/duty/offer.js';
import { consultationWhen } from '../applications/format.js';
import { miniAppUrl } from '../menu-button.js';
import type { Rendered } from '../../shared/outbox-sender.js';
import type { Renderers } from '../../shared/renderers.js';
import type { PatientBotDeps } from '../deps.js';

type DutyNoticeDeps = Pick<PatientBotDeps, 'db' | 'clock' | 'scheduling' | 'patients' | 'regions' | 'publicUrl'>;

/**
 * A message that asks the patient to book in the Mini App: with an inline web_app button when the service has a public
 * https address (Telegram opens web apps over https only, and an inline button carries init data, a reply keyboard does
 * not); otherwise the words point to the bot's menu.
 */
function withBooking(publicUrl: string | undefined, lines: string[], texts: { ask: string; button: string; menu: string }): Rendered {
  if (publicUrl?.startsWith('https://')) {
    return { kind: 'message', text: [...lines, '', texts.ask].join('\n'), replyMarkup: new InlineKeyboard().webApp(texts.button, miniAppUrl(publicUrl)) };
  }
  return { kind: 'message', text: [...lines, '', texts.menu].join('\n') };
}

/** Duty-schedule news for patients: a doctor's cancellation, and a freed time on a day they waited for. */
export function dutyRenderers(deps: DutyNoticeDeps): Renderers<typeof CANCELLED_BY_DOCTOR_TEMPLATE | typeof WAITLIST_SLOT_FREE_TEMPLATE> {
  return {
    /** Kind words, when it was (patient's zone), the reason, and how to rebook. */
    [CANCELLED_BY_DOCTOR_TEMPLATE]: (row, t, locale) => {
      const c = deps.scheduling.get(row.params.consultationId);
      const patient = c && c.accountId === row.chatId ? deps.patients.get(row.chatId, c.patientId) : undefined;
      if (!c || !patient) return { kind: 'skip', reason: 'consultation or its profile is gone' };
      if (c.status !== 'cancelled') return { kind: 'skip', reason: `consultation is ${c.status}` };
      const reason = row.params.reason?.trim() ?? '';
      const lines = [t('duty-note-cancelled', { name: patient.fullName, ...consultationWhen(deps, c, patient.regionCode, locale) })];
      if (reason) lines.push(t('duty-note-cancel-reason', { reason }));
      // A center's consultation is rebooked by its doctor, not by the patient.
      if (c.applicationId !== null) return { kind: 'message', text: [...lines, '', t('duty-note-cancelled-application')].join('\n') };
      return withBooking(deps.publicUrl, lines, {
        ask: t('duty-note-cancelled-rebook'),
        button: t('duty-btn-rebook'),
        menu: t('duty-note-cancelled-rebook-menu', { app: t('menu-button-app') }),
      });
    },

    /** The freed time in the patient's zone and a button to book it, while it can be. */
    [WAITLIST_SLOT_FREE_TEMPLATE]: (row, t, locale) => {
      const offer = waitlistOffer(deps.db, row.params.waitlistId, row.params.slotId);
      const patient = offer && offer.accountId === row.chatId ? deps.patients.get(row.chatId, offer.patientId) : undefined;
      if (!offer || !patient) return { kind: 'skip', reason: 'waitlist entry, slot or profile is gone' };
      // Taken, closed or begun before this message went out: offering it now would only disappoint.
      if (!offer.bookable || offer.startsAt <= deps.clock.now()) return { kind: 'skip', reason: 'slot is no longer bookable' };
      const when = consultationWhen(deps, { startsAt: offer.startsAt, patientTimeZone: patient.timeZone }, patient.regionCode, locale);
      const lines = [t('duty-note-slot-free', { specialty: offer.specialty, name: patient.fullName, ...when })];
      return withBooking(deps.publicUrl, lines, {
        ask: t('duty-note-slot-free-book'),
        button: t('duty-btn-book'),
        menu: t('duty-note-slot-free-menu', { app: t('menu-button-app') }),
      });
    },
  };
}
