import { describe, expect, it } from 'vitest';
import type { ServiceHarness } from '../../support/service-harness.js';
import { staffTests } from '../../support/staff-harness.js';

const DOCTOR = { id: 6660001, first_name: 'Анна', language_code: 'ru' };
const STRANGER = { id: 6660099, first_name: 'Некто', language_code: 'ru' };

let h: ServiceHarness;
const { api, clock } = staffTests({ start: Date.UTC(2026, 10, 25, 7, 0), seed: (harness) => void (h = harness) });

describe('staff bot entry', () => {
  it('an invite link makes a Telegram account a doctor of its center, once', async () => {
    const { payload } = h.services.staffInvites.create({ name: 'Петрова Анна Сергеевна', role: 'doctor', centerCode: 'bakulev' });
    await h.staff.send(h.staff.updates.command(DOCTOR, '/start', payload));
    expect(h.staff.seen(DOCTOR)).toEqual([expect.stringMatching(/^Добро пожаловать, Петрова Анна Сергеевна! Ваша роль: врач центра/)]);
    expect(h.services.staff.byTelegramId(DOCTOR.id)).toMatchObject({ role: 'doctor', centerCode: 'bakulev' });
    await h.staff.send(h.staff.updates.command(STRANGER, '/start', payload));
    expect(h.staff.seen(STRANGER)).toEqual([expect.stringMatching(/уже использовано/)]);
    expect(h.services.staff.byTelegramId(STRANGER.id)).toBeUndefined();
  });

  it('an expired invite is refused', async () => {
    const { payload } = h.services.staffInvites.create({ name: 'Петрова Анна', role: 'doctor', centerCode: 'bakulev', ttlHours: 1 });
    clock.advance(2 * 3600_000);
    await h.staff.send(h.staff.updates.command(DOCTOR, '/start', payload));
    expect(h.staff.seen(DOCTOR)).toEqual([expect.stringMatching(/Срок приглашения истёк/)]);
  });

  it('a stranger is told the bot is for staff, and nothing more', async () => {
    await h.staff.send(h.staff.updates.command(STRANGER, '/start'));
    await h.staff.send(h.staff.updates.command(STRANGER, '/queue'));
    await h.staff.send(h.staff.updates.command(STRANGER, '/start', 'inv_forged-token-forged-token-forged'));
    expect(h.staff.seen(STRANGER)).toEqual([
      'Этот бот — для сотрудников «Облака здоровья».',
      'Этот бот — для сотрудников «Облака здоровья».',
      expect.stringMatching(/Приглашение не найдено/),
    ]);
    expect(api.sent(STRANGER.id, h.staff.token).every((m) => m.buttons.length === 0)).toBe(true);
  });
});
