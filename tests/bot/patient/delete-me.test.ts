import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import type { NewPatient } from '../../../core/patients/repository.js';
import { accounts, auditLog, botState, documents, patients } from '../../../db/schema.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createPatientBotHarness, PATIENT_TOKEN, type PatientBotHarness } from '../../support/patient-bot.js';
import type { TestUser } from '../../support/updates.js';
import { filesUnder, phoneJpeg } from '../../support/document-fixtures.js';

const api = createFakeBotApi();
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
// An id that ends like Maria's: forgetting her chat must not reach this one.
const PETR = { id: 15550001, first_name: 'Пётр', language_code: 'ru' };

const MARIA_SELF: NewPatient = {
  relation: 'self',
  fullName: 'Иванова Мария Петровна',
  birthDate: '1961-03-05',
  phone: '+79123456789',
  phoneVerified: true,
  regionCode: 'RU-PRI',
  timeZone: 'Asia/Vladivostok',
};
const MARIA_CHILD: NewPatient = { ...MARIA_SELF, relation: 'child', fullName: 'Иванов Пётр Сергеевич', birthDate: '2015-07-01', phone: null, phoneVerified: false };
const PETR_SELF: NewPatient = { ...MARIA_SELF, fullName: 'Петров Пётр Петрович', phone: '+79990001122' };

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

function register(user: TestUser, ...profiles: NewPatient[]) {
  h.services.accounts.upsertConsent(user.id, 'ru', CONSENT_VERSION, Date.now());
  return profiles.map((p) => h.services.patients.create(user.id, p).id);
}

/** Sends a JPEG as an ECG through the bot, as a person does; `forWhom` when the account has several profiles. */
async function uploadEcg(user: TestUser, jpeg: Buffer, forWhom?: string) {
  await h.send(h.updates.text(user, '📄 Документы'));
  if (forWhom) await h.press(user, forWhom);
  await h.press(user, '➕ Загрузить');
  await h.press(user, 'ЭКГ');
  await h.send(h.updates.photo(user, api.addPhoto(jpeg, { token: PATIENT_TOKEN })));
  await h.send(h.updates.text(user, '✅ Готово'));
  expect(h.seen(user)).toContain('✅ Сохранено: ЭКГ.');
}

const filesRoot = () => path.join(h.dir, 'files');
const stateOf = (user: TestUser) => h.db.select().from(botState).all().filter((r) => r.key.endsWith(`:${user.id}`));

describe('/delete_me', () => {
  let petrDocBytes: Buffer;
  let petrFiles: string[];

  beforeEach(async () => {
    const jpeg = await phoneJpeg();
    register(PETR, PETR_SELF);
    await uploadEcg(PETR, jpeg);
    petrDocBytes = await h.services.documents.read(h.db.select().from(documents).get()!);
    petrFiles = filesUnder(filesRoot());

    register(MARIA, MARIA_SELF, MARIA_CHILD);
    // The same photo as Petr's for Maria herself, another one for her child.
    await uploadEcg(MARIA, jpeg, MARIA_SELF.fullName);
    await uploadEcg(MARIA, await phoneJpeg({ width: 900, height: 700 }), MARIA_CHILD.fullName);
  });

  it('asks to confirm, naming how many profiles and documents will go', async () => {
    await h.send(h.updates.command(MARIA, '/delete_me'));
    expect(h.seen(MARIA)).toEqual([
      'Удалить все ваши данные? Будут удалены все профили (2), все документы (2) и файлы. Это нельзя отменить.\n' +
        'В журнале останется только запись о самом удалении, без сведений о здоровье.',
    ]);
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat()).toEqual(['🗑 Да, удалить всё', 'Нет, оставить']);
  });

  it('"Нет, оставить" keeps everything', async () => {
    await h.send(h.updates.command(MARIA, '/delete_me'));
    await h.press(MARIA, 'Нет, оставить');
    expect(h.seen(MARIA).at(-1)).toBe('Хорошо, ничего не удаляем.');
    expect(h.services.patients.list(MARIA.id)).toHaveLength(2);
    expect(h.db.select().from(documents).all()).toHaveLength(3);
    expect(h.services.accounts.find(MARIA.id)).toBeDefined();
    expect(h.db.select().from(auditLog).where(eq(auditLog.action, 'account_deleted')).all()).toEqual([]);
  });

  it('confirming deletes the account, every profile, document and file, and the chat state', async () => {
    expect(filesUnder(filesRoot()).length).toBeGreaterThan(petrFiles.length);
    // Maria is halfway through changing a name: a session and a conversation are stored for her chat.
    await h.send(h.updates.command(MARIA, '/profile'));
    await h.press(MARIA, '✏️ ФИО');
    expect(stateOf(MARIA).map((r) => r.key).sort()).toEqual([`conv:${MARIA.id}`, `session:${MARIA.id}`]);

    await h.send(h.updates.command(MARIA, '/delete_me'));
    await h.press(MARIA, '🗑 Да, удалить всё');
    expect(h.seen(MARIA).at(-1)).toBe('Все ваши данные удалены. Спасибо, что были с нами. Если захотите вернуться — отправьте /start.');
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.replyMarkup).toEqual({ remove_keyboard: true });

    expect(h.db.select().from(accounts).all().map((a) => a.telegramId)).toEqual([PETR.id]);
    expect(h.db.select().from(patients).all().map((p) => p.fullName)).toEqual([PETR_SELF.fullName]);
    expect(h.db.select().from(documents).all()).toHaveLength(1);
    expect(filesUnder(filesRoot())).toEqual(petrFiles);
    expect(stateOf(MARIA)).toEqual([]);
  });

  it('leaves one audit record of the deletion, with counts and nothing about the person', async () => {
    await h.send(h.updates.command(MARIA, '/delete_me'));
    await h.press(MARIA, '🗑 Да, удалить всё');
    const deleted = h.db.select().from(auditLog).where(eq(auditLog.action, 'account_deleted')).all();
    expect(deleted).toEqual([expect.objectContaining({ actorType: 'account', actorId: MARIA.id, patientId: null })]);
    expect(JSON.parse(deleted[0]!.details!)).toEqual({ profiles: 2, documents: 2 });
    const log = JSON.stringify(h.db.select().from(auditLog).all());
    for (const personal of ['Иванова', 'Иванов', 'Мария', '+79123456789', '1961-03-05', '2015-07-01', 'ЭКГ', '.jpg']) {
      expect(log).not.toContain(personal);
    }
  });

  it("another account's profile, document and file stay as they were", async () => {
    await h.send(h.updates.command(PETR, '/help'));
    await h.send(h.updates.command(MARIA, '/delete_me'));
    await h.press(MARIA, '🗑 Да, удалить всё');
    expect(h.services.patients.list(PETR.id).map((p) => p.fullName)).toEqual([PETR_SELF.fullName]);
    const [doc] = h.db.select().from(documents).all();
    expect(doc!.patientId).toBe(h.services.patients.list(PETR.id)[0]!.id);
    // Maria's photo was the same as Petr's; his copy is still there to read.
    expect((await h.services.documents.read(doc!)).equals(petrDocBytes)).toBe(true);
    expect(stateOf(PETR)).toEqual([expect.objectContaining({ key: `session:${PETR.id}` })]);
    h.seen(PETR);
    await h.send(h.updates.text(PETR, '👤 Профили'));
    expect(h.seen(PETR)[1]).toMatch(/^👤 Петров Пётр Петрович[\s\S]*Документов: 1$/);
  });

  it('after deletion /start asks for consent again', async () => {
    await h.send(h.updates.command(MARIA, '/delete_me'));
    await h.press(MARIA, '🗑 Да, удалить всё');
    h.seen(MARIA);
    await h.send(h.updates.command(MARIA, '/start'));
    const [welcome, ask] = h.seen(MARIA);
    expect(welcome).toContain('Облако здоровья');
    expect(ask).toMatch(/согласие на обработку персональных данных/);
    expect(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat()).toContain('✅ Согласен(на)');
  });

  it('the goodbye is in the language the person chose, not the one of their Telegram', async () => {
    await h.send(h.updates.command(MARIA, '/language'));
    await h.press(MARIA, 'English');
    await h.send(h.updates.command(MARIA, '/delete_me'));
    expect(h.seen(MARIA).at(-1)).toMatch(/^Delete all your data\? All profiles \(2\), all documents \(2\)/);
    await h.press(MARIA, '🗑 Yes, delete everything');
    expect(h.seen(MARIA).at(-1)).toBe('All your data has been deleted. Thank you for being with us. If you want to come back, send /start.');
    expect(h.services.accounts.find(MARIA.id)).toBeUndefined();
  });
});

describe('/delete_me without an account', () => {
  it('says there is nothing to delete, and forgets even a language chosen before consent', async () => {
    const guest = { id: 5550009, first_name: 'Guest', language_code: 'ru' };
    await h.send(h.updates.command(guest, '/language'));
    await h.press(guest, 'English');
    expect(stateOf(guest)).toHaveLength(1);
    await h.send(h.updates.command(guest, '/delete_me'));
    expect(h.seen(guest).at(-1)).toBe('We hold no data of yours — there is nothing to delete.');
    expect(stateOf(guest)).toEqual([]);
    await h.send(h.updates.command(guest, '/delete_me'));
    expect(h.seen(guest).at(-1)).toBe('У нас нет ваших данных — удалять нечего.');
  });
});
