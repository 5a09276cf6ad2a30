import { parseParams, type SmsPurpose } from '../../core/outbox/templates.js';
import { referralPayload } from '../../core/referrals/invite-code.js';
import { QUIET_HOURS_REASON, quietUntil, RUSSIA_EXTREME_ZONES } from '../../core/sms/quiet-hours.js';
import { REFERRAL_INVITE } from '../../core/sms/repository.js';
import type { SmsRenderer } from '../../core/sms/sender.js';
import { zonedParts } from '../../core/time.js';
import { pickLocale, type BotLocale } from '../shared/i18n.js';
import { zoneAt } from '../../core/zone-label/index.js';

export type SmsTranslate = (locale: string, key: string, params: Record<string, string>) => string;

export const NOTICE_FALLBACK = 'notice_fallback' satisfies SmsPurpose;

/**
 * The SMS texts, by purpose. Invites go to people who have never opened the bot, so they are Russian. Each text is
 * short and says nothing about anyone's health: only that there is a referral or a consultation, and where to look.
 */
export function smsRenderers(deps: {
  translate: SmsTranslate;
  /** The patient bot's @username, from PATIENT_BOT_USERNAME or the bot's getMe; undefined while neither is known. */
  botUsername: () => string | undefined;
}): { [P in SmsPurpose]: SmsRenderer } {
  const { translate } = deps;
  return {
    [REFERRAL_INVITE]: (params, { now }) => {
      const parsed = parseParams(REFERRAL_INVITE, params);
      if (!parsed.ok) return { kind: 'drop', reason: `invalid invite params: ${parsed.problem}` };
      // An invite can wait for the morning; notices about a consultation (below) cannot, and go at any hour.
      const until = quietUntil(now, parsed.params.timeZone ? [parsed.params.timeZone] : RUSSIA_EXTREME_ZONES);
      if (until !== undefined) return { kind: 'wait', reason: QUIET_HOURS_REASON, until };
      const username = deps.botUsername();
      // A link without the bot's name would lead nowhere; the invite waits until the name is known.
      if (!username) return { kind: 'wait', reason: 'the patient bot username is unknown (set PATIENT_BOT_USERNAME)' };
      const link = `https://t.me/${username}?start=${referralPayload(parsed.params.code)}`;
      return { kind: 'text', text: translate('ru', 'sms-referral-invite', { link }) };
    },
    [NOTICE_FALLBACK]: (params, { now }) => {
      const parsed = parseParams(NOTICE_FALLBACK, params);
      if (!parsed.ok) return { kind: 'drop', reason: `invalid notice params: ${parsed.problem}` };
      const { notice, startsAt, timeZone } = parsed.params;
      // An SMS about a consultation that has already begun would only confuse: the patient learns nothing they can act on.
      if (startsAt <= now) return { kind: 'drop', reason: 'the consultation has already started' };
      const locale: BotLocale = pickLocale(parsed.params.locale);
      const { date, time } = zonedParts(startsAt, timeZone);
      const vars = {
        date: `${date.slice(8, 10)}.${date.slice(5, 7)}`,
        time,
        // The offset's true minus (MSK−1) is not in the GSM alphabet and would halve an English SMS.
        zone: zoneAt(timeZone, startsAt, locale).replace('−', '-'),
      };
      const key = notice === 'scheduled' ? 'sms-notice-scheduled' : notice === 'cancelled' ? 'sms-notice-cancelled' : 'sms-notice-rescheduled';
      return { kind: 'text', text: translate(locale, key, vars) };
    },
  };
}
