import type { DutyLimits } from '../duty/limits.js';
import { queueButtonEdits } from '../outbox/consultation-buttons.js';
import { scheduledStartingIn } from './queries.js';
import type { Job } from './scheduler.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * At a consultation's cancel cut-off (a duty one CANCEL_MIN_NOTICE_MINUTES before the start, an application's at the
 * start) the patient's messages about it lose their Cancel button (core/outbox/consultation-buttons.ts). A cut-off in
 * the window (from, to] belongs to a start in (from + notice, to + notice]; the clock jumping (the sandbox) only makes
 * the window wider.
 */
export function cancelCutOffJob(limits: Pick<DutyLimits, 'cancelMinNoticeMinutes'>): Job {
  const dutyNoticeMs = limits.cancelMinNoticeMinutes * MINUTE;
  return {
    name: 'buttons.cancel_cut_off',
    firstRunLookbackMs: HOUR,
    run(tx, { from, to }) {
      const due = [
        ...scheduledStartingIn(tx, from + dutyNoticeMs, to + dutyNoticeMs).filter((c) => c.kind === 'duty'),
        ...scheduledStartingIn(tx, from, to).filter((c) => c.kind === 'application'),
      ];
      let queued = 0;
      for (const c of due) queued += queueButtonEdits(tx, c.id, 'cut_off', to);
      return queued;
    },
  };
}
