import type { Db } from '../../db/client.js';
import { DEFAULT_DUTY_LIMITS, type DutyLimits } from '../duty/limits.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { cancelCutOffJob } from './cancel-cut-off.js';
import { doctorReminderJob, patientReminderJob } from './consultation-reminders.js';
import { doctorDigestJob } from './doctor-digest.js';
import { noShowOfferJob } from './no-show-offer.js';
import { createScheduler } from './scheduler.js';
import { triageSlaJob } from './triage-sla.js';

export * from './rules.js';
export { createScheduler, DEFAULT_TICK_MS, type Job, type JobWindow, type Scheduler } from './scheduler.js';

/**
 * Every time-driven job of the service: reminders, the doctors' morning list, the triage SLA, the no-show offer, and the
 * Cancel buttons taken away at the cut-off (which the duty limits set).
 */
export function serviceJobs(limits: Pick<DutyLimits, 'cancelMinNoticeMinutes'> = DEFAULT_DUTY_LIMITS) {
  return [patientReminderJob('day'), patientReminderJob('soon'), doctorReminderJob(), doctorDigestJob(), triageSlaJob(), noShowOfferJob(), cancelCutOffJob(limits)];
}

/** The scheduler over the service's own jobs. */
export function createServiceScheduler(deps: { db: Db; clock: Clock; logger: Logger; limits?: Pick<DutyLimits, 'cancelMinNoticeMinutes'> }) {
  const { limits, ...rest } = deps;
  return createScheduler({ ...rest, jobs: serviceJobs(limits) });
}
