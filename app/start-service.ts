import { serve } from '@hono/node-server';
import type { I18n } from '@grammyjs/i18n';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot, Context } from 'grammy';
import type { Hono } from 'hono';
import { systemClock, type Clock } from '../core/clock.js';
import { ConfigError, type Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import type { SmsGateway } from '../core/sms/gateway.js';
import { lockDataDir, type ServiceLock } from '../core/ops/service-lock.js';
import { openDatabase, type Db } from '../db/client.js';
import { createPatientBot } from '../bot/patient/index.js';
import { configureMenuButton } from '../bot/patient/menu-button.js';
import { DEFAULT_LOCALE } from '../bot/shared/i18n.js';
import { createStaffBot } from '../bot/staff/index.js';
import { createOutbox } from './outbox.js';
import { createServer } from '../api/server.js';
import { createServices, type Services } from './services.js';
import { createSms } from './sms.js';
import { createUpdateTracker } from './update-tracker.js';

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

interface Running {
  name: string;
  bot: Bot<Context>;
}

async function startBots(bots: Running[], config: Config, logger: Logger): Promise<RunnerHandle[]> {
  const runners: RunnerHandle[] = [];
  for (const { name, bot } of bots) {
    if (config.bot.mode === 'webhook') {
      await bot.api.setWebhook(`${config.publicUrl}/webhook/${name}`, {
        secret_token: config.bot.webhookSecret,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      logger.info({ bot: bot.botInfo.username, name }, 'webhook set');
    } else {
      // A webhook left over from an earlier deployment would make getUpdates fail with 409.
      await bot.api.deleteWebhook();
      runners.push(run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } }));
      logger.info({ bot: bot.botInfo.username, name }, 'long polling started');
    }
  }
  return runners;
}

/**
 * The longest a graceful stop may take: systemd's default TimeoutStopSec is 90 s and Docker's stop waits 10 s before
 * SIGKILL (deploy/ sets both above this). Past it the process exits without closing the database, which SQLite's WAL
 * recovers at the next start, rather than closing it under a handler that is still running.
 */
export const SHUTDOWN_LIMIT_MS = 20_000;

const SLOT_GENERATION_INTERVAL_MS = 6 * 3600_000;

/** Keeps every duty doctor's slots generated DUTY_DAYS_AHEAD ahead: at start, then every few hours (idempotent). */
function startSlotGeneration(services: ReturnType<typeof createServices>, logger: Logger): () => void {
  const run = () => {
    try {
      const opened = services.duty.generateAll();
      if (opened) logger.info({ opened }, 'duty slots generated');
    } catch (err) {
      logger.error({ err }, 'duty slot generation failed');
    }
  };
  run();
  // A clock moved forward (the sandbox) opens the days it moved into at once.
  const unsubscribe = services.clock.onJump?.(run);
  const timer = setInterval(run, SLOT_GENERATION_INTERVAL_MS).unref();
  return () => {
    clearInterval(timer);
    unsubscribe?.();
  };
}

const STAFF_MENU_SYNC_INTERVAL_MS = 60_000;

/** Brings staff members' command menus up to date every minute (bot/staff/commands.ts); returns the stop. */
function startStaffMenuSync(staff: { syncCommands(): Promise<void> }, logger: Logger): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    staff
      .syncCommands()
      .catch((err: unknown) => logger.warn({ err }, 'staff menus not brought up to date; trying again in a minute'))
      .finally(() => (busy = false));
  }, STAFF_MENU_SYNC_INTERVAL_MS).unref();
  return () => clearInterval(timer);
}

/** Additions for a caller that runs more than the service itself (the sandbox). */
export interface ServiceHooks {
  /**
   * The sandbox's movable clock. Refused for any config but the sandbox's: a service whose time can be moved would
   * send reminders early, expire join links and let conclusions be written before the call.
   */
  clock?: Clock;
  /** Where SMS go (the sandbox's page shows them) instead of SMS_PROVIDER's gateway. */
  smsGateway?: SmsGateway;
  /** After the services are built, before the bots start (the sandbox seeds its demo data here). */
  beforeStart?: (services: Services) => void | Promise<void>;
  /** More routes on the HTTP server, before its own "not found" (the sandbox's page and its API). */
  routes?: (app: Hono, services: Services) => void;
  /** Where room pages load Jitsi's External API from (the sandbox serves a stand-in that plays the call's events). */
  externalApiUrl?: (domain: string) => string;
  /** Once the server listens. */
  onListening?: (port: number) => void;
}

/**
 * Starts the whole service for a config: database, services, both bots (polling or webhook), the HTTP server, the
 * outbox and the periodic jobs; SIGTERM/SIGINT stop it gracefully. The sandbox starts it the same way.
 */
export async function startService(config: Config, logger: Logger, hooks: ServiceHooks = {}) {
  if (hooks.clock && !config.sandbox) throw new ConfigError('Invalid config: a movable clock runs only in the sandbox', []);
  const clock = hooks.clock ?? systemClock;
  // A stop while starting (systemd or Docker stopping a service stuck on Telegram at start) must still close the
  // database and free DATA_DIR, so the handlers come first; the graceful stop takes over once everything runs.
  const started: { lock?: ServiceLock; db?: Db; stop?: (signal: string) => Promise<void> } = {};
  const onSignal = (signal: string) => {
    if (started.stop) return void started.stop(signal);
    // Every database call is synchronous, so none is half done here, and nothing runs after process.exit.
    logger.info({ signal }, 'stopped while starting');
    started.db?.$client.close();
    started.lock?.release();
    process.exit(0);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  // Before anything else touches DATA_DIR: a second service on it refuses here, in one line naming the first.
  const dataDirLock = (started.lock = lockDataDir(config.dataDir));
  const database = (started.db = openDatabase(config.databaseFile, { logger }));
  const services = createServices({ config, db: database, clock, logger, ...(hooks.smsGateway ? { smsGateway: hooks.smsGateway } : {}), ...(hooks.externalApiUrl ? { externalApiUrl: hooks.externalApiUrl } : {}) });
  await hooks.beforeStart?.(services);

  const patient = createPatientBot(services);
  const staff = config.staffBotToken ? createStaffBot({ ...services, staffToken: config.staffBotToken }) : undefined;
  if (!staff) logger.warn('STAFF_BOT_TOKEN is not set: doctors get no notifications until it is');
  const bots: Running[] = [{ name: 'patient', bot: patient.bot as unknown as Bot<Context> }];
  if (staff) bots.push({ name: 'staff', bot: staff.bot as unknown as Bot<Context> });
  const updates = createUpdateTracker();
  for (const { bot } of bots) {
    updates.track(bot);
    await bot.init();
  }
  services.room.knowBots({ patient: patient.bot.botInfo.username, staff: staff?.bot.botInfo.username });
  await patient.registerCommands();
  await configureMenuButton(patient.bot.api, config.publicUrl, patient.i18n.t(DEFAULT_LOCALE, 'menu-button-app'));
  await staff?.registerCommands();

  const webhook = config.bot.mode === 'webhook' ? config.bot : undefined;
  services.metrics.collectProcessMetrics();
  const app = createServer({
    db: database,
    logger,
    verify: services,
    miniapp: { botUsername: patient.bot.botInfo.username },
    api: { services, maxAgeSeconds: config.initDataMaxAgeSeconds },
    room: { room: services.room },
    health: { clock, maxLagSeconds: config.ops.healthMaxOutboxLagSeconds },
    metrics: { metrics: services.metrics, token: config.ops.metricsToken },
    rateLimit: { clock, trustProxy: config.trustProxy },
    ...(webhook ? { webhooks: { bots: Object.fromEntries(bots.map((b) => [b.name, b.bot])), secretToken: webhook.webhookSecret } } : {}),
  });
  hooks.routes?.(app, services);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ port: info.port, mode: config.bot.mode }, 'server listening');
    hooks.onListening?.(info.port);
  });
  const runners = await startBots(bots, config, logger);
  const outbox = createOutbox(services, {
    patient: patient.i18n as unknown as I18n<Context>,
    staff: staff?.i18n as unknown as I18n<Context> | undefined,
  }, config.outbox);
  // Direct replies count in Telegram's limits too: the outbox makes room for them.
  patient.bot.api.config.use(outbox.observe('patient'));
  staff?.bot.api.config.use(outbox.observe('staff'));
  // Holding DATA_DIR's lock, this is the only sender: leases left in the database are a stopped process's.
  const released = { outbox: services.outbox.releaseLeases(), sms: services.smsOutbox.releaseLeases() };
  if (released.outbox || released.sms) logger.info(released, 'rows a stopped process had claimed are sent again now');
  outbox.start();
  // SMS (referral invites, fallback notices); an invite's link names the patient bot: PATIENT_BOT_USERNAME, else getMe's.
  const sms = createSms(services, {
    translate: (locale, key, params) => patient.i18n.t(locale, key, params),
    botUsername: () => patient.bot.botInfo.username,
  });
  sms.start();
  services.scheduler.start();
  const stopSlotGeneration = startSlotGeneration(services, logger);

  // Members' menus follow the database: the CLI deactivates members and changes roles without reaching Telegram.
  const menuSync = staff ? startStaffMenuSync(staff, logger) : () => undefined;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const limit = setTimeout(() => {
      logger.error({ limitMs: SHUTDOWN_LIMIT_MS, updatesInFlight: updates.inFlight }, 'shutdown took too long; exiting with the database left to recover');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    limit.unref();
    // Stop taking updates and requests and stop sending, let what is in flight finish (webhook updates already
    // answered included), and only then close the database: nothing may run against a closed one.
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    await Promise.all(runners.map((r) => r.stop()));
    await updates.drain();
    stopSlotGeneration();
    menuSync();
    services.scheduler.stop();
    await outbox.stop();
    await sms.stop();
    await serverClosed;
    database.$client.close();
    dataDirLock.release();
    clearTimeout(limit);
    logger.info('stopped');
    process.exit(0);
  };
  started.stop = shutdown;
}

