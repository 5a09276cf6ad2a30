import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, botState } from '../../../db/schema.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createPatientBotHarness, type PatientBotHarness } from '../../support/patient-bot.js';

const api = createFakeBotApi();
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
const JOHN = { id: 5550002, first_name: 'John', language_code: 'en' };

let h: PatientBotHarness;
beforeAll(() => api.listen());
beforeEach(() => {
  h = createPatientBotHarness(api);
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

async function consent(user = MARIA) {
  await h.send(h.updates.command(user, '/start'));
  await h.press(user, user.language_code === 'en' ? '✅ I agree' : '✅ Согласен(на)');
}

async function registerSelf(user = MARIA) {
  await consent(user);
  await h.send(h.updates.text(user, 'Иванова Мария Петровна'));
  await h.send(h.updates.text(user, '05.03.1961'));
  await h.send(h.updates.contact(user, { phone_number: '79123456789', first_name: 'Мария', user_id: user.id }));
  await h.press(user, '🔎 Другой регион');
  await h.send(h.updates.text(user, 'примор'));
  await h.press(user, 'Приморский край');
}

describe('consent', () => {
  it('/start explains the service and asks for versioned consent with the full text one button away', async () => {
    await h.send(h.updates.command(MARIA, '/start'));
    const [welcome, ask] = h.seen(MARIA);
    expect(welcome).toContain('Облако здоровья');
    expect(ask).toMatch(/согласие на обработку персональных данных/);
    expect(ask).toMatch(/редакция от \d\d\.\d\d\.\d{4}/);
    await h.press(MARIA, '📜 Текст согласия');
    expect(h.seen(MARIA).join('\n')).toMatch(/СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ[\s\S]*152-ФЗ[\s\S]*\/delete_me/);
  });

  it('declining stores nothing and says how to come back', async () => {
    await h.send(h.updates.command(MARIA, '/start'));
    await h.press(MARIA, 'Не согласен(на)');
    expect(h.seen(MARIA).at(-1)).toMatch(/ничего не сохранили[\s\S]*\/start/);
    expect(h.services.accounts.find(MARIA.id)).toBeUndefined();
    expect(h.db.select().from(botState).all()).toEqual([]);
  });

  it('accepting records the version and time, then starts registration', async () => {
    await consent();
    const account = h.services.accounts.find(MARIA.id);
    expect(account).toMatchObject({ consentVersion: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), locale: 'ru' });
    expect(h.seen(MARIA).at(-1)).toMatch(/^Напишите ваши фамилию, имя и отчество/);
    expect(h.db.select().from(auditLog).all().map((r) => r.action)).toContain('consent_given');
  });
});

describe('registration', () => {
  it('happy path: a verified phone, the region picked from a few letters, the zone shown relative to Moscow', async () => {
    await registerSelf();
    const texts = h.seen(MARIA);
    const summary = texts.find((t) => t.startsWith('Проверьте, пожалуйста'))!;
    expect(summary).toContain('ФИО: Иванова Мария Петровна');
    expect(summary).toContain('Дата рождения: 05.03.1961');
    expect(summary).toContain('+79123456789 (подтверждён)');
    expect(summary).not.toContain('Пациент:');
    expect(texts.at(-1)).toMatch(/Иванова Мария Петровна зарегистрирована\./);
    expect(texts.at(-1)).toMatch(/Регион: Приморский край\nЧасовой пояс: .*МСК\+7/);
    const [patient] = h.services.patients.list(MARIA.id);
    expect(patient).toMatchObject({
      relation: 'self',
      fullName: 'Иванова Мария Петровна',
      birthDate: '1961-03-05',
      phone: '+79123456789',
      phoneVerified: true,
      timeZone: 'Asia/Vladivostok',
    });
    expect(h.services.accounts.find(MARIA.id)).toMatchObject({ phone: '+79123456789', phoneVerified: true });
    // The main menu comes with the last message.
    expect(api.sent(MARIA.id).at(-1)!.buttons.flat()).toEqual(['📝 Заявка в центр', '🗂 Мои заявки', '📄 Документы', '👤 Профили', '➕ Добавить пациента', '❓ Помощь']);
  });

  it('explains each bad input and keeps asking for the same thing', async () => {
    await consent();
    h.seen(MARIA);
    await h.send(h.updates.text(MARIA, 'Иван0ва Мария'));
    await h.send(h.updates.text(MARIA, 'Мария'));
    await h.send(h.updates.sticker(MARIA));
    await h.send(h.updates.text(MARIA, 'Иванова Мария'));
    expect(h.seen(MARIA)).toEqual([
      expect.stringMatching(/не должно быть цифр/),
      expect.stringMatching(/хотя бы фамилия и имя/),
      expect.stringMatching(/напишите ФИО текстом|ответ текстом/),
      'Дата рождения? Например: 05.03.1961',
    ]);
    await h.send(h.updates.sticker(MARIA));
    await h.send(h.updates.text(MARIA, '31.02.2000'));
    await h.send(h.updates.text(MARIA, '01.01.2099'));
    await h.send(h.updates.text(MARIA, 'вчера'));
    await h.send(h.updates.text(MARIA, '5.3.1961'));
    const replies = h.seen(MARIA);
    expect(replies.slice(0, 4)).toEqual([
      expect.stringMatching(/текстом/),
      expect.stringMatching(/Такой даты нет/),
      expect.stringMatching(/ещё не наступила/),
      expect.stringMatching(/05\.03\.1961 \(день\.месяц\.год\)/),
    ]);
    expect(replies.at(-1)).toMatch(/Номер телефона/);
  });

  it("refuses someone else's contact and marks a typed number unverified", async () => {
    await consent();
    await h.send(h.updates.text(MARIA, 'Иванова Мария Петровна'));
    await h.send(h.updates.text(MARIA, '05.03.1961'));
    h.seen(MARIA);
    await h.send(h.updates.contact(MARIA, { phone_number: '79990001122', first_name: 'Соседка', user_id: 42 }));
    await h.send(h.updates.contact(MARIA, { phone_number: '79990001122', first_name: 'Без Telegram' }));
    await h.send(h.updates.text(MARIA, '12345'));
    await h.send(h.updates.text(MARIA, '8 (912) 345-67-89'));
    expect(h.seen(MARIA).slice(0, 4)).toEqual([
      expect.stringMatching(/чужой контакт/),
      expect.stringMatching(/чужой контакт/),
      expect.stringMatching(/Не похоже на номер/),
      expect.stringMatching(/неподтверждённый/),
    ]);
    await h.press(MARIA, '🔎 Другой регион');
    await h.send(h.updates.text(MARIA, 'абвгд'));
    expect(h.seen(MARIA).at(-1)).toMatch(/Не нашёл такого региона/);
    await h.send(h.updates.text(MARIA, 'Якут'));
    await h.press(MARIA, 'Республика Саха (Якутия)');
    expect(h.seen(MARIA).at(-1)).toMatch(/несколько часовых поясов/);
    await h.press(MARIA, 'Якутск');
    expect(h.services.patients.list(MARIA.id)[0]).toMatchObject({
      phone: '+79123456789',
      phoneVerified: false,
      regionCode: 'RU-SA',
      timeZone: 'Asia/Yakutsk',
    });
  });

  it('/cancel midway leaves the conversation cleanly and stores no profile', async () => {
    await consent();
    await h.send(h.updates.text(MARIA, 'Иванова Мария Петровна'));
    await h.send(h.updates.command(MARIA, '/cancel'));
    expect(h.seen(MARIA).at(-1)).toMatch(/отменили/);
    await h.send(h.updates.text(MARIA, '05.03.1961'));
    expect(h.seen(MARIA).at(-1)).toMatch(/не понял/);
    expect(h.services.patients.list(MARIA.id)).toEqual([]);
    await h.send(h.updates.command(MARIA, '/cancel'));
    expect(h.seen(MARIA).at(-1)).toBe('Сейчас нечего отменять.');
  });

  it('a new bot instance on the same database resumes an interrupted registration', async () => {
    await consent();
    await h.send(h.updates.text(MARIA, 'Иванова Мария Петровна'));
    const restarted = h.restart();
    await restarted.send(restarted.updates.text(MARIA, '05.03.1961'));
    expect(api.sent(MARIA.id).at(-1)!.text).toMatch(/Номер телефона/);
    await restarted.send(restarted.updates.contact(MARIA, { phone_number: '+79123456789', first_name: 'Мария', user_id: MARIA.id }));
    await restarted.press(MARIA, '🔎 Другой регион');
    await restarted.send(restarted.updates.text(MARIA, 'Калинингр'));
    await restarted.press(MARIA, 'Калининградская область');
    expect(restarted.services.patients.list(MARIA.id)).toEqual([
      expect.objectContaining({ fullName: 'Иванова Мария Петровна', birthDate: '1961-03-05', timeZone: 'Europe/Kaliningrad' }),
    ]);
  });

  it('"start over" at the summary asks everything again', async () => {
    await consent();
    await h.send(h.updates.text(MARIA, 'Иванова Мария Петровна'));
    await h.send(h.updates.text(MARIA, '05.03.1961'));
    await h.send(h.updates.text(MARIA, '+7 912 345 67 89'));
    await h.press(MARIA, '✏️ Заполнить заново');
    expect(h.seen(MARIA).at(-1)).toMatch(/^Напишите ваши фамилию, имя и отчество/);
    expect(h.services.patients.list(MARIA.id)).toEqual([]);
  });

  it('a family profile: the same account adds a child, who gets their own record', async () => {
    await registerSelf();
    await h.send(h.updates.text(MARIA, '➕ Добавить пациента'));
    const ask = api.sent(MARIA.id).at(-1)!;
    expect(ask.buttons.flat()).toEqual(['Ребёнка', 'Родственника']);
    await h.press(MARIA, 'Ребёнка');
    expect(h.seen(MARIA).at(-1)).toMatch(/фамилию, имя и отчество ребёнка/);
    await h.send(h.updates.text(MARIA, 'Иванов Пётр Сергеевич'));
    await h.send(h.updates.text(MARIA, '2015-07-01'));
    expect(h.services.patients.list(MARIA.id).map((p) => [p.relation, p.fullName, p.phone, p.timeZone])).toEqual([
      ['self', 'Иванова Мария Петровна', '+79123456789', 'Asia/Vladivostok'],
      ['child', 'Иванов Пётр Сергеевич', '+79123456789', 'Asia/Vladivostok'],
    ]);
  });

  it('speaks English to a person whose Telegram is in English', async () => {
    await consent(JOHN);
    expect(h.seen(JOHN).at(-1)).toMatch(/^Please type your full name/);
    expect(h.services.accounts.find(JOHN.id)?.locale).toBe('en');
  });
});
