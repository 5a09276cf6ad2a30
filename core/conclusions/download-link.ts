import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';

/** How long a signed download link works: long enough for Telegram to start the download, too short to be shared. */
export const DOWNLOAD_LINK_TTL_MS = 5 * 60_000;

export interface DownloadLinkClaims {
  conclusionId: number;
  patientId: number;
  accountId: number;
  /** Epoch ms after which the link answers 410. */
  expiresAt: number;
}

export type DownloadLinkCheck = { ok: true; claims: DownloadLinkClaims } | { ok: false; reason: 'link_invalid' | 'link_expired' };

const FORMAT = /^(\d{1,15})\.(\d{1,15})\.(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

/**
 * Signed, short-lived links to a conclusion's PDF for Telegram's downloadFile, where Telegram itself fetches the URL
 * without the init data header. Stateless (HMAC-SHA256 over conclusion, patient, account and expiry), not
 * one-time: a client may fetch the URL more than once (a retry, a HEAD first) and a table of used tokens would buy
 * nothing over a five-minute expiry. The key is derived from the patient bot's token, which already signs init
 * data: whoever holds it can read every patient's data anyway, and a new token invalidates the links at once.
 */
export function createDownloadLinks(opts: { botToken: string; clock: Clock; ttlMs?: number }) {
  const key = createHmac('sha256', opts.botToken).update('oblako/conclusion-download-link/v1').digest();
  const ttlMs = opts.ttlMs ?? DOWNLOAD_LINK_TTL_MS;
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

  return {
    issue(claims: Omit<DownloadLinkClaims, 'expiresAt'>): { token: string; expiresAt: number } {
      const expiresAt = opts.clock.now() + ttlMs;
      const payload = `${claims.conclusionId}.${claims.patientId}.${claims.accountId}.${expiresAt}`;
      return { token: `${payload}.${sign(payload)}`, expiresAt };
    },

    /** A forged or malformed token is link_invalid; a genuine one past its expiry, link_expired. */
    check(token: string): DownloadLinkCheck {
      const match = FORMAT.exec(token);
      if (!match) return { ok: false, reason: 'link_invalid' };
      const [, conclusionId, patientId, accountId, expiresAt, signature] = match as unknown as [string, string, string, string, string, string];
      const expected = Buffer.from(sign(`${conclusionId}.${patientId}.${accountId}.${expiresAt}`));
      if (!timingSafeEqual(expected, Buffer.from(signature))) return { ok: false, reason: 'link_invalid' };
      const claims = { conclusionId: Number(conclusionId), patientId: Number(patientId), accountId: Number(accountId), expiresAt: Number(expiresAt) };
      if (opts.clock.now() >= claims.expiresAt) return { ok: false, reason: 'link_expired' };
      return { ok: true, claims };
    },
  };
}

export type DownloadLinks = ReturnType<typeof createDownloadLinks>;
