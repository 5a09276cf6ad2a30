import { JITSI_KEYS, loadConfig, type Config } from '../core/config.js';

/** What the sandbox decides itself: its bots' tokens, where its Bot API emulator listens, its public address. */
export interface SandboxOverrides {
  patientBotToken: string;
  staffBotToken: string;
  telegramApiRoot: string;
  publicUrl: string;
  /** Used unless JITSI_* are set: join links then point at the sandbox's own room page. */
  jitsi: { domain: string; appId: string; appSecret: string };
}

/**
 * The sandbox's config: the environment's ports, limits and log level, its own tokens and addresses, its data in
 * ./data/sandbox (never the real ./data) and, unless HOST is set, the loopback interface only.
 */
export function loadSandboxConfig(env: Record<string, string | undefined>, overrides: SandboxOverrides): Config {
  const given = (key: string) => (env[key] === undefined || env[key] === '' ? undefined : env[key]);
  const jitsiSet = JITSI_KEYS.some((k) => given(k) !== undefined);
  const config = loadConfig({
    ...env,
    PATIENT_BOT_TOKEN: overrides.patientBotToken,
    STAFF_BOT_TOKEN: overrides.staffBotToken,
    STAFF_BOT_USERNAME: undefined,
    PATIENT_BOT_USERNAME: undefined,
    TELEGRAM_API_ROOT: overrides.telegramApiRoot,
    PUBLIC_URL: overrides.publicUrl,
    BOT_MODE: 'polling',
    SMS_PROVIDER: 'log',
    DATA_DIR: given('DATA_DIR') ?? './data/sandbox',
    HOST: given('HOST') ?? '127.0.0.1',
    ...(jitsiSet ? {} : { JITSI_DOMAIN: overrides.jitsi.domain, JITSI_APP_ID: overrides.jitsi.appId, JITSI_APP_SECRET: overrides.jitsi.appSecret }),
  });
  return { ...config, sandbox: true };
}
