import { serve } from '@hono/node-server';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot, Context } from 'grammy';
import { systemClock } from '../core/clock.js';
import { ConfigError, loadConfig, type Config } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { openDatabase } from '../db/client.js';
import { createPatientBot } from '../bot/patient/index.js';
import { createServer } from './server.js';
import { createServices } from './services.js';

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      // One line a person can act on; the details of each key are in README.
      console.error(`${err.message} (see README.md, "Configuration")`);
      process.exit(1);
    }
    throw err;
  }
}

async function main() {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.databaseFile);
  const services = createServices({ config, db, clock: systemClock, logger });
  const patient = createPatientBot(services);
  await patient.bot.init();
  await patient.registerCommands();

  let runner: RunnerHandle | undefined;
  const webhook = config.bot.mode === 'webhook' ? config.bot : undefined;
  const app = createServer({
    db,
    logger,
    ...(webhook
      ? { webhooks: { bots: { patient: patient.bot as unknown as Bot<Context> }, secretToken: webhook.webhookSecret } }
      : {}),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) =>
    logger.info({ port: info.port, mode: config.bot.mode }, 'server listening'),
  );

  if (webhook) {
    await patient.bot.api.setWebhook(`${config.publicUrl}/webhook/patient`, {
      secret_token: webhook.webhookSecret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
    logger.info({ bot: patient.bot.botInfo.username }, 'webhook set');
  } else {
    // A webhook left over from an earlier deployment would make getUpdates fail with 409.
    await patient.bot.api.deleteWebhook();
    runner = run(patient.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    logger.info({ bot: patient.bot.botInfo.username }, 'long polling started');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Stop taking updates, let the ones in flight finish, then close the server and the database.
    await runner?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    db.$client.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

await main();
