import type { AuditLog } from '../audit.js';
import type { ConclusionService } from '../conclusions/service.js';
import type { DocumentService } from '../documents/service.js';
import type { DutyChatService } from '../duty-chat/service.js';
import type { PatientRepository } from '../patients/repository.js';
import type { AccountRepository } from './repository.js';

/**
 * Withdrawal of consent (152-FZ art. 9 §2): the account, its patients, their documents, conclusions and files are
 * deleted. Only an audit record stays, with counts and no health data.
 */
export function createAccountDeletion(deps: {
  accounts: AccountRepository;
  patients: PatientRepository;
  documents: DocumentService;
  /** The conclusions' PDFs: the patient rows' cascade drops their records, the files must go first. */
  conclusions: Pick<ConclusionService, 'removeAllForPatients'>;
  /** The duty-doctor chat's messages and photos: the same cascade would orphan the photo files. */
  dutyChat?: Pick<DutyChatService, 'removeAllForPatients'>;
  audit: AuditLog;
}) {
  return async function deleteAccount(accountId: number): Promise<{ profiles: number; documents: number }> {
    const ids = deps.patients.idsOfAccount(accountId);
    const documents = ids.reduce((n, id) => n + deps.documents.list(id).length, 0);
    await deps.documents.removeAllForPatients(ids);
    await deps.conclusions.removeAllForPatients(ids);
    await deps.dutyChat?.removeAllForPatients(ids);
    deps.patients.deleteByIds(ids);
    deps.accounts.delete(accountId);
    deps.audit.record({
      actor: { type: 'account', id: accountId },
      action: 'account_deleted',
      details: { profiles: ids.length, documents },
    });
    return { profiles: ids.length, documents };
  };
}
