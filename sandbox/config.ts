import { JITSI_KEYS, loadConfig, type Config } from '../core/config.js';

/**
 * The https address the bots are told the service has. Telegram opens Mini Apps over https only, and the bots offer
 * web_app buttons only for an https PUBLIC_URL; the sandbox page maps this origin to its own plain-http one.
 * `.localhost` names are reserved for the local machine (RFC 6761), so nothing outside is ever meant.
 */
export const SANDBOX_PUBLIC_URL = 'https://oblako.sandbox.localhost';
/** Join links are minted for this Jitsi domain; the page opens them as /sandbox/room/<room>. */
export const SANDBOX_JITSI_DOMAIN = 'meet.sandbox.localhost';
/** The sandbox bots' usernames (the CLI prints invite links with them too). */
export const SANDBOX_BOTS = { patient: 'oblako_sandbox_bot', staff: 'oblako_staff_sandbox_bot' } as const;

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
