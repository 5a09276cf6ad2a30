import type { Db } from '../../db/client.js';
import type { AccountRepository } from '../../core/accounts/repository.js';
import type { ApplicationRepository } from '../../core/applications/repository.js';
import type { ApplicationService } from '../../core/applications/service.js';
import type { Triage } from '../../core/applications/triage.js';
import type { Catalog } from '../../core/catalog/index.js';
import type { Clock } from '../../core/clock.js';
import type { ConclusionService } from '../../core/conclusions/service.js';
import type { DocumentService } from '../../core/documents/service.js';
import type { DutyChatService } from '../../core/duty-chat/service.js';
import type { DutyLimits } from '../../core/duty/limits.js';
import type { DutyRoster } from '../../core/duty/roster.js';
import type { DutyService } from '../../core/duty/service.js';
import type { Logger } from '../../core/logger.js';
import type { OutboxRepository } from '../../core/outbox/repository.js';
import type { ReferralImportService } from '../../core/referrals/import/index.js';
import type { ReferralInvites } from '../../core/referrals/invites.js';
import type { RoomService } from '../../core/room/index.js';
import type { SchedulingService } from '../../core/scheduling/service.js';
import type { StaffConsultations } from '../../core/scheduling/staff-consultations.js';
import type { SmsGateway } from '../../core/sms/gateway.js';
import type { StaffInvites } from '../../core/staff/invites.js';
import type { StaffRepository } from '../../core/staff/repository.js';
import type { VideoService } from '../../core/video/index.js';
import type { UpdateCounter } from '../shared/stack.js';

/** What the doctors' bot works with; the composition root (app/services.ts) satisfies it. */
export interface StaffBotDeps {
  staffToken: string;
  apiRoot: string;
  db: Db;
  clock: Clock;
  logger: Logger;
  catalog: Catalog;
  /** Staff members: the gate, names on cards, invites accepted. */
  staff: StaffRepository;
  staffInvites: Pick<StaffInvites, 'accept'>;
  /** The patient's language, for what a doctor's action sends them. */
  accounts: Pick<AccountRepository, 'locale'>;
  documents: Pick<DocumentService, 'list' | 'get' | 'read'>;
  applications: ApplicationService;
  applicationRepository: ApplicationRepository;
  /** Triage's rules (who may take, request, decline), with their audit records. */
  triage: Triage;
  scheduling: SchedulingService;
  /** A doctor's view of a consultation and its join link, audited. */
  staffConsultations: StaffConsultations;
  video: VideoService;
  /** The call's attendance from the room page: real durations in /today, /week and the no-show offer. */
  room: Pick<RoomService, 'attendance'>;
  duty: DutyService;
  dutyLimits: DutyLimits;
  /** Duty schedules as managers and duty doctors may change them. */
  roster: DutyRoster;
  conclusions: ConclusionService;
  dutyChat: DutyChatService;
  /** Read only: delivery reports and "unreachable" marks on cards. */
  outbox: Pick<OutboxRepository, 'deliveryReport' | 'isUnreachable'>;
  referralImport: ReferralImportService;
  referralInvites: ReferralInvites;
  /** Only its name: a manager is warned when invites reach the log and no phone. */
  smsGateway: Pick<SmsGateway, 'name'>;
  /** The server's public origin (PUBLIC_URL), where /verify/<code> answers. */
  publicUrl?: string | undefined;
  /** Counts the bot's updates for /metrics. */
  metrics?: UpdateCounter;
}
