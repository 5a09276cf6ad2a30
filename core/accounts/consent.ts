/**
 * The version of the consent text (bot/locales: consent-full). Bump it whenever that text changes:
 * 152-FZ consent must be tied to the exact wording the person agreed to.
 */
export const CONSENT_VERSION = '2026-11-25';
