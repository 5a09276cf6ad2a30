import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { countInteractions } from '../../support/interaction-counter.js';
import { createPatientBotHarness, PATIENT_TOKEN, type PatientBotHarness } from '../../support/patient-bot.js';
import type { TestUser } from '../../support/updates.js';

const api = createFakeBotApi();
const MARIA: TestUser = { id: 5551001, first_name: 'Мария', language_code: 'ru' };

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

/** /start to "registered"; `region` is pressed on the summary, or searched by `search` letters after "another region". */
async function register(user: TestUser, region: { press: string; search?: string; zone?: string }) {
  const person = countInteractions(h);
  await person.send(h.updates.command(user, '/start'));
  await person.press(user, '✅ Согласен(на)');
  await person.send(h.updates.text(user, 'Иванова Мария Петровна'));
  await person.send(h.updates.text(user, '05.03.1961'));
  await person.send(h.updates.contact(user, { phone_number: '79123456789', first_name: user.first_name, user_id: user.id }));
  if (region.search) {
    await person.press(user, '🔎 Другой регион');
    await person.send(h.updates.text(user, region.search));
  }
  await person.press(user, region.press);
  if (region.zone) await person.press(user, region.zone);
  return person.count;
}

describe('how many steps a patient takes', () => {
  it('registering oneself from a likely region takes 6 interactions (was 9): start, consent, name, birth date, contact, region', async () => {
    const buttons = () => api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat();
    const steps = await register(MARIA, { press: 'Москва' });
    expect(steps).toBeLessThanOrEqual(6);
    expect(steps).toBe(6);
    expect(h.seen(MARIA).at(-1)).toMatch(/Регион: Москва\nЧасовой пояс: .*\(МСК\)/);
    expect(h.services.patients.list(MARIA.id)).toEqual([expect.objectContaining({ relation: 'self', regionCode: 'RU-MOW', timeZone: 'Europe/Moscow' })]);
    expect(buttons()).toContain('➕ Добавить пациента');
  });

  it('the summary offers the most populous regions while the service has no patients, then the ones its patients live in', async () => {
    await register(MARIA, { press: 'Москва' });
    const summary = api.sent(MARIA.id, PATIENT_TOKEN).find((m) => m.text?.startsWith('Проверьте, пожалуйста'))!;
    expect(summary.buttons.flat()).toEqual([
      'Москва', 'Московская область', 'Санкт-Петербург', 'Краснодарский край', 'Свердловская область', 'Новосибирская область',
      '🔎 Другой регион', '✏️ Заполнить заново',
    ]);
    const ANNA: TestUser = { id: 5551002, first_name: 'Анна', language_code: 'ru' };
    await register(ANNA, { press: 'Приморский край', search: 'примор' });
    const OLGA: TestUser = { id: 5551003, first_name: 'Ольга', language_code: 'ru' };
    await register(OLGA, { press: 'Москва' });
    const offered = api.sent(OLGA.id, PATIENT_TOKEN).find((m) => m.text?.startsWith('Проверьте, пожалуйста'))!.buttons.flat();
    expect(offered.slice(0, 3)).toEqual(['Москва', 'Приморский край', 'Московская область']);
  });

  // One region per zone, from Kaliningrad (МСК−1) to Kamchatka (МСК+9).
  it.each([
    ['Калининградская область', 'Europe/Kaliningrad', 'Калинингр'],
    ['Москва', 'Europe/Moscow', undefined],
    ['Самарская область', 'Europe/Samara', 'Самар'],
    ['Свердловская область', 'Asia/Yekaterinburg', undefined],
    ['Омская область', 'Asia/Omsk', 'Омск'],
    ['Новосибирская область', 'Asia/Novosibirsk', undefined],
    ['Иркутская область', 'Asia/Irkutsk', 'Иркут'],
    ['Амурская область', 'Asia/Yakutsk', 'Амур'],
    ['Приморский край', 'Asia/Vladivostok', 'Примор'],
    ['Магаданская область', 'Asia/Magadan', 'Магадан'],
    ['Камчатский край', 'Asia/Kamchatka', 'Камчат'],
  ])('registering in %s gives the time zone %s', async (region, tz, search) => {
    const steps = await register(MARIA, { press: region, ...(search ? { search } : {}) });
    expect(steps).toBe(search ? 8 : 6);
    expect(h.services.patients.list(MARIA.id)[0]).toMatchObject({ timeZone: tz });
  });

  it('a region with several zones asks which one, still without a second confirmation', async () => {
    const steps = await register(MARIA, { press: 'Республика Саха (Якутия)', search: 'Якут', zone: 'Якутск' });
    expect(steps).toBe(9);
    expect(h.services.patients.list(MARIA.id)[0]).toMatchObject({ regionCode: 'RU-SA', timeZone: 'Asia/Yakutsk' });
  });

  it("adding a child takes 4 interactions (was 8): the account's phone and region are reused", async () => {
    await register(MARIA, { press: 'Приморский край', search: 'примор' });
    h.seen(MARIA);
    const person = countInteractions(h);
    await person.send(h.updates.text(MARIA, '➕ Добавить пациента'));
    await person.press(MARIA, 'Ребёнка');
    await person.send(h.updates.text(MARIA, 'Иванов Пётр Сергеевич'));
    await person.send(h.updates.text(MARIA, '01.07.2015'));
    expect(person.count).toBeLessThanOrEqual(4);
    expect(h.services.patients.list(MARIA.id)[1]).toMatchObject({
      relation: 'child',
      fullName: 'Иванов Пётр Сергеевич',
      phone: '+79123456789',
      regionCode: 'RU-PRI',
      timeZone: 'Asia/Vladivostok',
    });
    const [added, menu] = h.seen(MARIA).slice(-2);
    expect(added).toMatch(/Профиль добавлен: Иванов Пётр Сергеевич[\s\S]*Телефон: \+79123456789\nРегион: Приморский край/);
    expect(menu).toMatch(/документы этого пациента/);
    const card = api.history(MARIA.id, PATIENT_TOKEN).find((m) => m.text?.startsWith('Профиль добавлен'))!;
    expect(card.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toEqual(['✏️ Телефон', '✏️ Регион', '🗑 Удалить профиль']);
  });

  it("a child in another region: the added profile's region button changes only the child's", async () => {
    await register(MARIA, { press: 'Москва' });
    await h.send(h.updates.text(MARIA, '➕ Добавить пациента'));
    await h.press(MARIA, 'Родственника');
    await h.send(h.updates.text(MARIA, 'Иванов Сергей Петрович'));
    await h.send(h.updates.text(MARIA, '01.07.1935'));
    await h.press(MARIA, '✏️ Регион');
    await h.send(h.updates.text(MARIA, 'Омск'));
    await h.press(MARIA, 'Омская область');
    expect(h.services.patients.list(MARIA.id).map((p) => p.timeZone)).toEqual(['Europe/Moscow', 'Asia/Omsk']);
  });
});
