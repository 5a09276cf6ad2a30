import type { Db } from '../db/client.js';
import { auditLog } from '../db/schema.js';
import type { Clock } from './clock.js';

export type AuditActor = { type: 'account' | 'staff'; id: number } | { type: 'system' };

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  patientId?: number | null;
  /** Identifiers and counts only: never names, diagnoses or file contents. */
  details?: Record<string, string | number | boolean | null>;
}

export type AuditLog = ReturnType<typeof createAuditLog>;

export function createAuditLog(db: Db, clock: Clock) {
  return {
    record(entry: AuditEntry): void {
      db.insert(auditLog)
        .values({
          at: clock.now(),
          actorType: entry.actor.type,
          actorId: entry.actor.type === 'system' ? null : entry.actor.id,
          action: entry.action,
          patientId: entry.patientId ?? null,
          details: entry.details ? JSON.stringify(entry.details) : null,
        })
        .run();
    },
  };
}
