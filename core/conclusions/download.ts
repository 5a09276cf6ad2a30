import type { AuditLog } from '../audit.js';
import type { BookingService } from '../booking/service.js';
import type { DownloadLinks } from './download-link.js';
import type { ConclusionService } from './service.js';

export interface ConclusionDownloadDeps {
  audit: AuditLog;
  booking: Pick<BookingService, 'conclusionOf'>;
  conclusions: Pick<ConclusionService, 'readPdf'>;
  links: DownloadLinks;
}

export type ConclusionDownloads = ReturnType<typeof createConclusionDownloads>;

type Found = { pdf: Buffer; verificationCode: string };

/** A patient downloading a conclusion's PDF (the Mini App): only one of their own profiles', and every download recorded. */
export function createConclusionDownloads(deps: ConclusionDownloadDeps) {
  /** The conclusion, when it belongs to one of the account's live profiles (to `patientId`, when named). */
  const owned = (accountId: number, conclusionId: number, patientId?: number) => {
    const conclusion = deps.booking.conclusionOf(accountId, conclusionId);
    return !conclusion || (patientId !== undefined && patientId !== conclusion.patientId) ? undefined : conclusion;
  };

  const read = async (accountId: number, conclusionId: number, patientId: number | undefined, via: 'api' | 'link'): Promise<Found | undefined> => {
    const conclusion = owned(accountId, conclusionId, patientId);
    if (!conclusion) return undefined;
    const pdf = await deps.conclusions.readPdf(conclusionId);
    if (!pdf) return undefined;
    deps.audit.record({ actor: { type: 'account', id: accountId }, action: 'conclusion.downloaded', patientId: conclusion.patientId, details: { conclusionId, via } });
    return { pdf, verificationCode: conclusion.verificationCode };
  };

  return {
    /**
     * The PDF and its verification code, for a conclusion of one of the account's live profiles (of `patientId`, when
     * named); undefined for anyone else's, so a stranger learns nothing about whether it exists.
     */
    pdf: (accountId: number, conclusionId: number, patientId?: number) => read(accountId, conclusionId, patientId, 'api'),

    /** A signed link for Telegram's downloadFile, under the same rule as `pdf`; the issue is audited. */
    link(accountId: number, conclusionId: number, patientId?: number): { token: string; expiresAt: number; verificationCode: string } | undefined {
      const conclusion = owned(accountId, conclusionId, patientId);
      if (!conclusion) return undefined;
      const issued = deps.links.issue({ conclusionId, patientId: conclusion.patientId, accountId });
      deps.audit.record({ actor: { type: 'account', id: accountId }, action: 'conclusion.link_issued', patientId: conclusion.patientId, details: { conclusionId, expiresAt: issued.expiresAt } });
      return { ...issued, verificationCode: conclusion.verificationCode };
    },

    /**
     * The PDF behind a signed link. The account's right is checked again, not taken from the link: a profile deleted
     * (or moved) since the link was issued downloads nothing.
     */
    async byLink(token: string): Promise<{ ok: true; found: Found } | { ok: false; reason: 'link_invalid' | 'link_expired' | 'not_found' }> {
      const checked = deps.links.check(token);
      if (!checked.ok) return checked;
      const { accountId, conclusionId, patientId } = checked.claims;
      const found = await read(accountId, conclusionId, patientId, 'link');
      return found ? { ok: true, found } : { ok: false, reason: 'not_found' };
    },
  };
}
