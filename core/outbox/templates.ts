import { z } from 'zod';
import { parseReferralPayload, referralPayload } from '../referrals/invite-code.js';

/**
 * Every notification the service sends, by name: who sends it (the patient bot, the staff bot, or an SMS) and the params
 * its writer in core/ stores and its renderer reads. Writers are typed by it (`enqueue`, `enqueueSms`), each bot's
 * renderer table must cover exactly its own names, and the params are checked again when a row is rendered: a row is
 * JSON in the database, written perhaps by an older release.
 */
export type Channel = 'patient' | 'staff' | 'sms';

/** Critical patient notices that go by SMS when the patient bot is blocked (core/outbox/fallback.ts). */
export const FALLBACK_NOTICES = ['scheduled', 'cancelled', 'rescheduled'] as const;
export type FallbackNotice = (typeof FALLBACK_NOTICES)[number];

const id = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const zone = z.string().refine(isZone, 'not an IANA time zone');

const patient = <S extends z.ZodRawShape>(shape: S) => ({ channel: 'patient' as const, params: z.object(shape) });
const staff = <S extends z.ZodRawShape>(shape: S) => ({ channel: 'staff' as const, params: z.object(shape) });
const sms = <S extends z.ZodRawShape>(shape: S) => ({ channel: 'sms' as const, params: z.object(shape) });

export const TEMPLATES = {
  // Applications (path 1), to the patient.
  application_in_review: patient({ applicationId: id, center: z.string() }),
  application_needs_documents: patient({ applicationId: id, kinds: z.array(z.string()), comment: z.string() }),
  application_declined: patient({ applicationId: id, reason: z.string() }),
  // Applications, to the center's doctors.
  application_new: staff({ applicationId: id }),
  /** Edits another doctor's notice (messageId) once a colleague took the application. */
  application_taken: staff({ applicationId: id, messageId: id, takenBy: z.string() }),
  application_documents_added: staff({ applicationId: id }),
  application_withdrawn: staff({ applicationId: id }),
  /** level: hours since submission (24, then 48 with the managers); audience: what the recipient may read. */
  application_sla: staff({ applicationId: id, level: z.number().int().positive(), audience: z.enum(['doctor', 'manager']) }),

  // Consultations.
  consultation_scheduled: patient({ consultationId: id }),
  /** The patient moved a duty booking: one notice of the move (fromStartsAt: the old time), not a cancel and a booking. */
  consultation_rescheduled: patient({ consultationId: id, fromStartsAt: z.number().int() }),
  consultation_no_show: patient({ consultationId: id }),
  consultation_cancelled_by_doctor: patient({ consultationId: id, reason: z.string().optional() }),
  /** startsAt: the time it was queued for; a consultation moved since is not reminded of. */
  consultation_reminder: patient({ consultationId: id, kind: z.enum(['day', 'soon']), startsAt: z.number().int() }),
  consultation_cancelled_by_patient: staff({ consultationId: id }),
  /** To the doctor of both the old and the new time; a move to another doctor is a cancel for one and a booking for the other. */
  consultation_rescheduled_by_patient: staff({ consultationId: id, fromStartsAt: z.number().int() }),
  duty_consultation_booked: staff({ consultationId: id }),
  /**
   * Edits the buttons of an earlier message about the consultation (sourceId: that message's outbox row) to what its
   * state allows now: none once it is over, no Cancel past the cut-off (core/outbox/consultation-buttons.ts).
   */
  consultation_buttons: patient({ consultationId: id, sourceId: id }),
  consultation_buttons_doctor: staff({ consultationId: id, sourceId: id }),
  consultation_reminder_doctor: staff({ consultationId: id, startsAt: z.number().int() }),
  /** The patient has not come into the call well after the start: the doctor may record a no-show with one button. */
  consultation_no_show_offer: staff({ consultationId: id, startsAt: z.number().int() }),
  /** The doctor's morning list: their own date, and the Moscow date whose morning it belongs to. */
  doctor_day_digest: staff({ date: day, moscowDate: day }),
  waitlist_slot_free: patient({ waitlistId: id, slotId: id }),
  conclusion_ready: patient({ conclusionId: id }),

  // The duty-doctor chat.
  duty_chat_to_doctor: staff({ chatMessageId: id }),
  duty_chat_to_patient: patient({ chatMessageId: id }),
  /** inDoubt: an earlier attempt's answer was lost, so the doctor may have it after all. */
  duty_chat_undelivered: patient({ chatMessageId: id, inDoubt: z.boolean() }),

  // SMS (sms_outbox.purpose).
  referral_invite: sms({
    code: z.string().refine((code) => parseReferralPayload(referralPayload(code)) === code, 'not an invite code'),
    /** The referral region's zone, when it has one; quiet hours then follow it, else all of Russia's. */
    timeZone: zone.optional(),
  }),
  notice_fallback: sms({
    notice: z.enum(FALLBACK_NOTICES),
    startsAt: z.number().int().positive(),
    timeZone: zone,
    /** The patient's language when they have an account; Russian otherwise. */
    locale: z.string().optional(),
  }),
};

type Catalogue = typeof TEMPLATES;
export type TemplateName = keyof Catalogue;
export type TemplateOf<C extends Channel> = { [K in TemplateName]: Catalogue[K]['channel'] extends C ? K : never }[TemplateName];
export type PatientTemplate = TemplateOf<'patient'>;
export type StaffTemplate = TemplateOf<'staff'>;
/** What goes through the Telegram outbox (either bot). */
export type OutboxTemplate = PatientTemplate | StaffTemplate;
export type SmsPurpose = TemplateOf<'sms'>;
export type ParamsOf<K extends TemplateName> = z.infer<Catalogue[K]['params']>;

/**
 * Keys the outbox sender itself reads, allowed beside any template's params. expiresAt (UTC ms): a message not delivered
 * by then is pointless (a reminder once the consultation has begun) and is recorded as failed instead of sent late.
 * smsFallback: a patient notice opting in to the SMS fallback.
 */
export interface DeliveryParams {
  expiresAt?: number;
  smsFallback?: FallbackNotice;
}

/** The names a channel sends, for the tests that every one has a renderer. */
export function templatesOf<C extends Channel>(channel: C): Array<TemplateOf<C>> {
  return (Object.keys(TEMPLATES) as TemplateName[]).filter((name): name is TemplateOf<C> => TEMPLATES[name].channel === channel);
}

export function isTemplate(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

/** A stored row's params checked against its template: the params, or what is wrong with them (path and message). */
export function parseParams<K extends TemplateName>(name: K, params: unknown): { ok: true; params: ParamsOf<K> } | { ok: false; problem: string } {
  const parsed = TEMPLATES[name].params.safeParse(params);
  if (parsed.success) return { ok: true, params: parsed.data as ParamsOf<K> };
  return { ok: false, problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'params'} ${i.message}`).join('; ') };
}
