import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startService } from '../app/start-service.js';
import { ConfigError } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { createBotApiEmulator } from './botapi/emulator.js';
import { keepIdsAcrossRestarts } from './botapi/ids.js';
import { touch } from './botapi/state.js';
import { CLOCK_FILE, createMovableClock, type MovableClock } from './clock.js';
import { nextConsultationStart } from './next-consultation.js';
import { createSmsInbox } from './sms-inbox.js';
import { loadSandboxConfig, SANDBOX_BOTS, SANDBOX_JITSI_DOMAIN, SANDBOX_PUBLIC_URL } from './config.js';
import { refuseServiceData } from './data-guard.js';
import { seedDemo } from './demo.js';
import { pageAssets } from './page/assets.js';
import { labelSandboxPages } from './page/label.js';
import { STAND_IN_PATH } from './page/jitsi-stand-in.js';
import { createSandboxRoutes } from './page/routes.js';

const sandboxToken = (id: number, name: string) => `${id}:SANDBOX-${name}-${randomBytes(12).toString('base64url')}`;

/** PORT as given, if free; PORT=0 picks a free port now, since the bots need the address before the server listens. */
async function choosePort(given: string | undefined, host: string): Promise<number> {
  const port = given === undefined || given === '' ? 8080 : Number(given);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('Invalid config: fix PORT is not a port number', []);
  // A taken port is said plainly (a second sandbox, or the service itself), not as a stack trace after start.
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new ConfigError(`Invalid config: fix PORT ${port} is in use (another sandbox or service?); set PORT to a free port, or 0`, []) : err),
    );
    probe.listen(port, host, () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}

/**
 * `npm start` without bot tokens: a Bot API emulator on a loopback port, the real service pointed at it with sandbox
 * tokens, demo data, and the page that plays both Telegram clients and the Mini App's host. Prints one URL.
 */
export async function startSandbox(env: Record<string, string | undefined>): Promise<void> {
  const assets = await pageAssets();
  const host = env.HOST || '127.0.0.1';
  const port = await choosePort(env.PORT, host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);
  const tokens = { patient: sandboxToken(1_000_000_001, 'patient'), staff: sandboxToken(1_000_000_002, 'staff') };
  // Telegram's message dates follow the sandbox's time too; the clock is made once the data folder is known.
  const time: { clock?: MovableClock } = {};
  const emulator = createBotApiEmulator({
    bots: [
      { token: tokens.patient, username: SANDBOX_BOTS.patient, firstName: 'Облако здоровья (песочница)' },
      { token: tokens.staff, username: SANDBOX_BOTS.staff, firstName: 'Облако здоровья: врачи (песочница)' },
    ],
    now: () => (time.clock ? time.clock.now() : Date.now()),
  });
  const botApi = await emulator.listen('127.0.0.1');
  const config = loadSandboxConfig(
    { ...env, PORT: String(port) },
    {
      patientBotToken: tokens.patient,
      staffBotToken: tokens.staff,
      telegramApiRoot: botApi.apiRoot,
      publicUrl: SANDBOX_PUBLIC_URL,
      jitsi: { domain: SANDBOX_JITSI_DOMAIN, appId: 'oblako-sandbox', appSecret: randomBytes(32).toString('hex') },
    },
  );
  refuseServiceData(config.databaseFile, config.dataDir);
  keepIdsAcrossRestarts(emulator.state, path.join(config.dataDir, 'sandbox-ids.json'));
  const logger = createLogger(config.logLevel).child({ sandbox: true });
  const movable = createMovableClock({ file: path.join(config.dataDir, CLOCK_FILE) });
  time.clock = movable;
  if (movable.offsetMs() > 0) logger.warn({ offsetMs: movable.offsetMs() }, 'SANDBOX clock runs ahead of the real time (moved on the page earlier)');
  const sms = createSmsInbox({ logger, clock: movable, onChange: () => touch(emulator.state) });
  const shown = config.host === '0.0.0.0' ? '127.0.0.1' : config.host === '::' ? '::1' : config.host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/sandbox/`;
  logger.warn({ dataDir: config.dataDir, botApi: botApi.apiRoot }, 'SANDBOX mode: no bot tokens set, Telegram is emulated locally and demo data is used');
  if (!['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    logger.warn({ host: config.host }, 'SANDBOX page reachable beyond this machine: anyone who can reach it acts as its patient and doctors');
  }

  // The page holds a state request open for up to 25 s; a stopping server would wait for it.
  const stopping = new AbortController();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stopping.abort());

  await startService(config, logger, {
    clock: movable,
    smsGateway: sms.gateway,
    beforeStart: (services) => void seedDemo(services, logger),
    // With the sandbox's own stand-in Jitsi, room pages load the stand-in External API that plays the call's events.
    ...(config.jitsi?.domain === SANDBOX_JITSI_DOMAIN ? { externalApiUrl: () => STAND_IN_PATH } : {}),
    routes: (app, services) => {
      labelSandboxPages(app);
      app.route(
        '/',
        createSandboxRoutes({
          emulator,
          tokens,
          publicUrl: SANDBOX_PUBLIC_URL,
          jitsiDomain: config.jitsi?.domain ?? SANDBOX_JITSI_DOMAIN,
          stopping: stopping.signal,
          assets,
          host: config.host,
          clock: movable,
          nextConsultation: (now) => nextConsultationStart(services.db, now),
          sms,
        }),
      );
    },
    onListening: () => {
      logger.warn({ url }, 'SANDBOX ready');
      process.stdout.write(
        [
          '',
          '  ==================== SANDBOX ====================',
          '  Облако здоровья: local sandbox, not Telegram (demo data, not for patients)',
          `  Open: ${url}`,
          `  Data: ${config.dataDir}`,
          '  =================================================',
          '',
        ].join('\n') + '\n',
      );
    },
  });
}
