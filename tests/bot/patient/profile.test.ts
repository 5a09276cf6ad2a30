import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deleteProfileData, editData } from '../../../bot/patient/profile/callback-data.js';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import type { NewPatient } from '../../../core/patients/repository.js';
import { auditLog, botState } from '../../../db/schema.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createPatientBotHarness, PATIENT_TOKEN, type PatientBotHarness } from '../../support/patient-bot.js';
import type { TestUser } from '../../support/updates.js';
import { phoneJpeg } from '../../support/document-fixtures.js';
import { addDoctor, takenApplication } from '../../support/scheduling-fixtures.js';

const api = createFakeBotApi();
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
const PETR = { id: 5550003, first_name: 'Пётр', language_code: 'ru' };
// 26.11.2026, morning in Vladivostok: ages on the cards are counted from this day.
const NOW = Date.UTC(2026, 10, 25, 22, 0);

const SELF: NewPatient = {
  relation: 'self',
  fullName: 'Иванова Мария Петровна',
  birthDate: '1961-03-05',
  phone: '+79123456789',
  phoneVerified: true,
  regionCode: 'RU-PRI',
  timeZone: 'Asia/Vladivostok',
};
const CHILD: NewPatient = {
  relation: 'child',
  fullName: 'Иванов Пётр Сергеевич',
  birthDate: '2024-10-01',
  phone: null,
  phoneVerified: false,
  regionCode: 'RU-PRI',
  timeZone: 'Asia/Vladivostok',
};
const RELATIVE: NewPatient = {
  relation: 'relative',
  fullName: 'Петрова Анна Ивановна',
  birthDate: '1945-01-10',
  phone: '+79990001122',
  phoneVerified: false,
  regionCode: 'RU-MOW',
  timeZone: 'Europe/Moscow',
};

let h: PatientBotHarness;
beforeAll(() => api.listen());
beforeEach(() => {
  h = createPatientBotHarness(api, { clock: { now: () => NOW } });
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

function consented(user: TestUser) {
  h.services.accounts.upsertConsent(user.id, 'ru', CONSENT_VERSION, NOW);
}

function addProfile(user: TestUser, data: NewPatient) {
  return h.services.patients.create(user.id, data).id;
}

/** Presses a button on the latest card of this person's profile, as they would in a list of several cards. */
async function pressOnCard(user: TestUser, fullName: string, buttonText: string) {
  const card = api
    .history(user.id, PATIENT_TOKEN)
    .filter((m) => m.text?.startsWith(`👤 ${fullName} (`))
    .at(-1);
  const button = card?.reply_markup?.inline_keyboard.flat().find((b) => b.text === buttonText);
  if (!card || !button || !('callback_data' in button)) throw new Error(`No card of ${fullName} shows "${buttonText}"`);
  await h.send(h.updates.callback(user, button.callback_data!, card));
}

async function showProfiles(user: TestUser = MARIA) {
  await h.send(h.updates.command(user, '/profile'));
  return h.seen(user);
}

describe('profile cards', () => {
  it('/profile shows one card per profile: relation, birth date with age, phone, region, zone, documents', async () => {
    consented(MARIA);
    addProfile(MARIA, SELF);
    // One document, uploaded the way a person does it.
    await h.send(h.updates.text(MARIA, '📄 Документы'));
    await h.press(MARIA, '➕ Загрузить');
    await h.press(MARIA, 'ЭКГ');
    await h.send(h.updates.photo(MARIA, api.addPhoto(await phoneJpeg(), { token: PATIENT_TOKEN })));
    await h.send(h.updates.text(MARIA, '✅ Готово'));
    addProfile(MARIA, CHILD);
    addProfile(MARIA, RELATIVE);
    h.seen(MARIA);

    expect(await showProfiles()).toEqual([
      'Профили пациентов на этом аккаунте:',
      [
        '👤 Иванова Мария Петровна (вы)',
        'Дата рождения: 05.03.1961 (65 лет)',
        'Телефон: +79123456789 (подтверждён)',
        'Регион: Приморский край',
        'Часовой пояс: владивостокское время (МСК+7)',
        'Документов: 1',
      ].join('\n'),
      [
        '👤 Иванов Пётр Сергеевич (ребёнок)',
        'Дата рождения: 01.10.2024 (2 года)',
        'Телефон: —',
        'Регион: Приморский край',
        'Часовой пояс: владивостокское время (МСК+7)',
        'Документов: 0',
      ].join('\n'),
      [
        '👤 Петрова Анна Ивановна (родственник)',
        'Дата рождения: 10.01.1945 (81 год)',
        'Телефон: +79990001122 (не подтверждён)',
        'Регион: Москва',
        'Часовой пояс: московское время (МСК)',
        'Документов: 0',
      ].join('\n'),
    ]);
    const cards = api.sent(MARIA.id, PATIENT_TOKEN).slice(-3);
    const edits = ['✏️ ФИО', '✏️ Дата рождения', '✏️ Телефон', '✏️ Регион'];
    // Only a child's or relative's profile can be deleted on its own; the holder's goes with /delete_me.
    expect(cards.map((card) => card.buttons.flat())).toEqual([edits, [...edits, '🗑 Удалить профиль'], [...edits, '🗑 Удалить профиль']]);
    // The header keeps the main menu in place.
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-4)!.buttons.flat()).toContain('👤 Профили');
  });

  it('the "👤 Профили" button shows the same cards', async () => {
    consented(MARIA);
    addProfile(MARIA, SELF);
    await h.send(h.updates.text(MARIA, '👤 Профили'));
    expect(h.seen(MARIA)).toEqual(['Профили пациентов на этом аккаунте:', expect.stringMatching(/^👤 Иванова Мария Петровна \(вы\)\n/)]);
  });

  it('an account with no profiles yet is pointed to "➕ Добавить пациента"', async () => {
    consented(MARIA);
    expect(await showProfiles()).toEqual(['Профилей пока нет. Нажмите «➕ Добавить пациента».']);
  });

  it('before consent there are no profiles to show or add, and nothing of the person is collected', async () => {
    expect(await showProfiles()).toEqual([expect.stringMatching(/Сначала нужно дать согласие/)]);
    await h.send(h.updates.text(MARIA, '➕ Добавить пациента'));
    await h.send(h.updates.text(MARIA, 'Иванова Мария Петровна'));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/Сначала нужно дать согласие/), expect.stringMatching(/Сначала нужно дать согласие/)]);
    expect(h.db.select().from(botState).all().filter((r) => r.value.includes('Иванова'))).toEqual([]);
    expect(h.services.patients.list(MARIA.id)).toEqual([]);
  });
});

describe('editing a profile', () => {
  let selfId: number;
  beforeEach(async () => {
    consented(MARIA);
    selfId = addProfile(MARIA, SELF);
    await showProfiles();
  });

  it('a new full name is saved', async () => {
    await pressOnCard(MARIA, SELF.fullName, '✏️ ФИО');
    expect(h.seen(MARIA)).toEqual(['Напишите ваши фамилию, имя и отчество полностью (например: Иванова Мария Петровна).']);
    await h.send(h.updates.text(MARIA, 'Петрова Мария Петровна'));
    expect(h.seen(MARIA)).toEqual(['Сохранено.']);
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat()).toContain('👤 Профили');
    expect(h.services.patients.get(MARIA.id, selfId)).toEqual({ ...SELF, id: selfId, accountId: MARIA.id, fullName: 'Петрова Мария Петровна' });
    expect((await showProfiles())[1]).toMatch(/^👤 Петрова Мария Петровна \(вы\)/);
  });

  it('a new birth date is saved and the age follows it', async () => {
    await pressOnCard(MARIA, SELF.fullName, '✏️ Дата рождения');
    expect(h.seen(MARIA)).toEqual(['Дата рождения? Например: 05.03.1961']);
    await h.send(h.updates.text(MARIA, '01.12.1964'));
    expect(h.seen(MARIA)).toEqual(['Сохранено.']);
    expect(h.services.patients.get(MARIA.id, selfId)?.birthDate).toBe('1964-12-01');
    expect((await showProfiles())[1]).toContain('Дата рождения: 01.12.1964 (61 год)');
  });

  it('a phone shared with the contact button becomes verified, and the account gets it too', async () => {
    h.services.patients.update(MARIA.id, selfId, { phone: '+79990001122', phoneVerified: false });
    await showProfiles();
    await pressOnCard(MARIA, SELF.fullName, '✏️ Телефон');
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/^Номер телефона для связи/)]);
    const ask = api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!;
    expect(ask.replyMarkup).toMatchObject({ keyboard: [[{ text: '📱 Поделиться номером', request_contact: true }]] });
    await h.send(h.updates.contact(MARIA, { phone_number: '79123456789', first_name: 'Мария', user_id: MARIA.id }));
    expect(h.seen(MARIA)).toEqual(['✅', 'Сохранено.']);
    expect(h.services.patients.get(MARIA.id, selfId)).toMatchObject({ phone: '+79123456789', phoneVerified: true });
    expect(h.services.accounts.find(MARIA.id)).toMatchObject({ phone: '+79123456789', phoneVerified: true });
    expect((await showProfiles())[1]).toContain('Телефон: +79123456789 (подтверждён)');
  });

  it('a region with several time zones asks which zone, and the card shows it relative to Moscow', async () => {
    await pressOnCard(MARIA, SELF.fullName, '✏️ Регион');
    await h.send(h.updates.text(MARIA, 'Сахал'));
    await h.press(MARIA, 'Сахалинская область');
    expect(h.seen(MARIA).at(-1)).toBe('В регионе несколько часовых поясов. Какой у вас?');
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat()).toEqual(['Южно-Сахалинск', 'Северо-Курильск']);
    await h.press(MARIA, 'Северо-Курильск');
    expect(h.seen(MARIA)).toEqual(['Сохранено.']);
    expect(h.services.patients.get(MARIA.id, selfId)).toMatchObject({ regionCode: 'RU-SAK', timeZone: 'Asia/Srednekolymsk' });
    const card = (await showProfiles())[1];
    expect(card).toContain('Регион: Сахалинская область');
    expect(card).toContain('Часовой пояс: среднеколымское время (МСК+8)');
  });

  it('bad answers get the same explanations as in registration, and nothing changes until a good one', async () => {
    await pressOnCard(MARIA, SELF.fullName, '✏️ ФИО');
    await h.send(h.updates.text(MARIA, 'Иван0ва Мария'));
    await h.send(h.updates.text(MARIA, 'Мария'));
    await h.send(h.updates.sticker(MARIA));
    expect(h.seen(MARIA).slice(1)).toEqual([
      expect.stringMatching(/не должно быть цифр/),
      expect.stringMatching(/хотя бы фамилия и имя/),
      'Пожалуйста, напишите ответ текстом.',
    ]);
    expect(h.services.patients.get(MARIA.id, selfId)?.fullName).toBe(SELF.fullName);
    await h.send(h.updates.command(MARIA, '/cancel'));

    await showProfiles();
    await pressOnCard(MARIA, SELF.fullName, '✏️ Дата рождения');
    await h.send(h.updates.text(MARIA, '31.02.2000'));
    await h.send(h.updates.text(MARIA, '01.01.2099'));
    await h.send(h.updates.text(MARIA, '5.3.61'));
    expect(h.seen(MARIA).slice(1)).toEqual([
      expect.stringMatching(/Такой даты нет/),
      expect.stringMatching(/ещё не наступила/),
      expect.stringMatching(/год полностью/),
    ]);
    await h.send(h.updates.command(MARIA, '/cancel'));

    await showProfiles();
    await pressOnCard(MARIA, SELF.fullName, '✏️ Телефон');
    await h.send(h.updates.contact(MARIA, { phone_number: '79990001122', first_name: 'Соседка', user_id: 42 }));
    await h.send(h.updates.text(MARIA, '12345'));
    expect(h.seen(MARIA).slice(1)).toEqual([expect.stringMatching(/чужой контакт/), expect.stringMatching(/Не похоже на номер/)]);
    await h.send(h.updates.command(MARIA, '/cancel'));

    await showProfiles();
    await pressOnCard(MARIA, SELF.fullName, '✏️ Регион');
    await h.send(h.updates.text(MARIA, 'абвгд'));
    expect(h.seen(MARIA).at(-1)).toMatch(/Не нашёл такого региона/);
    await h.send(h.updates.command(MARIA, '/cancel'));
    expect(h.seen(MARIA).at(-1)).toMatch(/отменили/);

    expect(h.services.patients.get(MARIA.id, selfId)).toEqual({ ...SELF, id: selfId, accountId: MARIA.id });
    expect(h.db.select().from(auditLog).all().map((r) => r.action)).not.toContain('patient_updated');
  });

  it("a forged edit button naming another account's profile finds nothing and changes nothing", async () => {
    consented(PETR);
    addProfile(PETR, { ...SELF, fullName: 'Петров Пётр Петрович' });
    await h.send(h.updates.command(PETR, '/help'));
    h.seen(PETR);
    const own = api.history(PETR.id, PATIENT_TOKEN).at(-1)!;
    await h.send(h.updates.callback(PETR, editData.pack({ patientId: selfId, field: 'name' }), own));
    expect(h.seen(PETR)).toEqual(['Этот профиль не найден — возможно, он удалён.']);
    // Nothing is waiting for a new name: the next text is just text.
    await h.send(h.updates.text(PETR, 'Взломщиков Иван Иванович'));
    expect(h.seen(PETR)).toEqual([expect.stringMatching(/Я не понял/)]);
    expect(h.services.patients.get(MARIA.id, selfId)?.fullName).toBe(SELF.fullName);
    expect(h.services.patients.list(PETR.id).map((p) => p.fullName)).toEqual(['Петров Пётр Петрович']);
  });
});

describe('adding a patient', () => {
  it('"➕ Добавить пациента" offers only a child or a relative once the account has its own profile', async () => {
    consented(MARIA);
    addProfile(MARIA, CHILD);
    await h.send(h.updates.text(MARIA, '➕ Добавить пациента'));
    expect(h.seen(MARIA)).toEqual(['Кого регистрируем?']);
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat()).toEqual(['Себя', 'Ребёнка', 'Родственника']);
    await h.send(h.updates.command(MARIA, '/cancel'));

    addProfile(MARIA, SELF);
    await h.send(h.updates.text(MARIA, '➕ Добавить пациента'));
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat()).toEqual(['Ребёнка', 'Родственника']);
  });

  it('with 10 profiles the button explains the limit and starts nothing', async () => {
    consented(MARIA);
    addProfile(MARIA, SELF);
    for (let i = 1; i < 10; i++) addProfile(MARIA, { ...CHILD, fullName: `Иванов Ребёнок ${'АБВГДЕЖЗИ'[i - 1]}` });
    await h.send(h.updates.text(MARIA, '➕ Добавить пациента'));
    expect(h.seen(MARIA)).toEqual(['На одном аккаунте может быть не больше 10 профилей.']);
    await h.send(h.updates.text(MARIA, 'Иванов Иван Иванович'));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/Я не понял/)]);
    expect(h.services.patients.list(MARIA.id)).toHaveLength(10);
  });
});

describe('deleting a profile', () => {
  it("a child's profile is deleted after one question: it leaves the list and the audit log says who did it", async () => {
    consented(MARIA);
    addProfile(MARIA, SELF);
    const childId = addProfile(MARIA, CHILD);
    await showProfiles();
    await pressOnCard(MARIA, CHILD.fullName, '🗑 Удалить профиль');
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/^Удалить профиль «Иванов Пётр Сергеевич» из вашего списка\?/)]);
    await h.press(MARIA, 'Нет, оставить');
    expect(h.seen(MARIA)).toEqual(['Хорошо, профиль остаётся.']);
    expect(h.services.patients.list(MARIA.id)).toHaveLength(2);

    await pressOnCard(MARIA, CHILD.fullName, '🗑 Удалить профиль');
    await h.press(MARIA, '🗑 Да, удалить');
    expect(h.seen(MARIA).at(-1)).toBe('Профиль удалён.');
    expect(h.services.patients.list(MARIA.id).map((p) => p.fullName)).toEqual([SELF.fullName]);
    expect(h.services.patients.get(MARIA.id, childId)).toBeUndefined();
    expect(h.db.select().from(auditLog).all()).toContainEqual(
      expect.objectContaining({ action: 'patient_deleted', patientId: childId, actorType: 'account', actorId: MARIA.id }),
    );
    // The question's buttons are gone once answered: a second press cannot delete twice.
    const ask = api.history(MARIA.id, PATIENT_TOKEN).filter((m) => m.text?.startsWith('Удалить профиль')).at(-1)!;
    expect(ask.reply_markup?.inline_keyboard ?? []).toEqual([]);
  });

  it('a profile with an application under review is not deleted, and the person is told why', async () => {
    consented(MARIA);
    addProfile(MARIA, SELF);
    const relativeId = addProfile(MARIA, RELATIVE);
    takenApplication(h.services, relativeId, addDoctor(h.services, 9100001));
    await showProfiles();
    await pressOnCard(MARIA, RELATIVE.fullName, '🗑 Удалить профиль');
    await h.press(MARIA, '🗑 Да, удалить');
    h.seen(MARIA);
    // The application arrived while the question was on the screen: the answer is checked again.
    await pressOnCard(MARIA, RELATIVE.fullName, '🗑 Удалить профиль');
    const ask = api.history(MARIA.id, PATIENT_TOKEN).at(-1)!;
    await h.send(h.updates.callback(MARIA, deleteProfileData.pack({ patientId: relativeId, confirm: true }), ask));
    h.seen(MARIA);
    await h.send(h.updates.callback(MARIA, deleteProfileData.pack({ patientId: relativeId, confirm: true }), ask));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/^Сейчас удалить нельзя: у этого пациента есть запись к врачу или заявка/)]);
    expect(h.services.patients.list(MARIA.id)).toHaveLength(2);
  });

  it("the holder's own profile and another account's profile cannot be deleted with a forged button", async () => {
    consented(MARIA);
    const selfId = addProfile(MARIA, SELF);
    consented(PETR);
    const petrChild = addProfile(PETR, CHILD);
    await h.send(h.updates.command(MARIA, '/help'));
    h.seen(MARIA);
    const own = api.history(MARIA.id, PATIENT_TOKEN).at(-1)!;
    await h.send(h.updates.callback(MARIA, deleteProfileData.pack({ patientId: selfId, confirm: true }), own));
    await h.send(h.updates.callback(MARIA, deleteProfileData.pack({ patientId: petrChild, confirm: true }), own));
    await h.send(h.updates.callback(MARIA, deleteProfileData.pack({ patientId: petrChild, confirm: false }), own));
    expect(h.seen(MARIA)).toEqual([
      expect.stringMatching(/^Ваш собственный профиль удалить отдельно нельзя/),
      'Этот профиль не найден — возможно, он удалён.',
      'Этот профиль не найден — возможно, он удалён.',
    ]);
    expect(h.services.patients.list(PETR.id)).toHaveLength(1);
    expect(h.db.select().from(auditLog).all().map((r) => r.action)).not.toContain('patient_deleted');
  });
});
