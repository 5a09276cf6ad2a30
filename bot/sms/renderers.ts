import { z } from 'zod';
import { parseReferralPayload, referralPayload } from '../../core/referrals/invite-code.js';
import { QUIET_HOURS_REASON, quietUntil, RUSSIA_EXTREME_ZONES } from '../../core/sms/quiet-hours.js';
import { REFERRAL_INVITE } from '../../core/sms/repository.js';
import type { SmsRenderer } from '../../core/sms/sender.js';
import { zonedParts } from '../../core/time.js';
import { pickLocale, type BotLocale } from '../shared/i18n.js';
import { zoneTag } from '../shared/format.js';

export type SmsTranslate = (locale: string, key: string, params: Record<string, string>) => string;

export const NOTICE_FALLBACK = 'notice_fallback';

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const inviteParams = z.object({
  code: z.string().refine((code) => parseReferralPayload(referralPayload(code)) === code, 'not an invite code'),
  /** The referral region's zone, when it has one; quiet hours then follow it, else all of Russia's. */
  timeZone: z.string().refine(isZone, 'not an IANA time zone').optional(),
});

const noticeParams = z.object({
  notice: z.enum(['scheduled', 'cancelled', 'rescheduled']),
  startsAt: z.number().int().positive(),
  timeZone: z.string().refine(isZone, 'not an IANA time zone'),
  /** The patient's language when they have an account; Russian otherwise. */
  locale: z.string().optional(),
});

const problem = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'params'} ${i.message}`).join('; ');

/**
 * The SMS texts, by purpose. Invites go to people who have never opened the bot, so they are Russian. Each text is
 * short and says nothing about anyone's health: only that there is a referral or a consultation, and where to look.
 */
export function smsRenderers(deps: {
  translate: SmsTranslate;
  /** The patient bot's @username, from PATIENT_BOT_USERNAME or the bot's getMe; undefined while neither is known. */
  botUsername: () => string | undefined;
}): Record<string, SmsRenderer> {
  const { translate } = deps;
  return {
    [REFERRAL_INVITE]: (params, { now }) => {
      const parsed = inviteParams.safeParse(params);
      if (!parsed.success) return { kind: 'drop', reason: `invalid invite params: ${problem(parsed.error)}` };
      // An invite can wait for the morning; notices about a consultation (below) cannot, and go at any hour.
      const until = quietUntil(now, parsed.data.timeZone ? [parsed.data.timeZone] : RUSSIA_EXTREME_ZONES);
      if (until !== undefined) return { kind: 'wait', reason: QUIET_HOURS_REASON, until };
      const username = deps.botUsername();
      // A link without the bot's name would lead nowhere; the invite waits until the name is known.
      if (!username) return { kind: 'wait', reason: 'the patient bot username is unknown (set PATIENT_BOT_USERNAME)' };
      const link = `https://t.me/${username}?start=${referralPayload(parsed.data.code)}`;
      return { kind: 'text', text: translate('ru', 'sms-referral-invite', { link }) };
    },
    [NOTICE_FALLBACK]: (params, { now }) => {
      const parsed = noticeParams.safeParse(params);
      if (!parsed.success) return { kind: 'drop', reason: `invalid notice params: ${problem(parsed.error)}` };
      const { notice, startsAt, timeZone } = parsed.data;
      // An SMS about a consultation that has already begun would only confuse: the patient learns nothing they can act on.
      if (startsAt <= now) return { kind: 'drop', reason: 'the consultation has already started' };
      const locale: BotLocale = pickLocale(parsed.data.locale);
      const { date, time } = zonedParts(startsAt, timeZone);
      const vars = {
        date: `${date.slice(8, 10)}.${date.slice(5, 7)}`,
        time,
        // zoneTag writes a true minus (MSK−1), which is not in the GSM alphabet and would halve an English SMS.
        zone: zoneTag(timeZone, startsAt, locale).replace('−', '-'),
      };
      const key = notice === 'scheduled' ? 'sms-notice-scheduled' : notice === 'cancelled' ? 'sms-notice-cancelled' : 'sms-notice-rescheduled';
      return { kind: 'text', text: translate(locale, key, vars) };
    },
  };
}
