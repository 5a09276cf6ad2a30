import type { Update } from 'grammy/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import { accounts, botState } from '../../../db/schema.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createPatientBotHarness, PATIENT_TOKEN, type PatientBotHarness } from '../../support/patient-bot.js';
import type { TestUser } from '../../support/updates.js';

const api = createFakeBotApi();
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
const JOHN = { id: 5550002, first_name: 'John', language_code: 'en' };

const SERVER_ERROR = { error_code: 500, description: 'Internal Server Error' };
const FLOOD = { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };
const STALE_QUERY = { error_code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' };
// The bot retries a failed call 3 times (auto-retry: 3 s, 6 s, 12 s apart); one more failure and the step fails.
const ATTEMPTS = 4;
const BIRTH_ASK = 'Дата рождения? Например: 05.03.1961';

let h: PatientBotHarness;
beforeAll(() => api.listen());
beforeEach(() => {
  h = createPatientBotHarness(api);
});
afterEach(() => {
  vi.useRealTimers();
  h.close();
  api.reset();
});
afterAll(() => api.close());

async function consent(user: TestUser = MARIA) {
  await h.send(h.updates.command(user, '/start'));
  await h.press(user, user.language_code === 'en' ? '✅ I agree' : '✅ Согласен(на)');
}

/** Registration of oneself up to the birth-date question: the name has just been given. */
async function upToBirthDate(user: TestUser = MARIA) {
  await consent(user);
  await h.send(h.updates.text(user, 'Иванова Мария Петровна'));
  h.seen(user);
}

/**
 * Handles an update while time passes in fake time, so that retry pauses (tens of seconds) take none. Leaves
 * fake time on: later updates of the same test go through here too. `thrown`: what bot.handleUpdate threw.
 */
async function sendWhileTimePasses(update: Update): Promise<{ thrown: unknown; waited: number }> {
  if (!vi.isFakeTimers()) vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  let settled = false;
  const outcome = h.send(update).then(
    () => undefined,
    (err: unknown) => err ?? new Error('rejected'),
  );
  void outcome.finally(() => (settled = true));
  let waited = 0;
  for (; !settled && waited < 10 * 60_000; waited += 500) await vi.advanceTimersByTimeAsync(500);
  return { thrown: await outcome, waited };
}

const sentTexts = (text: string) => api.callsOf('sendMessage').filter((c) => c.params.text === text);

describe('the error boundary', () => {
  it('a step whose reply Telegram keeps failing ends with an apology, without throwing, and the bot goes on', async () => {
    await upToBirthDate();
    api.failNext('sendMessage', SERVER_ERROR, ATTEMPTS);
    // The birth date is taken, but the phone question after it cannot be sent.
    expect((await sendWhileTimePasses(h.updates.text(MARIA, '05.03.1961'))).thrown).toBeUndefined();
    expect(sentTexts('Номер телефона для связи. Нажмите кнопку «Поделиться номером» ниже — так номер будет подтверждён.\nМожно и написать номер вручную, но тогда он будет считаться неподтверждённым.')).toHaveLength(ATTEMPTS);
    expect(h.seen(MARIA)).toEqual(['Извините, что-то пошло не так на нашей стороне. Попробуйте, пожалуйста, ещё раз через минуту; если не выйдет — отправьте /cancel и начните заново.']);

    vi.useRealTimers();
    await h.send(h.updates.command(MARIA, '/start'));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/^Напишите ваши фамилию, имя и отчество/)]);
  });

  it('the apology is in the language of the person', async () => {
    h.services.accounts.upsertConsent(JOHN.id, 'en', CONSENT_VERSION, Date.now());
    api.failNext('sendMessage', SERVER_ERROR, ATTEMPTS);
    expect((await sendWhileTimePasses(h.updates.command(JOHN, '/help'))).thrown).toBeUndefined();
    expect(h.seen(JOHN)).toEqual(['Sorry, something went wrong on our side. Please try again in a minute; if it still fails, send /cancel and start again.']);
    vi.useRealTimers();
    await h.send(h.updates.command(JOHN, '/help'));
    expect(h.seen(JOHN)).toEqual([expect.stringMatching(/^Oblako Zdorovya — free online consultations/)]);
  });

  it('when even the apology cannot be sent, the update still completes without throwing', async () => {
    h.services.accounts.upsertConsent(MARIA.id, 'ru', CONSENT_VERSION, Date.now());
    api.failNext('sendMessage', SERVER_ERROR, 2 * ATTEMPTS);
    expect((await sendWhileTimePasses(h.updates.command(MARIA, '/help'))).thrown).toBeUndefined();
    expect(api.callsOf('sendMessage')).toHaveLength(2 * ATTEMPTS);
    expect(h.seen(MARIA)).toEqual([]);
    vi.useRealTimers();
    await h.send(h.updates.command(MARIA, '/help'));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/^«Облако здоровья»/)]);
  });
});

describe('retries', () => {
  it('a server error that passes within the retries costs nothing: the question arrives once and the form goes on', async () => {
    await upToBirthDate();
    api.failNext('sendMessage', SERVER_ERROR, 2);
    const failing = await sendWhileTimePasses(h.updates.text(MARIA, '05.03.1961'));
    expect(failing).toEqual({ thrown: undefined, waited: expect.any(Number) });
    // 3 s, then 6 s between the attempts.
    expect(failing.waited).toBeGreaterThanOrEqual(9000);
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/^Номер телефона для связи/)]);
    // The registration replays its past calls on each update; the failures it already waited out are not waited for again.
    const next = await sendWhileTimePasses(h.updates.contact(MARIA, { phone_number: '79123456789', first_name: 'Мария', user_id: MARIA.id }));
    expect(next.waited).toBeLessThan(3000);
    expect(h.seen(MARIA)).toEqual(['✅', expect.stringMatching(/^Проверьте, пожалуйста/)]);
  });

  it('a 429 with retry_after is waited out and the message arrives once', async () => {
    h.services.accounts.upsertConsent(MARIA.id, 'ru', CONSENT_VERSION, Date.now());
    api.failNext('sendMessage', FLOOD);
    const started = Date.now();
    await h.send(h.updates.command(MARIA, '/help'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/^«Облако здоровья»/)]);
    expect(api.callsOf('sendMessage')).toHaveLength(2);
  });

  it('inside a registration, a 429 is waited out once, not again on every later step', async () => {
    await upToBirthDate();
    api.failNext('sendMessage', FLOOD);
    let started = Date.now();
    await h.send(h.updates.text(MARIA, '05.03.1961'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/^Номер телефона для связи/)]);
    started = Date.now();
    await h.send(h.updates.text(MARIA, '+7 912 345 67 89'));
    await h.press(MARIA, '🔎 Другой регион');
    await h.send(h.updates.text(MARIA, 'примор'));
    expect(Date.now() - started).toBeLessThan(900);
    expect(h.seen(MARIA)).toEqual([
      expect.stringMatching(/неподтверждённый/),
      expect.stringMatching(/^Проверьте, пожалуйста/),
      expect.stringMatching(/^Регион проживания\?/),
      'Выберите регион (или напишите другие буквы):',
    ]);
  });
});

describe('stale callback queries', () => {
  it('an answer Telegram refuses as too old does not break the step: consent and registration go on', async () => {
    await h.send(h.updates.command(MARIA, '/start'));
    api.failNext('answerCallbackQuery', STALE_QUERY);
    await h.press(MARIA, '✅ Согласен(на)');
    expect(h.services.accounts.find(MARIA.id)).toBeDefined();
    await h.send(h.updates.text(MARIA, 'Иванова Мария Петровна'));
    await h.send(h.updates.text(MARIA, '05.03.1961'));
    await h.send(h.updates.text(MARIA, '+7 912 345 67 89'));
    api.failNext('answerCallbackQuery', STALE_QUERY);
    await h.press(MARIA, 'Москва');
    const seen = h.seen(MARIA);
    expect(seen).toEqual(expect.arrayContaining([expect.stringMatching(/^Напишите ваши фамилию/), BIRTH_ASK]));
    expect(seen.at(-1)).toMatch(/^Готово!/);
    expect(seen.join('\n')).not.toMatch(/что-то пошло не так/);
    expect(api.callsOf('answerCallbackQuery').map((c) => c.response?.ok)).toEqual([false, false]);
  });
});

describe('leaving the registration', () => {
  it('"❓ Помощь" midway shows help, and a later date is not taken as the birth date', async () => {
    await upToBirthDate();
    await h.send(h.updates.text(MARIA, '❓ Помощь'));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/^«Облако здоровья» — бесплатные/)]);
    await h.send(h.updates.text(MARIA, '05.03.1961'));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/Я не понял/)]);
    expect(h.services.patients.list(MARIA.id)).toEqual([]);
    expect(h.db.select().from(botState).all().map((r) => r.key)).not.toContain(`conv:${MARIA.id}`);
  });

  it.each([
    ['/profile', /^Профилей пока нет/],
    ['/documents', /^Профилей пока нет/],
    ['/language', /^Выберите язык/],
    ['/start', /^Напишите ваши фамилию/],
    ['👤 Профили', /^Профилей пока нет/],
    ['📄 Документы', /^Профилей пока нет/],
  ])('%s midway leaves the registration and does what it says', async (text, reply) => {
    await upToBirthDate();
    await h.send(h.updates.text(MARIA, text));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(reply)]);
    await h.send(h.updates.text(MARIA, '05.03.1961'));
    expect(h.seen(MARIA)).not.toContainEqual(expect.stringMatching(/^Номер телефона/));
  });
});

describe('group chats', () => {
  it('messages in a group or supergroup get no reply and leave nothing behind', async () => {
    const bot = api.botInfo(PATIENT_TOKEN);
    const date = Math.floor(Date.now() / 1000);
    const from = { id: MARIA.id, is_bot: false, first_name: 'Мария', language_code: 'ru' };
    const supergroup = { id: -1001234567890, type: 'supergroup' as const, title: 'Семья Ивановых' };
    const group = { id: -4012345678, type: 'group' as const, title: 'Дача' };
    const command = `/start@${bot.username}`;
    const updates: Update[] = [
      {
        update_id: 900_000_001,
        my_chat_member: {
          chat: supergroup,
          from,
          date,
          old_chat_member: { status: 'left', user: bot },
          new_chat_member: { status: 'member', user: bot },
        },
      },
      {
        update_id: 900_000_002,
        message: { message_id: 41, from, chat: supergroup, date, text: command, entities: [{ type: 'bot_command', offset: 0, length: command.length }] },
      },
      { update_id: 900_000_003, message: { message_id: 42, from, chat: supergroup, date, text: 'Всем привет!' } },
      { update_id: 900_000_004, message: { message_id: 7, from, chat: group, date, text: '/delete_me', entities: [{ type: 'bot_command', offset: 0, length: 10 }] } },
    ];
    for (const update of updates) await h.send(update);
    expect(api.calls).toEqual([]);
    expect(h.db.select().from(botState).all()).toEqual([]);
    expect(h.db.select().from(accounts).all()).toEqual([]);
  });
});
