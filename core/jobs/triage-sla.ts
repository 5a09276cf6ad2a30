import { enqueue } from '../outbox/repository.js';
import { reachableStaff, untakenSubmittedIn } from './queries.js';
import { reminderDedupeKey, TRIAGE_SLA_ESCALATES_AT, TRIAGE_SLA_TEMPLATE, type TriageSlaLevel } from './rules.js';
import type { Job } from './scheduler.js';

const HOUR = 3_600_000;

export type SlaAudience = 'doctor' | 'manager';

/**
 * An application no doctor has taken reminds its center's doctors 24 h after it was submitted; at 48 h the doctors
 * again, and the managers (of that center, or of none) and the admins too. Each person once per level. An outage
 * that swallowed both moments sends only the 48-hour one.
 */
export function triageSlaJob(): Job {
  return {
    name: 'triage.sla',
    // On the first start, applications already overdue within the last week are reminded of once.
    firstRunLookbackMs: 7 * 24 * HOUR,
    run(tx, { from, to }) {
      const staff = reachableStaff(tx);
      const escalated = untakenSubmittedIn(tx, from - TRIAGE_SLA_ESCALATES_AT * HOUR, to - TRIAGE_SLA_ESCALATES_AT * HOUR);
      const escalatedIds = new Set(escalated.map((a) => a.id));
      const first = untakenSubmittedIn(tx, from - 24 * HOUR, to - 24 * HOUR).filter((a) => !escalatedIds.has(a.id));
      let queued = 0;
      const remind = (applicationId: number, level: TriageSlaLevel, recipients: Array<{ id: number; telegramId: number; audience: SlaAudience }>) => {
        for (const r of recipients) {
          enqueue(
            tx,
            {
              chatId: r.telegramId,
              template: TRIAGE_SLA_TEMPLATE,
              params: { applicationId, level, audience: r.audience },
              dedupeKey: reminderDedupeKey.sla(applicationId, level, r.id),
            },
            to,
          );
          queued++;
        }
      };
      const doctorsOf = (center: string) =>
        staff.filter((s) => s.role === 'doctor' && s.centerCode === center).map((s) => ({ ...s, audience: 'doctor' as const }));
      const managersOf = (center: string) =>
        staff
          .filter((s) => s.role === 'admin' || (s.role === 'manager' && (s.centerCode === null || s.centerCode === center)))
          .map((s) => ({ ...s, audience: 'manager' as const }));
      for (const app of first) remind(app.id, 24, doctorsOf(app.centerCode));
      for (const app of escalated) remind(app.id, TRIAGE_SLA_ESCALATES_AT, [...doctorsOf(app.centerCode), ...managersOf(app.centerCode)]);
      return queued;
    },
  };
}
