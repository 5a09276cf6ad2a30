import path from 'node:path';
import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import { CLOCK_FILE, createMovableClock } from './clock.js';
import { loadSandboxConfig, SANDBOX_BOTS, SANDBOX_JITSI_DOMAIN, SANDBOX_PUBLIC_URL } from './config.js';
import { refuseServiceData } from './data-guard.js';

// The CLI never talks to a Bot API (it prints links and writes the database), so these only satisfy the config.
const UNUSED_TOKEN = (id: number) => `${id}:SANDBOX-cli-never-sent-anywhere`;

/**
 * The admin CLI with no bot token set: the sandbox's data folder (./data/sandbox unless DATA_DIR), the sandbox bots'
 * names in links, and the sandbox's clock as its page left it (the CLI reads it, never moves it). It never opens a
 * service's data, as the sandbox itself never does, and takes no lock: it runs beside the sandbox's process.
 */
export function sandboxCli(env: Record<string, string | undefined>): { config: Config; clock: Clock } {
  const loaded = loadSandboxConfig(env, {
    patientBotToken: UNUSED_TOKEN(1_000_000_001),
    staffBotToken: UNUSED_TOKEN(1_000_000_002),
    telegramApiRoot: 'http://127.0.0.1:9',
    publicUrl: SANDBOX_PUBLIC_URL,
    jitsi: { domain: SANDBOX_JITSI_DOMAIN, appId: 'oblako-sandbox', appSecret: 'sandbox-cli-issues-no-join-links-ever-0000' },
  });
  const config: Config = { ...loaded, staffBotUsername: SANDBOX_BOTS.staff, patientBotUsername: SANDBOX_BOTS.patient };
  refuseServiceData(config.databaseFile, config.dataDir);
  return { config, clock: createMovableClock({ file: path.join(config.dataDir, CLOCK_FILE) }) };
}
