import { ConfigError } from '../core/config.js';

/** What `npm start` runs: the real service, or the local sandbox (a Bot API emulator and a page, no Telegram). */
export type StartMode = 'service' | 'sandbox';

/**
 * The sandbox runs when neither bot token is set, so a fresh clone's `npm start` shows the product. It never runs
 * beside a token (SANDBOX=1 with one is refused), nor with BOT_MODE=webhook or SANDBOX=0: those are deployments that
 * forgot their tokens, and they get loadConfig's "set PATIENT_BOT_TOKEN" instead. A STAFF_BOT_TOKEN alone is the
 * same mistake and is reported the same way.
 */
export function detectMode(env: Record<string, string | undefined>): StartMode {
  const set = (key: string) => env[key] !== undefined && env[key] !== '';
  const tokens = ['PATIENT_BOT_TOKEN', 'STAFF_BOT_TOKEN'].filter(set);
  const sandbox = env.SANDBOX?.trim();
  if (sandbox !== undefined && sandbox !== '' && sandbox !== '0' && sandbox !== '1') {
    throw new ConfigError('Invalid config: fix SANDBOX must be 1 or 0', []);
  }
  if (sandbox === '1' && tokens.length > 0) {
    throw new ConfigError(`Invalid config: fix SANDBOX=1 runs without Telegram; unset ${tokens.join(' and ')} or SANDBOX`, []);
  }
  if (tokens.length > 0 || sandbox === '0' || env.BOT_MODE === 'webhook') return 'service';
  return 'sandbox';
}
