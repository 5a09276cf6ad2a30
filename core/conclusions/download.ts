import type { AuditLog } from '../audit.js';
import type { BookingService } from '../booking/service.js';
import type { ConclusionService } from './service.js';

export interface ConclusionDownloadDeps {
  audit: AuditLog;
  booking: Pick<BookingService, 'conclusionOf'>;
  conclusions: Pick<ConclusionService, 'readPdf'>;
}

export type ConclusionDownloads = ReturnType<typeof createConclusionDownloads>;

/** A patient downloading a conclusion's PDF (the Mini App): only one of their own profiles', and every download recorded. */
export function createConclusionDownloads(deps: ConclusionDownloadDeps) {
  return {
    /**
     * The PDF and its verification code, for a conclusion of one of the account's live profiles (of `patientId`, when
     * named); undefined for anyone else's, so a stranger learns nothing about whether it exists.
     */
    async pdf(accountId: number, conclusionId: number, patientId?: number): Promise<{ pdf: Buffer; verificationCode: string } | undefined> {
      const conclusion = deps.booking.conclusionOf(accountId, conclusionId);
      if (!conclusion || (patientId !== undefined && patientId !== conclusion.patientId)) return undefined;
      const pdf = await deps.conclusions.readPdf(conclusionId);
      if (!pdf) return undefined;
      deps.audit.record({ actor: { type: 'account', id: accountId }, action: 'conclusion.downloaded', patientId: conclusion.patientId, details: { conclusionId } });
      return { pdf, verificationCode: conclusion.verificationCode };
    },
  };
}
