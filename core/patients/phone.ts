import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DomainError } from '../errors.js';

/** Normalizes a phone number to E.164, Russia assumed when no country code is given ("8 912 …", "912 …"). */
export function normalizePhone(input: string): string {
  let text = input.trim();
  // Telegram sends contacts without the plus ("79123456789"); a leading 7 or 8 with 11 digits is Russian.
  const digits = text.replace(/\D/g, '');
  if (!text.startsWith('+') && digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) {
    text = `+7${digits.slice(1)}`;
  } else if (!text.startsWith('+') && digits.length > 11) {
    text = `+${digits}`;
  }
  const parsed = parsePhoneNumberFromString(text, 'RU');
  if (!parsed || !parsed.isValid()) throw new DomainError('phone_invalid');
  return parsed.number;
}
