import type { Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { doctorReminderJob, patientReminderJob } from './consultation-reminders.js';
import { doctorDigestJob } from './doctor-digest.js';
import { noShowOfferJob } from './no-show-offer.js';
import { createScheduler } from './scheduler.js';
import { triageSlaJob } from './triage-sla.js';

export * from './rules.js';
export { createScheduler, DEFAULT_TICK_MS, type Job, type JobWindow, type Scheduler } from './scheduler.js';

/** Every time-driven job of the service: reminders, the doctors' morning list, the triage SLA, the no-show offer. */
export function serviceJobs() {
  return [patientReminderJob('day'), patientReminderJob('soon'), doctorReminderJob(), doctorDigestJob(), triageSlaJob(), noShowOfferJob()];
}

/** The scheduler over the service's own jobs. */
export function createServiceScheduler(deps: { db: Db; clock: Clock; logger: Logger }) {
  return createScheduler({ ...deps, jobs: serviceJobs() });
}
