import type { I18n } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import { createI18n } from '../bot/shared/i18n.js';
import { createConsent } from '../core/accounts/consent.js';
import { createAccountDeletion } from '../core/accounts/delete-account.js';
import { createAccountRepository } from '../core/accounts/repository.js';
import { createApplicationRepository } from '../core/applications/repository.js';
import { createApplicationService } from '../core/applications/service.js';
import { createTriage } from '../core/applications/triage.js';
import { createAuditLog } from '../core/audit.js';
import { createBookingService } from '../core/booking/service.js';
import { documentKinds, loadCatalog } from '../core/catalog/index.js';
import { loadRegions } from '../core/catalog/regions.js';
import type { Clock } from '../core/clock.js';
import { createDownloadLinks } from '../core/conclusions/download-link.js';
import { createConclusionDownloads } from '../core/conclusions/download.js';
import { createConclusionService } from '../core/conclusions/service.js';
import type { Config } from '../core/config.js';
import { createDocumentService } from '../core/documents/service.js';
import { createDutyChatService } from '../core/duty-chat/service.js';
import { DEFAULT_DUTY_LIMITS } from '../core/duty/limits.js';
import { createDutyRoster } from '../core/duty/roster.js';
import { createDutyService } from '../core/duty/service.js';
import { createServiceScheduler } from '../core/jobs/index.js';
import type { Logger } from '../core/logger.js';
import { createOutboxRepository } from '../core/outbox/repository.js';
import { createPatientRepository } from '../core/patients/repository.js';
import { createPatientService } from '../core/patients/service.js';
import { createReferralImportService } from '../core/referrals/import/index.js';
import { createReferralInvites } from '../core/referrals/invites.js';
import { createSchedulingService } from '../core/scheduling/service.js';
import { createStaffConsultations } from '../core/scheduling/staff-consultations.js';
import { createSmsGateway } from '../core/sms/create-gateway.js';
import type { SmsGateway } from '../core/sms/gateway.js';
import { createSmsRepository } from '../core/sms/repository.js';
import { createStaffDeactivation } from '../core/staff/deactivate.js';
import { createStaffInvites } from '../core/staff/invites.js';
import { createStaffRepository } from '../core/staff/repository.js';
import { createRoomService } from '../core/room/index.js';
import { createVideoService } from '../core/video/index.js';
import type { Db } from '../db/client.js';
import { createMetrics } from '../api/metrics.js';

/** Builds the service graph over an open database; the entry point and the tests build it the same way. */
export function createServices(opts: {
  config: Pick<Config, 'patientBotToken' | 'telegramApiRoot' | 'filesDir'> & Partial<Pick<Config, 'staffBotToken' | 'publicUrl' | 'jitsi' | 'duty' | 'sms' | 'patientBotUsername' | 'staffBotUsername'>>;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Where SMS go instead of the one config.sms names (the sandbox shows them on its page). */
  smsGateway?: SmsGateway;
  /** Where room pages load Jitsi's External API from (the sandbox: its stand-in); the clinic's Jitsi by default. */
  externalApiUrl?: (domain: string) => string;
}) {
  const { config, db, clock, logger } = opts;
  const audit = createAuditLog(db, clock);
  const accounts = createAccountRepository(db);
  const patientRepository = createPatientRepository(db);
  const patients = createPatientService({ patients: patientRepository, audit });
  const catalog = loadCatalog();
  const regions = loadRegions();
  // Sentences a service writes itself (a referral table's row problems) come from the bots' Fluent files, read on first use.
  let texts: I18n<Context> | undefined;
  const rowTexts = (locale: string, key: string, values?: Record<string, string>) => (texts ??= createI18n<Context>(() => undefined)).t(locale, key, values);
  const knownKinds = new Set(documentKinds(catalog).map((k) => k.kind));
  const documents = createDocumentService({ db, filesDir: config.filesDir, clock, audit, knownKinds });
  const staff = createStaffRepository(db);
  const applicationRepository = createApplicationRepository(db);
  const applications = createApplicationService({ db, clock, audit, catalog, applications: applicationRepository, staff, documents });
  // Without JITSI_* the service still books consultations with their rooms; only the join links are refused.
  const video = createVideoService(config.jitsi, clock);
  const dutyLimits = config.duty ?? DEFAULT_DUTY_LIMITS;
  // The consultation room page (/room/<id>?t=…): one-time links, their exchange for the Jitsi token, attendance.
  // `scheduling` is read when a link is used, long after the graph is built.
  const room = createRoomService({
    db,
    clock,
    audit,
    video,
    consultation: (id) => scheduling.get(id),
    staffById: (id) => staff.byId(id),
    accountLocale: (accountId) => accounts.locale(accountId),
    connection: catalog.connection,
    publicUrl: config.publicUrl,
    staffBotUsername: config.staffBotUsername,
    patientBotUsername: config.patientBotUsername,
    ...(opts.externalApiUrl ? { externalApiUrl: opts.externalApiUrl } : {}),
  });
  // The patient's side of duty bookings (and every patient cancellation, from the bot too).
  const booking = createBookingService({ db, clock, audit, video, room, limits: dutyLimits });
  const scheduling = createSchedulingService({
    db,
    clock,
    audit,
    staff,
    applications: applicationRepository,
    newRoomName: () => video.roomName(),
    patientCancel: (accountId, id) => void booking.cancel(accountId, id),
  });
  // Duty doctors' templates, days off and slots; their own cancellations.
  const duty = createDutyService({ db, clock, audit, limits: dutyLimits });
  // The same schedules as people manage them (staff bot /slots, CLI `slots`): each call checks the actor's right.
  const roster = createDutyRoster({ db, clock, audit, duty, consultation: scheduling.get });
  // Issuing a conclusion also queues its PDF for the patient (template conclusion_ready), in the same transaction.
  const conclusions = createConclusionService({ db, filesDir: config.filesDir, clock, audit, catalog });
  // Patient ⇄ duty doctor messages, relayed through the outbox; photos under filesDir/duty-chat.
  const dutyChat = createDutyChatService({ db, clock, audit, filesDir: config.filesDir });
  return {
    // Prometheus metrics on a registry of this graph's own; the bots count their updates into it (bot/shared/stack.ts).
    metrics: createMetrics({ db, clock, logger, tokens: { patient: config.patientBotToken, staff: config.staffBotToken } }),
    token: config.patientBotToken,
    staffToken: config.staffBotToken,
    apiRoot: config.telegramApiRoot,
    publicUrl: config.publicUrl,
    db,
    clock,
    logger,
    catalog,
    regions,
    accounts,
    consent: createConsent({ db, clock, audit, accounts }),
    patients,
    patientRepository,
    documents,
    audit,
    staff,
    staffInvites: createStaffInvites({ db, staff, clock, audit, catalog }),
    deactivateStaff: createStaffDeactivation({ db, staff, audit }),
    applicationRepository,
    applications,
    // Triage as the center's doctors do it (take, request documents, decline, read documents): their rights and records.
    triage: createTriage({ audit, staff, documents, applications }),
    scheduling,
    video,
    // A doctor opening a consultation's card or room: who may, and the audit record of it.
    staffConsultations: createStaffConsultations({ audit, scheduling, video, room }),
    room,
    dutyLimits,
    duty,
    roster,
    booking,
    conclusions,
    // A patient downloading a conclusion's PDF (the Mini App): only their own, each download recorded; the signed
    // links Telegram's downloadFile fetches without init data are keyed from the patient bot's token.
    conclusionDownloads: createConclusionDownloads({ audit, booking, conclusions, links: createDownloadLinks({ botToken: config.patientBotToken, clock }) }),
    dutyChat,
    outbox: createOutboxRepository(db),
    // SMS (referral invites, fallback notices): the gateway SMS_PROVIDER names (the log one by default), the queue the
    // SMS sender drains (app/sms.ts), and the managers' view of invites with resend.
    smsGateway: opts.smsGateway ?? createSmsGateway(config.sms, logger),
    smsOutbox: createSmsRepository(db),
    referralInvites: createReferralInvites({ db, clock, audit }),
    // Referral tables (XLSX/CSV) from the staff bot and the CLI: referrals and their invite SMS in one transaction.
    referralImport: createReferralImportService({ db, clock, audit, catalog, regions, say: rowTexts }),
    patientBotUsername: config.patientBotUsername,
    // Reminders, the doctors' morning list and the triage SLA; the entry point starts it, tests tick it by hand.
    scheduler: createServiceScheduler({ db, clock, logger, limits: dutyLimits }),
    deleteAccount: createAccountDeletion({ accounts, patients: patientRepository, documents, conclusions, dutyChat, audit }),
  };
}

export type Services = ReturnType<typeof createServices>;
