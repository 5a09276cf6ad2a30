import { Hono } from 'hono';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { combined, createDeliveryLag, type QueueState } from '../core/ops/delivery-lag.js';
import type { Db } from '../db/client.js';

export const DEFAULT_MAX_OUTBOX_LAG_SECONDS = 300;

export interface HealthDeps {
  db: Db;
  logger: Logger;
  clock: Clock;
  /** A due message waiting longer than this for its sender (Telegram outbox or SMS) makes the service unhealthy. */
  maxLagSeconds: number;
}

const queue = (s: QueueState) => ({ pending: s.pending, due: s.due, oldestAgeSeconds: s.oldestDueAgeSeconds, failed: s.failed });

/**
 * GET /healthz for the load balancer and the monitoring: 200 when the database answers and both senders keep up,
 * 503 otherwise. `status` ('ok' | 'degraded') is the field the first version answered with; `problems` says why.
 */
export function createHealthRoutes(deps: HealthDeps) {
  const app = new Hono();
  const lag = createDeliveryLag(deps.db.$client, deps.clock);
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    let outbox: QueueState;
    let sms: QueueState;
    try {
      const answer = deps.db.$client.prepare('select 1').pluck().get();
      if (answer !== 1) throw new Error(`select 1 answered ${String(answer)}`);
      outbox = combined(lag.outbox().values());
      sms = lag.sms();
    } catch (err) {
      deps.logger.error({ err }, 'health: the database did not answer');
      return c.json({ status: 'degraded', ok: false, db: 'error', problems: ['database'], maxLagSeconds: deps.maxLagSeconds }, 503);
    }
    const problems: string[] = [];
    if (outbox.oldestDueAgeSeconds > deps.maxLagSeconds) problems.push('outbox_lag');
    if (sms.oldestDueAgeSeconds > deps.maxLagSeconds) problems.push('sms_lag');
    const ok = problems.length === 0;
    return c.json(
      { status: ok ? 'ok' : 'degraded', ok, db: 'ok', outbox: queue(outbox), sms: queue(sms), maxLagSeconds: deps.maxLagSeconds, problems },
      ok ? 200 : 503,
    );
  });
  return app;
}
