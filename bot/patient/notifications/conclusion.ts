import type { ConclusionService } from '../../../core/conclusions/service.js';
import type { SchedulingService } from '../../../core/scheduling/service.js';
import { formatDay } from '../../shared/format.js';
import type { Renderers } from '../../shared/renderers.js';

export interface ConclusionRendererDeps {
  conclusions: Pick<ConclusionService, 'get' | 'readPdf'>;
  scheduling: Pick<SchedulingService, 'get'>;
  /** The server's public origin, where /verify/<code> answers. */
  publicUrl?: string | undefined;
}

/** The conclusion's PDF, sent to the account of its patient, with the verification code and where to check it. */
export function conclusionRenderers(deps: ConclusionRendererDeps): Renderers<'conclusion_ready'> {
  return {
    conclusion_ready: async (row, t) => {
      const { conclusionId } = row.params;
      const conclusion = deps.conclusions.get(conclusionId);
      const consultation = conclusion && deps.scheduling.get(conclusion.consultationId);
      // The PDF goes only to the account its patient belongs to; a deleted profile took its conclusions with it.
      if (!conclusion || !consultation || consultation.accountId !== row.chatId) return { kind: 'skip', reason: 'conclusion gone' };
      const pdf = await deps.conclusions.readPdf(conclusionId);
      if (!pdf) return { kind: 'skip', reason: 'conclusion gone' };
      const date = formatDay(conclusion.createdAt, consultation.patientTimeZone);
      const code = conclusion.verificationCode;
      return {
        kind: 'document',
        bytes: pdf,
        fileName: t('conclusion-file-name', { date }),
        caption: t('conclusion-ready-caption', { date, code, url: `${deps.publicUrl ?? ''}/verify/${code}` }),
      };
    },
  };
}
