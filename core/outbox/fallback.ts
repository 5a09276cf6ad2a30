import type { Db } from '../../db/client.js';
import { enqueueSms } from '../sms/outbox.js';
import type { OutboxRow } from './message.js';
import { FALLBACK_NOTICES, type FallbackNotice, type PatientTemplate } from './templates.js';

/**
 * The notices a patient must not miss: when Telegram refuses them (the bot is blocked), they go by SMS to a known phone.
 * Another template opts in with params.smsFallback. A patient moving a duty booking gets consultation_rescheduled for
 * the new time, which falls back as 'rescheduled'.
 */
export const CRITICAL_TEMPLATES: Readonly<Partial<Record<PatientTemplate, FallbackNotice>>> = {
  consultation_scheduled: 'scheduled',
  consultation_rescheduled: 'rescheduled',
  consultation_cancelled_by_doctor: 'cancelled',
};

const NOTICES = new Set<unknown>(FALLBACK_NOTICES);

export function criticalNotice(row: Pick<OutboxRow, 'bot' | 'template' | 'params'>): FallbackNotice | undefined {
  if (row.bot !== 'patient') return undefined;
  const declared = row.params.smsFallback;
  if (typeof declared === 'string' && NOTICES.has(declared)) return declared as FallbackNotice;
  return Object.hasOwn(CRITICAL_TEMPLATES, row.template) ? CRITICAL_TEMPLATES[row.template as PatientTemplate] : undefined;
}

interface Target {
  status: string;
  startsAt: number;
  timeZone: string;
  phone: string | null;
  locale: string | null;
}

/**
 * Inside the transaction that records the refusal: queues the SMS for a critical notice when a phone is known (the
 * account holder's, else the profile's). Only the time, the zone and the language travel; an SMS never carries health details.
 */
export function queueFallbackSms(tx: Db, row: OutboxRow, now: number): boolean {
  const notice = criticalNotice(row);
  const consultationId = Number(row.params.consultationId);
  if (!notice || !Number.isInteger(consultationId)) return false;
  const target = tx.$client
    .prepare(
      `SELECT c.status, s.starts_at AS startsAt, p.time_zone AS timeZone, coalesce(a.phone, p.phone) AS phone,
              a.locale AS locale
         FROM consultations c
         JOIN slots s ON s.id = c.slot_id
         JOIN patients p ON p.id = c.patient_id
         LEFT JOIN accounts a ON a.telegram_id = p.account_id
        WHERE c.id = ?`,
    )
    .get(consultationId) as Target | undefined;
  if (!target?.phone) return false;
  // Only while it is still true and ahead: no "scheduled" for a consultation cancelled since, nothing once it began.
  if (target.status !== (notice === 'cancelled' ? 'cancelled' : 'scheduled') || target.startsAt <= now) return false;
  enqueueSms(
    tx,
    {
      phone: target.phone,
      purpose: 'notice_fallback',
      // The language the patient chose in the bot; a profile no account has claimed yet gets Russian (the renderer's default).
      params: { notice, startsAt: target.startsAt, timeZone: target.timeZone, ...(target.locale ? { locale: target.locale } : {}) },
      dedupeKey: `fallback:${row.id}`,
    },
    now,
  );
  return true;
}
