import { createAccountDeletion } from '../core/accounts/delete-account.js';
import { createAccountRepository } from '../core/accounts/repository.js';
import { createAuditLog } from '../core/audit.js';
import { documentKinds, loadCatalog } from '../core/catalog/index.js';
import { loadRegions } from '../core/catalog/regions.js';
import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import { createDocumentService } from '../core/documents/service.js';
import type { Logger } from '../core/logger.js';
import { createPatientRepository } from '../core/patients/repository.js';
import { createPatientService } from '../core/patients/service.js';
import type { Db } from '../db/client.js';
import type { PatientBotDeps } from '../bot/patient/deps.js';

/** Builds the service graph over an open database; the entry point and the tests build it the same way. */
export function createServices(opts: {
  config: Pick<Config, 'patientBotToken' | 'telegramApiRoot' | 'filesDir'>;
  db: Db;
  clock: Clock;
  logger: Logger;
}): PatientBotDeps {
  const { config, db, clock, logger } = opts;
  const audit = createAuditLog(db, clock);
  const accounts = createAccountRepository(db);
  const patientRepository = createPatientRepository(db);
  const patients = createPatientService({ patients: patientRepository, audit });
  const catalog = loadCatalog();
  const knownKinds = new Set(documentKinds(catalog).map((k) => k.kind));
  const documents = createDocumentService({ db, filesDir: config.filesDir, clock, audit, knownKinds });
  return {
    token: config.patientBotToken,
    apiRoot: config.telegramApiRoot,
    db,
    clock,
    logger,
    catalog,
    regions: loadRegions(),
    accounts,
    patients,
    documents,
    audit,
    deleteAccount: createAccountDeletion({ accounts, patients: patientRepository, documents, audit }),
  };
}
