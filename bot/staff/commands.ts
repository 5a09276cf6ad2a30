import type { I18n } from '@grammyjs/i18n';
import { GrammyError, type Api } from 'grammy';
import type { Logger } from '../../core/logger.js';
import type { StaffMember, StaffRole } from '../../core/staff/repository.js';
import { DEFAULT_LOCALE, LOCALES } from '../shared/i18n.js';
import type { StaffContext } from './context.js';

export const STAFF_COMMANDS = ['queue', 'schedule', 'today', 'week', 'consultation', 'join', 'conclude', 'noshow', 'slots', 'stats', 'referrals', 'delivery', 'help'] as const;
export type StaffCommand = (typeof STAFF_COMMANDS)[number];

/**
 * The menu each role sees (docs/staff-bot.md): what that role's commands do for it, nothing it would only be refused.
 * A center's doctor triages, schedules and concludes its applications; a duty doctor keeps their hours and holds the
 * calls patients booked; a manager loads referrals and reads the figures and delivery; an admin does all of it.
 */
export const COMMANDS_BY_ROLE: Record<StaffRole, readonly StaffCommand[]> = {
  doctor: ['queue', 'schedule', 'today', 'week', 'consultation', 'join', 'conclude', 'noshow', 'stats', 'help'],
  duty_doctor: ['today', 'week', 'consultation', 'join', 'conclude', 'noshow', 'slots', 'help'],
  manager: ['referrals', 'stats', 'delivery', 'help'],
  admin: STAFF_COMMANDS,
};

/** A command's description in a language (the bot's I18n, or a context's own t when the language is the context's). */
type Describe = (locale: string, command: StaffCommand) => string;

/** One staff member's own menu (a chat scope), in their language; none for someone deactivated. */
export async function setStaffCommands(api: Api, describe: Describe, member: Pick<StaffMember, 'telegramId' | 'role' | 'locale' | 'active'>): Promise<void> {
  if (member.telegramId === null) return;
  const scope = { type: 'chat' as const, chat_id: member.telegramId };
  if (!member.active) return void (await api.deleteMyCommands({ scope }));
  const locale = (LOCALES as readonly string[]).includes(member.locale) ? member.locale : DEFAULT_LOCALE;
  await api.setMyCommands(COMMANDS_BY_ROLE[member.role].map((command) => ({ command, description: describe(locale, command) })), { scope });
}

/** Telegram refused the call for good (400: no such chat; 403: the member blocked the bot): trying again would not help. */
const refusedForGood = (err: unknown) => err instanceof GrammyError && (err.error_code === 400 || err.error_code === 403);

/**
 * Keeps every staff member's menu as the database says it should be. The CLI (which cannot call Telegram) deactivates
 * members and changes roles in the database; the service calls `sync()` at start and then every minute, which sets
 * the menu of each member whose active flag, role, language or Telegram account changed since it last did. At start
 * it also empties the default menus, so a stranger sees no staff commands.
 */
export function createStaffMenus(api: Api, i18n: I18n<StaffContext>, list: () => readonly StaffMember[], logger?: Pick<Logger, 'warn'>) {
  const describe: Describe = (locale, command) => i18n.t(locale, `cmd-${command}`);
  /** What each member's menu was last set from, by staff id. */
  const applied = new Map<number, string>();
  let defaultsCleared = false;

  return {
    async sync(): Promise<void> {
      if (!defaultsCleared) {
        for (const locale of LOCALES) await api.deleteMyCommands({ language_code: locale });
        await api.deleteMyCommands();
        defaultsCleared = true;
      }
      for (const member of list()) {
        const state = JSON.stringify([member.telegramId, member.active, member.role, member.locale]);
        if (applied.get(member.id) === state) continue;
        try {
          await setStaffCommands(api, describe, member);
        } catch (err) {
          if (!refusedForGood(err)) throw err;
          logger?.warn({ err, staffId: member.id }, 'staff menu refused by Telegram; not tried again until the member changes');
        }
        applied.set(member.id, state);
      }
    },
  };
}

export type StaffMenus = ReturnType<typeof createStaffMenus>;
