/** +79123456789 → +7*******6789: enough for an operator to tell numbers apart, not enough to call anyone. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  const country = phone.startsWith('+') ? `+${digits[0]}` : '';
  const hidden = digits.length - 4 - (country ? 1 : 0);
  return `${country}${'*'.repeat(hidden)}${digits.slice(-4)}`;
}

/**
 * A text for the log with deep-link payloads cut: an invite link is a key to someone's referral, and logs travel
 * further than the database (which keeps the full text in sms_outbox.text).
 */
export function redactLinks(text: string): string {
  return text.replace(/([?&]start=)[\w-]+/g, '$1[redacted]');
}
