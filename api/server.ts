import { Hono, type Context as HonoContext } from 'hono';
import { webhookCallback, type Bot, type Context } from 'grammy';
import type { Db } from '../db/client.js';
import type { Logger } from '../core/logger.js';
import { systemClock, type Clock } from '../core/clock.js';
import { createHealthRoutes, DEFAULT_MAX_OUTBOX_LAG_SECONDS } from './health.js';
import { createMetricsRoutes, httpMetrics, type Metrics } from './metrics.js';
import { createMiniAppStatic, type MiniAppStaticOptions } from './miniapp-static.js';
import { createFileLinkRoutes } from './files.js';
import { expectedError } from './miniapp/errors.js';
import { createMiniApi, type MiniApiDeps } from './miniapp/index.js';
import { createRoomApi, type RoomApiDeps } from './room/index.js';
import { API_PER_ADDRESS_PER_MINUTE, API_PER_USER_PER_MINUTE, clientAddress, fixedWindow, PER_MINUTE, rateLimit, tooManyJson, VERIFY_PER_MINUTE } from './rate-limit.js';
import { createVerifyRoutes, type VerifyRoutesDeps } from './verify.js';

export interface ServerDeps {
  db: Db;
  logger: Logger;
  /**
   * Bots served by webhook, by path segment: POST /webhook/<name>. Absent in polling mode. timeoutMs: how long an
   * update may take before Telegram is answered 200 anyway (default WEBHOOK_ANSWER_MS).
   */
  webhooks?: { bots: Record<string, Bot<Context>>; secretToken: string; timeoutMs?: number };
  /** The public check of a conclusion's verification code (GET /verify/<code>), the address printed in every PDF. */
  verify?: VerifyRoutesDeps;
  /** The built Mini App under /app/ (where it is, the patient bot's username for its links). */
  miniapp?: MiniAppStaticOptions;
  /** The Mini App's HTTP API under /api: init data checked on every route before anything is read. */
  api?: MiniApiDeps;
  /** The consultation room page's API under /api/room (its own one-time tickets and sessions, no init data). */
  room?: RoomApiDeps;
  /** /healthz: the clock the outbox lag is measured by, and the lag that makes it answer 503. */
  health?: { clock: Clock; maxLagSeconds: number };
  /** /metrics (Prometheus) and the request timing behind it; token: METRICS_TOKEN, else loopback clients only. */
  metrics?: { metrics: Metrics; token?: string | undefined };
  /**
   * Per-client limits on /verify and /api (api/rate-limit.ts), counted on this clock; trustProxy (TRUST_PROXY): the
   * client is the right-most X-Forwarded-For entry, else the socket's peer. Absent: no limits (tests that count nothing).
   */
  rateLimit?: { clock: Clock; trustProxy: boolean };
}

/**
 * Telegram is answered 200 after this long even while the update is still being handled, and the handling goes on.
 * grammY's default would answer an error after 10 s, and Telegram would then deliver the same update again while the
 * first is still running: a document stored twice, a booking tried twice. A handler can wait longer than that (an
 * upload's checks, auto-retry sleeping out a 429 for up to a minute). The service's shutdown waits for such updates
 * (app/update-tracker.ts).
 */
export const WEBHOOK_ANSWER_MS = 5_000;

function jsonError(code: string, message: string) {
  return { error: { code, message } };
}

export function createServer(deps: ServerDeps) {
  const app = new Hono();
  // First, so it times everything after it, the error boundary's answers included.
  if (deps.metrics) app.use('*', httpMetrics(deps.metrics.metrics));

  app.route(
    '/',
    createHealthRoutes({
      db: deps.db,
      logger: deps.logger,
      clock: deps.health?.clock ?? systemClock,
      maxLagSeconds: deps.health?.maxLagSeconds ?? DEFAULT_MAX_OUTBOX_LAG_SECONDS,
    }),
  );
  if (deps.metrics) app.route('/', createMetricsRoutes(deps.metrics));

  const limits = deps.rateLimit;
  const byAddress = limits ? (c: HonoContext) => clientAddress(c, limits.trustProxy) : undefined;
  if (limits && byAddress) {
    // Before init data or a room session is checked: forged credentials cost a try too.
    const hit = fixedWindow({ clock: limits.clock, limit: API_PER_ADDRESS_PER_MINUTE, windowMs: PER_MINUTE });
    app.use('/api/*', rateLimit(hit, byAddress, tooManyJson));
  }
  if (deps.verify) {
    const limit = limits && byAddress ? { hit: fixedWindow({ clock: limits.clock, limit: VERIFY_PER_MINUTE, windowMs: PER_MINUTE }), key: byAddress } : undefined;
    app.route('/', createVerifyRoutes({ ...deps.verify, ...(limit ? { limit } : {}) }));
  }
  // Before the Mini App's API: the room page runs outside Telegram and has no init data to check.
  if (deps.room) app.route('/api/room', createRoomApi(deps.room));
  if (deps.api) {
    // Before the Mini App's API too: Telegram fetches these signed links itself, with no init data.
    app.route('/api/files', createFileLinkRoutes(deps.api.services));
    const perUser = limits ? fixedWindow({ clock: limits.clock, limit: API_PER_USER_PER_MINUTE, windowMs: PER_MINUTE }) : undefined;
    app.route('/api', createMiniApi({ ...deps.api, ...(perUser ? { perUser } : {}) }));
  }
  app.route('/', createMiniAppStatic(deps.miniapp));

  if (deps.webhooks) {
    const { bots, secretToken, timeoutMs = WEBHOOK_ANSWER_MS } = deps.webhooks;
    for (const [name, bot] of Object.entries(bots)) {
      // grammY checks X-Telegram-Bot-Api-Secret-Token and answers 401 to anything else; 'return' answers 200 at the
      // timeout and leaves the update's handling running.
      app.post(`/webhook/${name}`, webhookCallback(bot, 'hono', { secretToken, onTimeout: 'return', timeoutMilliseconds: timeoutMs }));
    }
  }

  app.notFound((c) => c.json(jsonError('not_found', 'Not found'), 404));
  // The one error boundary: expected failures (ApiError, DomainError, HTTPException) as {error:{code,message}}, never a stack.
  app.onError((err, c) => {
    const expected = expectedError(err);
    if (expected) return c.json(jsonError(expected.code, expected.message), expected.status);
    deps.logger.error({ err, path: c.req.path }, 'request failed');
    return c.json(jsonError('internal', 'Internal error'), 500);
  });

  return app;
}
