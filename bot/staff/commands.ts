import type { I18n } from '@grammyjs/i18n';
import type { Api } from 'grammy';
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

/**
 * At start: no staff commands for anyone by default (a stranger who opens the bot sees an empty menu), and each staff
 * member who joined gets their role's menu in their own chat; a deactivated one's menu is taken away.
 */
export async function registerStaffCommands(api: Api, i18n: I18n<StaffContext>, members: readonly StaffMember[]): Promise<void> {
  for (const locale of LOCALES) await api.deleteMyCommands({ language_code: locale });
  await api.deleteMyCommands();
  const describe: Describe = (locale, command) => i18n.t(locale, `cmd-${command}`);
  for (const member of members) await setStaffCommands(api, describe, member);
}
