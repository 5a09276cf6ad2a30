import type { Db } from '../../db/client.js';
import type { Consent } from '../../core/accounts/consent.js';
import type { AccountRepository } from '../../core/accounts/repository.js';
import type { ApplicationService } from '../../core/applications/service.js';
import type { AuditLog } from '../../core/audit.js';
import type { BookingService } from '../../core/booking/service.js';
import type { Catalog } from '../../core/catalog/index.js';
import type { Region } from '../../core/catalog/regions.js';
import type { Clock } from '../../core/clock.js';
import type { ConclusionService } from '../../core/conclusions/service.js';
import type { DocumentService } from '../../core/documents/service.js';
import type { DutyChatService } from '../../core/duty-chat/service.js';
import type { Logger } from '../../core/logger.js';
import type { PatientService } from '../../core/patients/service.js';
import type { SchedulingService } from '../../core/scheduling/service.js';
import type { StaffRepository } from '../../core/staff/repository.js';

export interface PatientBotDeps {
  token: string;
  apiRoot: string;
  db: Db;
  clock: Clock;
  logger: Logger;
  catalog: Catalog;
  regions: Region[];
  accounts: AccountRepository;
  patients: PatientService;
  documents: DocumentService;
  audit: AuditLog;
  /** Consent given in the bot: stored and recorded by core. */
  consent: Consent;
  applications: ApplicationService;
  scheduling: SchedulingService;
  /** The booking rules messages state: may it still be cancelled, and until when. */
  booking: Pick<BookingService, 'canCancel' | 'cancelDeadline' | 'limits'>;
  /** The chat with the duty doctor of a booked duty consultation. */
  dutyChat: DutyChatService;
  /** Read only: the doctor's name on a patient's consultation. */
  staff: Pick<StaffRepository, 'byId'>;
  /** Issued conclusions: their PDFs are sent to the patient. */
  conclusions: Pick<ConclusionService, 'get' | 'readPdf'>;
  /** The server's public origin (PUBLIC_URL), where /verify/<code> answers. */
  publicUrl?: string | undefined;
  /** Deletes an account with its patients, documents and files (152-FZ withdrawal of consent). */
  deleteAccount(accountId: number): Promise<{ profiles: number; documents: number }>;
}
