import { parseArgs } from 'node:util';
import { Api } from 'grammy';
import { OPERATOR } from '../core/actor.js';
import { systemClock, type Clock } from '../core/clock.js';
import { ConfigError, loadConfig, readEnv, type Config } from '../core/config.js';
import { DomainError } from '../core/errors.js';
import { createLogger } from '../core/logger.js';
import { STAFF_ROLES, type StaffRole } from '../core/staff/repository.js';
import { openDatabase } from '../db/client.js';
import { BACKUP_USAGE, opsCommand } from './backup.js';
import { reportCommand, REPORT_USAGE } from './report.js';
import { referralsImportCommand, REFERRALS_IMPORT_USAGE } from './referrals.js';
import { slotsCommand, SLOTS_USAGE } from './slots.js';
import { isReferralInvitesAction, referralInvitesCommand, REFERRAL_INVITES_USAGE } from './referrals-invites.js';
import { UsageError } from './usage.js';
import { createServices, type Services } from '../app/services.js';
import { detectMode } from '../app/start-mode.js';

// An operator's tool: its messages are for the people running the service, in English like the logs.
const USAGE = `Usage: npm run cli -- <command>

  staff invite --role <doctor|duty_doctor|manager|admin> --name "<full name>" [--center <bakulev|kulakov>] [--ttl-hours 72]
      creates the staff member and prints their single-use invite link into the staff bot
  staff list
      lists staff: id, name, role, center, whether they joined, active
  staff deactivate --id <n>
      closes the staff bot to that person at once
${SLOTS_USAGE}
${REPORT_USAGE}
${REFERRALS_IMPORT_USAGE}
${REFERRAL_INVITES_USAGE}
${BACKUP_USAGE}`;

async function staffBotUsername(config: Config): Promise<string> {
  if (config.staffBotUsername) return config.staffBotUsername;
  if (!config.staffBotToken) throw new UsageError('Set STAFF_BOT_TOKEN (or STAFF_BOT_USERNAME) to print invite links.');
  const me = await new Api(config.staffBotToken, { apiRoot: config.telegramApiRoot }).getMe();
  return me.username;
}

async function staffCommand(services: Services, config: Config, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      center: { type: 'string' },
      'ttl-hours': { type: 'string' },
      id: { type: 'string' },
    },
  });
  switch (action) {
    case 'invite': {
      const role = values.role as StaffRole | undefined;
      if (!role || !STAFF_ROLES.includes(role)) throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}`);
      if (!values.name) throw new UsageError('--name is required');
      const ttlHours = values['ttl-hours'] ? Number(values['ttl-hours']) : undefined;
      if (ttlHours !== undefined && !(ttlHours > 0 && ttlHours <= 24 * 30)) throw new UsageError('--ttl-hours must be between 1 and 720');
      const username = await staffBotUsername(config);
      const invite = services.staffInvites.create({ name: values.name, role, centerCode: values.center ?? null, ...(ttlHours ? { ttlHours } : {}) });
      console.log(`Invite for ${invite.staff.name} (${role}${invite.staff.centerCode ? `, ${invite.staff.centerCode}` : ''}), staff id ${invite.staff.id}`);
      console.log(`https://t.me/${username}?start=${invite.payload}`);
      console.log(`Single use; expires ${new Date(invite.expiresAt).toISOString()}. Send it to the person privately.`);
      return;
    }
    case 'list': {
      for (const s of services.staff.list()) {
        console.log([s.id, s.name, s.role, s.centerCode ?? '-', s.telegramId ? 'joined' : 'invited', s.active ? 'active' : 'inactive'].join('\t'));
      }
      return;
    }
    case 'deactivate': {
      const id = Number(values.id);
      if (!Number.isInteger(id) || !services.staff.byId(id)) throw new UsageError('--id must name an existing staff member');
      services.deactivateStaff(OPERATOR, id);
      console.log(`Staff member ${id} deactivated.`);
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  let config: Config;
  let clock: Clock = systemClock;
  try {
    const env = readEnv();
    if (detectMode(env) === 'sandbox') {
      // No bot token: the sandbox's data, as `npm start` would run it; loaded only here, like app/main.ts does.
      const { sandboxCli } = await import('../sandbox/cli.js');
      ({ config, clock } = sandboxCli(env));
      console.error(`SANDBOX: no bot token set, so this works on the sandbox's demo data in ${config.dataDir} (set PATIENT_BOT_TOKEN for a service's)`);
    } else config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${err.message} (see README.md, "Configuration")`);
      return 1;
    }
    throw err;
  }
  if (command === 'backup' || command === 'restore') return opsCommand(command, config, args);
  const logger = createLogger('warn');
  const db = openDatabase(config.databaseFile, { logger });
  const services = createServices({ config, db, clock, logger });
  try {
    if (command === 'staff') await staffCommand(services, config, args);
    else if (command === 'slots') slotsCommand(services, args);
    else if (command === 'report') await reportCommand(services, args);
    else if (command === 'referrals' && isReferralInvitesAction(args[0])) referralInvitesCommand(services, args);
    else if (command === 'referrals' && args[0] === 'import') await referralsImportCommand(services, args.slice(1));
    else throw new UsageError(USAGE);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) console.error(err.message);
    else if (err instanceof DomainError) console.error(`Refused: ${err.code} ${JSON.stringify(err.details)}`);
    else if (err instanceof TypeError && /parseArgs|Unknown option/i.test(String(err.message))) console.error(`${err.message}\n\n${USAGE}`);
    else throw err;
    return 2;
  } finally {
    db.$client.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
