import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Update } from 'grammy/types';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { createDeliveryLag, type QueueState } from '../core/ops/delivery-lag.js';
import type { Db } from '../db/client.js';

const BOTS = ['patient', 'staff'] as const;
// Seconds; the Mini App's API answers in milliseconds, a document upload through a webhook may take seconds.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricsDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The bots' tokens: a token's number before the colon is its bot's id, which names the bot in labels. */
  tokens: { patient: string; staff?: string | undefined };
}

/**
 * The service's Prometheus metrics, on a registry of its own (never prom-client's global one, so two service graphs
 * in one process, as in tests, do not mix): updates per bot, HTTP latency, and the delivery queues read at scrape.
 */
export function createMetrics(deps: MetricsDeps) {
  const registry = new Registry();
  const registers = [registry];
  const botNames = new Map<number, string>();
  botNames.set(Number(deps.tokens.patient.split(':')[0]), 'patient');
  if (deps.tokens.staff) botNames.set(Number(deps.tokens.staff.split(':')[0]), 'staff');

  const updates = new Counter({
    name: 'oblako_bot_updates_total',
    help: 'Updates received by each bot, by update type (message, callback_query, …)',
    labelNames: ['bot', 'type'] as const,
    registers,
  });
  const http = new Histogram({
    name: 'oblako_http_request_duration_seconds',
    help: 'HTTP requests by route pattern (never the raw path) and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });

  // One read of the queues per scrape: prom-client calls every synchronous collect() in one turn, and the snapshot
  // is dropped at the end of it.
  const lag = createDeliveryLag(deps.db.$client, deps.clock);
  type Snapshot = { ok: true; outbox: Map<string, QueueState>; sms: QueueState } | { ok: false };
  let snapshot: Snapshot | undefined;
  const current = (): Snapshot => {
    if (!snapshot) {
      try {
        snapshot = { ok: true, outbox: lag.outbox(), sms: lag.sms() };
      } catch (err) {
        deps.logger.error({ err }, 'metrics: the database did not answer');
        snapshot = { ok: false };
      }
      queueMicrotask(() => (snapshot = undefined));
    }
    return snapshot;
  };
  const queueGauge = (name: string, help: string, pick: (s: QueueState) => number) => {
    new Gauge({
      name: `oblako_outbox_${name}`,
      help: `Telegram outbox: ${help}`,
      labelNames: ['bot'] as const,
      registers,
      collect() {
        this.reset();
        const s = current();
        if (!s.ok) return;
        for (const bot of BOTS) this.set({ bot }, pick(s.outbox.get(bot) ?? { pending: 0, due: 0, oldestDueAgeSeconds: 0, failed: 0 }));
      },
    });
    new Gauge({
      name: `oblako_sms_outbox_${name}`,
      help: `SMS outbox: ${help}`,
      registers,
      collect() {
        this.reset();
        const s = current();
        if (s.ok) this.set(pick(s.sms));
      },
    });
  };
  new Gauge({
    name: 'oblako_database_up',
    help: '1 when the database answered this scrape, 0 when it did not (the queue gauges are then absent)',
    registers,
    collect() {
      this.set(current().ok ? 1 : 0);
    },
  });
  queueGauge('pending', 'messages neither sent nor given up', (s) => s.pending);
  queueGauge('due', 'pending messages whose time has come', (s) => s.due);
  queueGauge('oldest_due_age_seconds', 'how long the longest-waiting due message has been due (the sender lag)', (s) => s.oldestDueAgeSeconds);
  queueGauge('failed', 'messages the sender gave up on', (s) => s.failed);

  return {
    registry,
    /** Called by every bot first thing for each update (bot/shared/stack.ts). */
    countUpdate(botId: number, update: Update): void {
      const type = Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
      updates.inc({ bot: botNames.get(botId) ?? String(botId), type: /^[a-z_]{1,40}$/.test(type) ? type : 'unknown' });
    },
    observeHttp(method: string, route: string, status: number, seconds: number): void {
      http.observe({ method, route, status: `${Math.floor(status / 100)}xx` }, seconds);
    },
    /** Process metrics (CPU, memory, event loop lag, GC) on this registry: once, by the running service only. */
    collectProcessMetrics(): void {
      collectDefaultMetrics({ register: registry });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const METRICS_PATH = '/metrics';

/** Times every request under the route pattern it matched; requests no route matched share one label. */
export function httpMetrics(metrics: Pick<Metrics, 'observeHttp'>): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      metrics.observeHttp(c.req.method, routeLabel(c), c.res.status, (performance.now() - started) / 1000);
    }
  };
}

function routeLabel(c: Context): string {
  const route = routePath(c);
  // Still this middleware's own '*' (or '/*'): nothing else matched, and the raw path must not become a label.
  return route === '*' || route === '/*' || route === '' ? 'unmatched' : route;
}

export interface MetricsRouteOptions {
  metrics: Pick<Metrics, 'registry'>;
  /** When set, scrapes must send Authorization: Bearer <token>; when not, only loopback clients get an answer. */
  token?: string | undefined;
}

/** GET /metrics in Prometheus' text format. */
export function createMetricsRoutes(opts: MetricsRouteOptions) {
  const app = new Hono();
  app.get(METRICS_PATH, async (c) => {
    if (opts.token !== undefined) {
      if (!bearerMatches(c.req.header('authorization'), opts.token)) {
        c.header('WWW-Authenticate', 'Bearer realm="metrics"');
        return c.json({ error: { code: 'unauthorized', message: 'Authorization: Bearer <METRICS_TOKEN> required' } }, 401);
      }
    } else if (!isLoopbackClient(c)) {
      return c.json({ error: { code: 'forbidden', message: 'Metrics are served to loopback clients only; set METRICS_TOKEN to scrape from elsewhere' } }, 403);
    }
    c.header('Cache-Control', 'no-store');
    return c.body(await opts.metrics.registry.metrics(), 200, { 'Content-Type': opts.metrics.registry.contentType });
  });
  return app;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A client on this machine that no proxy forwarded: a reverse proxy on the same host connects from loopback too,
 * and then says whom it forwards for, so a request carrying any forwarding header is treated as from outside.
 */
function isLoopbackClient(c: Context): boolean {
  if (c.req.header('x-forwarded-for') || c.req.header('forwarded') || c.req.header('x-real-ip')) return false;
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    // Not served by @hono/node-server (no socket to ask): nothing proves the client is local.
    return false;
  }
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || (address?.startsWith('127.') ?? false);
}
