import { Api } from 'grammy';
import { describe, expect, it } from 'vitest';
import { COMMANDS_BY_ROLE } from '../../../bot/staff/commands.js';
import { createStaffBot } from '../../../bot/staff/index.js';
import { OPERATOR } from '../../../core/actor.js';
import { STAFF_TOKEN, type ServiceHarness } from '../../support/service-harness.js';
import { staffTests } from '../../support/staff-harness.js';

let h: ServiceHarness;
const { api } = staffTests({ start: Date.UTC(2026, 10, 25, 7, 0), seed: (harness) => void (h = harness) });

const STRANGER = 6660099;

/** What Telegram would show in a chat: the chat's own list (scope chat), else the default one. */
async function menuOf(chatId: number | undefined, languageCode?: 'ru' | 'en'): Promise<string[]> {
  const bot = new Api(STAFF_TOKEN, { apiRoot: api.apiRoot });
  const list = await bot.getMyCommands({ ...(chatId ? { scope: { type: 'chat', chat_id: chatId } } : {}), ...(languageCode ? { language_code: languageCode } : {}) });
  return list.map((c) => c.command);
}

function startStaffBot() {
  return createStaffBot({ ...h.services, staffToken: STAFF_TOKEN }, { botInfo: api.botInfo(STAFF_TOKEN) });
}

describe('staff bot commands per person and role', () => {
  it('each staff member gets their role’s menu in their own chat; the default menu, a stranger’s, is empty', async () => {
    h.addStaff(6660001, 'doctor', 'bakulev');
    h.addStaff(6660002, 'duty_doctor', null);
    h.addStaff(6660003, 'manager', null);
    h.addStaff(6660004, 'admin', null);
    await startStaffBot().registerCommands();

    expect(await menuOf(6660001)).toEqual([...COMMANDS_BY_ROLE.doctor]);
    expect(await menuOf(6660002)).toEqual([...COMMANDS_BY_ROLE.duty_doctor]);
    expect(await menuOf(6660003)).toEqual(['referrals', 'stats', 'delivery', 'help']);
    expect(await menuOf(6660004)).toContain('delivery');
    expect(await menuOf(6660002)).not.toContain('queue');
    expect(await menuOf(6660003)).not.toContain('conclude');
    for (const language of [undefined, 'ru', 'en'] as const) expect(await menuOf(undefined, language)).toEqual([]);
    expect(await menuOf(STRANGER)).toEqual([]);
    const doctorsMenu = api.callsOf('setMyCommands', STAFF_TOKEN).find((c) => JSON.stringify(c.params.scope).includes('6660001'))!;
    expect(doctorsMenu.params.commands).toEqual(expect.arrayContaining([{ command: 'queue', description: expect.stringMatching(/[а-я]/) }]));
  });

  it('an accepted invite sets the new member’s menu at once; a deactivated member’s is taken away at the next start', async () => {
    const { payload } = h.services.staffInvites.create({ name: 'Петрова Анна Сергеевна', role: 'duty_doctor', centerCode: null });
    await h.staff.send(h.staff.updates.command({ id: 6660005, first_name: 'Анна', language_code: 'ru' }, '/start', payload));
    expect(await menuOf(6660005)).toEqual([...COMMANDS_BY_ROLE.duty_doctor]);

    const member = h.services.staff.byTelegramId(6660005)!;
    h.services.deactivateStaff(OPERATOR, member.id);
    await startStaffBot().registerCommands();
    expect(await menuOf(6660005)).toEqual([]);
  });

  it('a member deactivated from the CLI loses their menu at the service’s next sync, without a restart; an unchanged roster costs no call', async () => {
    h.addStaff(6660006, 'manager', null);
    const running = startStaffBot();
    await running.registerCommands();
    expect(await menuOf(6660006)).toEqual(['referrals', 'stats', 'delivery', 'help']);
    const menuCalls = () => api.callsOf('setMyCommands', STAFF_TOKEN).length + api.callsOf('deleteMyCommands', STAFF_TOKEN).length;
    const before = menuCalls();
    await running.syncCommands();
    expect(menuCalls()).toBe(before);

    // What `npm run cli -- staff deactivate` does: the database only, no Telegram.
    h.services.deactivateStaff(OPERATOR, h.services.staff.byTelegramId(6660006)!.id);
    await running.syncCommands();
    expect(await menuOf(6660006)).toEqual([]);
    expect(api.callsOf('deleteMyCommands', STAFF_TOKEN).at(-1)!.params.scope).toEqual({ type: 'chat', chat_id: 6660006 });
  });
});
