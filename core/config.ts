import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Thrown when the environment cannot make a valid config; `missing` names what to set. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly missing: string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

const botToken = z.string().regex(/^\d+:[\w-]{20,}$/, 'is not a bot token (expected 123456:ABC...)');

const common = z.object({
  PATIENT_BOT_TOKEN: botToken,
  STAFF_BOT_TOKEN: botToken.optional(),
  STAFF_BOT_USERNAME: z.string().regex(/^[A-Za-z]\w{3,31}$/, 'is not a bot username').optional(),
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url().optional(),
  INIT_DATA_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(86_400),
  BOOKING_MIN_NOTICE_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
  CANCEL_MIN_NOTICE_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(120),
  MAX_ACTIVE_DUTY_BOOKINGS: z.coerce.number().int().min(1).max(20).default(2),
  DUTY_DAYS_AHEAD: z.coerce.number().int().min(1).max(90).default(21),
  JITSI_DOMAIN: z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a bare host name, like meet.example.org').optional(),
  JITSI_APP_ID: z.string().min(1).optional(),
  // HS256 with a short secret can be brute-forced offline from any token a patient holds.
  JITSI_APP_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -hex 32)').optional(),
  // SMS (referral invites, fallback notices): the log gateway only logs; smsru sends through SMS.ru's HTTP API.
  SMS_PROVIDER: z.enum(['log', 'smsru']).default('log'),
  SMSRU_API_ID: z.string().regex(/^[A-Za-z0-9-]{16,64}$/, 'is not an SMS.ru api_id (like 1A2B3C4D-…, from the SMS.ru dashboard)').optional(),
  // An SMS.ru sender name must be approved there first; without one, the account's default sender is used.
  SMS_SENDER: z.string().regex(/^(?:[A-Za-z0-9 ._-]{1,11}|\d{1,15})$/, 'must be up to 11 Latin letters, digits, space . _ - (or a phone number)').optional(),
  SMSRU_TEST: z.enum(['0', '1']).optional(),
  PATIENT_BOT_USERNAME: z.string().regex(/^@?[A-Za-z]\w{3,31}$/, 'is not a bot username').optional(),
  // Outbox: a message still failing this long after it was queued is recorded as failed (and shown in /delivery).
  OUTBOX_GIVE_UP_HOURS: z.coerce.number().positive().max(7 * 24).default(24),
  // Telegram's bulk limit per bot; raise only with paid broadcasts enabled for the bot.
  OUTBOX_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(30),
  // /healthz answers 503 once a due message has waited longer than this for the outbox (or SMS) sender.
  HEALTH_MAX_OUTBOX_LAG_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  // With it, /metrics wants Authorization: Bearer <token>; without it, /metrics answers loopback clients only.
  // Behind a reverse proxy on this host (Caddy, nginx) every client would share the proxy's address: the rate limits
  // then count by the right-most X-Forwarded-For entry. Off, that header is ignored (a client could write anything).
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  METRICS_TOKEN: z.string().regex(/^[A-Za-z0-9._~+/=-]{24,256}$/, 'must be 24-256 characters of A-Z a-z 0-9 . _ ~ + / = - (openssl rand -hex 32)').optional(),
});

const polling = common.extend({ BOT_MODE: z.literal('polling') });
const webhook = common.extend({
  BOT_MODE: z.literal('webhook'),
  PUBLIC_URL: z.url({ protocol: /^https$/ }),
  WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 of A-Z a-z 0-9 _ -'),
});

/** Video's three keys: set all of them or none. */
export const JITSI_KEYS = ['JITSI_DOMAIN', 'JITSI_APP_ID', 'JITSI_APP_SECRET'] as const;

// Video is all or nothing: two of the three set is a mistake to report at start, not a silently video-less service.
const schema = z.discriminatedUnion('BOT_MODE', [polling, webhook]).superRefine((env, ctx) => {
  const set = JITSI_KEYS.filter((k) => env[k] !== undefined);
  if (set.length > 0 && set.length < JITSI_KEYS.length) {
    for (const key of JITSI_KEYS.filter((k) => env[k] === undefined)) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'is needed with the other JITSI_ variables' });
    }
  }
  if (env.SMS_PROVIDER === 'smsru' && env.SMSRU_API_ID === undefined) {
    ctx.addIssue({ code: 'custom', path: ['SMSRU_API_ID'], message: 'is needed with SMS_PROVIDER=smsru' });
  }
});

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof schema>) {
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    patientBotToken: env.PATIENT_BOT_TOKEN,
    staffBotToken: env.STAFF_BOT_TOKEN,
    staffBotUsername: env.STAFF_BOT_USERNAME?.replace(/^@/, ''),
    telegramApiRoot: env.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseFile: path.join(dataDir, 'db.sqlite'),
    filesDir: path.join(dataDir, 'files'),
    logLevel: env.LOG_LEVEL,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
    initDataMaxAgeSeconds: env.INIT_DATA_MAX_AGE_SECONDS,
    duty: {
      bookingMinNoticeMinutes: env.BOOKING_MIN_NOTICE_MINUTES,
      cancelMinNoticeMinutes: env.CANCEL_MIN_NOTICE_MINUTES,
      maxActiveDutyBookings: env.MAX_ACTIVE_DUTY_BOOKINGS,
      daysAhead: env.DUTY_DAYS_AHEAD,
    },
    jitsi:
      env.JITSI_DOMAIN && env.JITSI_APP_ID && env.JITSI_APP_SECRET
        ? { domain: env.JITSI_DOMAIN, appId: env.JITSI_APP_ID, appSecret: env.JITSI_APP_SECRET }
        : undefined,
    sms:
      env.SMS_PROVIDER === 'smsru' && env.SMSRU_API_ID
        ? { provider: 'smsru' as const, apiId: env.SMSRU_API_ID, sender: env.SMS_SENDER, test: env.SMSRU_TEST === '1' }
        : { provider: 'log' as const },
    patientBotUsername: env.PATIENT_BOT_USERNAME?.replace(/^@/, ''),
    outbox: { giveUpMs: env.OUTBOX_GIVE_UP_HOURS * 3600_000, messagesPerSecond: env.OUTBOX_MESSAGES_PER_SECOND },
    ops: { healthMaxOutboxLagSeconds: env.HEALTH_MAX_OUTBOX_LAG_SECONDS, metricsToken: env.METRICS_TOKEN },
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    // True only from the sandbox's own config (sandbox/config.ts): no environment variable can make a service one.
    sandbox: false as boolean,
    bot:
      env.BOT_MODE === 'webhook'
        ? { mode: 'webhook' as const, webhookSecret: env.WEBHOOK_SECRET }
        : { mode: 'polling' as const },
  };
}

/** Parses the environment once; throws ConfigError naming every missing or invalid key. */
export function loadConfig(env: Record<string, string | undefined> = readEnv()): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  ) as Record<string, string>;
  const result = schema.safeParse({ BOT_MODE: 'polling', ...cleaned });
  if (!result.success) {
    const missing = new Set<string>();
    const problems: string[] = [];
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? 'BOT_MODE');
      if (cleaned[key] === undefined) missing.add(key);
      else problems.push(`${key} ${issue.message}`);
    }
    const parts = [];
    if (missing.size) parts.push(`set ${[...missing].join(', ')}`);
    if (problems.length) parts.push(`fix ${problems.join('; ')}`);
    throw new ConfigError(`Invalid config: ${parts.join('; ')}`, [...missing], { cause: result.error });
  }
  return toConfig(result.data);
}

/** The process environment, with a .env file in the working directory read first when present. */
export function readEnv(): Record<string, string | undefined> {
  const file = path.resolve('.env');
  if (existsSync(file)) process.loadEnvFile(file);
  return process.env;
}
