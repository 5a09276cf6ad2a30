import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applications, auditLog, patients, referrals } from '../../../db/schema.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, STAFF_TOKEN, type ServiceHarness } from '../../support/service-harness.js';
import { createUpdateFactory, type TestUser } from '../../support/updates.js';

const api = createFakeBotApi();
const clock = manualClock();
const MARIA = { id: 5560001, first_name: 'Мария', language_code: 'ru' };
const OLGA = { id: 5560002, first_name: 'Ольга', language_code: 'ru' };
const DOCTOR = { id: 7760001, first_name: 'Анна' };

const CODE = 'Ab3_dE-9xYz0';
const BAKULEV = 'НМИЦ ССХ им. А.Н. Бакулева';
const IBS = 'Ишемическая болезнь сердца';
const DIAGNOSIS = 'Стенокардия напряжения II ФК';
// Who referred and where to; the condition only after the person confirmed it is theirs.
const OFFER = `Вас направил(а) Петров Пётр Петрович, ГБУЗ «Областная больница № 1», в ${BAKULEV}.`;
// Asked after "this is me", before the referral is linked or anything of it shown.
const BIRTH_ASK =
  'Чтобы убедиться, что направление ваше, напишите дату рождения пациента, которого направили, — например, 05.03.1961. Если направление не ваше, отправьте /cancel.';
const REFUSED = 'Не удалось подтвердить направление: дата рождения не совпала. Обратитесь, пожалуйста, к направившему врачу.';
const wrongDate = (left: string) => `Дата рождения не совпадает с указанной в направлении. Проверьте и напишите её ещё раз. ${left}`;
// The birth date of the row in the tests below: not the 05.03.1961 that every date question gives as its example.
const ROW_BORN = { birthDate: '1958-11-23' };
// What only the confirmed owner may read: the row's name, birth date, phone, condition and diagnosis.
const PRIVATE = [/Иванова/i, /23\.11\.1958/, /1958/, /79123456789/, /912.?345/, new RegExp(IBS), /Стенокардия/, /I20\.8/];
const noPrivate = (messages: string[]) => {
  for (const pattern of PRIVATE) expect(messages.join('\n')).not.toMatch(pattern);
};

let h: ServiceHarness;

function harness(): ServiceHarness {
  return createServiceHarness(api, {
    clock,
    factories: {
      patient: createUpdateFactory({ api, token: PATIENT_TOKEN, now: clock.now }),
      staff: createUpdateFactory({ api, token: STAFF_TOKEN, now: clock.now }),
    },
  });
}

/** A referral row as the import leaves it (the import itself is tested on its own). */
function addReferral(over: Partial<typeof referrals.$inferInsert> = {}): number {
  return h.services.db
    .insert(referrals)
    .values({
      personKey: `иванова мария петровна|1961-03-05|${over.phone ?? '+79123456789'}|${over.inviteCode ?? CODE}`,
      fullName: 'Иванова Мария Петровна',
      birthDate: '1961-03-05',
      phone: '+79123456789',
      centerCode: 'bakulev',
      conditionCode: 'coronary_artery_disease',
      diagnosis: DIAGNOSIS,
      icd10: 'I20.8',
      referringDoctor: 'Петров Пётр Петрович',
      organization: 'ГБУЗ «Областная больница № 1»',
      regionCode: 'RU-MOW',
      regionText: 'г. Москва',
      inviteCode: CODE,
      createdAt: clock.now(),
      ...over,
    })
    .returning({ id: referrals.id })
    .get().id;
}

const referralRow = (id: number) => h.services.db.select().from(referrals).where(eq(referrals.id, id)).get()!;
const say = (text: string, user: TestUser = MARIA) => h.patient.send(h.patient.updates.text(user, text));
const press = (text: string, user: TestUser = MARIA) => h.patient.press(user, text);
const seen = (user: TestUser = MARIA) => h.patient.seen(user);
const buttons = (user: TestUser = MARIA) => api.sent(user.id, PATIENT_TOKEN).at(-1)!.buttons.flat();
/** The checklist as the chat shows it now: uploads edit it in place rather than posting it again. */
const liveChecklist = (user: TestUser = MARIA) => api.history(user.id, PATIENT_TOKEN).filter((m) => m.text?.includes('Документы для заявки')).at(-1)!;
const checklistButtons = () => liveChecklist().reply_markup!.inline_keyboard.flat().map((b) => b.text);
const openLink = (user: TestUser = MARIA, code = CODE) => h.patient.send(h.patient.updates.command(user, '/start', `ref_${code}`));
const shareOwnContact = (user: TestUser, phone: string) =>
  h.patient.send(h.patient.updates.contact(user, { phone_number: phone, first_name: user.first_name, user_id: user.id }));
const audits = () => h.services.db.select().from(auditLog).all().map((r) => r.action);

let shade = 0;
async function uploadFromChecklist(button: string, user: TestUser = MARIA) {
  await press(button, user);
  shade += 1;
  const bytes = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: (shade * 41) % 256, g: 80, b: 120 } } })
    .jpeg()
    .toBuffer();
  await h.patient.send(h.patient.updates.photo(user, api.addPhoto(bytes, { token: PATIENT_TOKEN })));
  await say('✅ Готово', user);
}

beforeAll(() => api.listen());
beforeEach(() => {
  clock.set(Date.UTC(2026, 10, 25, 7, 0));
  h = harness();
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

describe('the SMS deep link', () => {
  it('a new person: consent, the offer, the prefilled profile corrected, complaints, the documents, the application; doctors notified', async () => {
    const doctor = h.addStaff(DOCTOR.id, 'doctor', 'bakulev', 'Смирнова Анна Сергеевна');
    const id = addReferral();

    await openLink();
    const first = seen();
    expect(first[0]).toContain('Облако здоровья');
    expect(first[1]).toMatch(/согласие на обработку персональных данных/);
    // Nothing of the referral before consent.
    expect(first.join('\n')).not.toContain('Петров');

    await press('✅ Согласен(на)');
    const offer = seen().at(-1)!;
    expect(offer.split('\n')[0]).toBe(OFFER);
    expect(offer).not.toContain(IBS);
    // The diagnosis is the confirmed owner's to read, not whoever holds the link.
    expect(offer).not.toContain('Стенокардия');
    expect(offer).not.toContain('I20.8');
    expect(buttons()).toEqual(['✅ Да, это я', 'Это не я']);
    expect(referralRow(id).accountId).toBeNull();

    await press('✅ Да, это я');
    expect(seen()).toEqual([BIRTH_ASK]);
    expect(referralRow(id).accountId).toBeNull();
    await say('5.3.1961');
    expect(referralRow(id)).toMatchObject({ accountId: MARIA.id, patientId: null, linkedAt: clock.now() });
    const summary = seen().at(-1)!;
    expect(summary).toMatch(/^Профиль заполнен по данным направления/);
    expect(summary).toContain('Кто пациент: вы сами');
    expect(summary).toContain('ФИО: Иванова Мария Петровна');
    expect(summary).toContain('Дата рождения: 05.03.1961');
    // Taken from the table, not from Telegram's contact button: not verified.
    expect(summary).toContain('+79123456789 (не подтверждён)');
    expect(summary).toContain('Регион: Москва');
    expect(buttons()).toEqual(['✅ Всё верно', '✏️ Кто пациент', '✏️ ФИО', '✏️ Дата рождения', '✏️ Телефон', '✏️ Регион']);

    // A correction through registration's own step and validation.
    await press('✏️ ФИО');
    await say('Мария');
    await say('Иванова-Петрова Мария Петровна');
    const corrected = seen();
    expect(corrected).toEqual([expect.stringMatching(/фамилию, имя и отчество/), expect.stringMatching(/хотя бы фамилия и имя/), expect.stringMatching(/Профиль заполнен/)]);
    expect(corrected.at(-1)).toContain('ФИО: Иванова-Петрова Мария Петровна');

    await press('✅ Всё верно');
    expect(seen()).toEqual([
      'Профиль Ивановой-Петровой Марии Петровны сохранён и связан с направлением.',
      `Диагноз из направления: I20.8 — ${DIAGNOSIS}\nКоротко опишите, что беспокоит сейчас: так врач центра лучше подготовится. Не больше 1\u00a0000 символов.\nЕсли добавить нечего, нажмите кнопку — врач увидит причину из направления.`,
    ]);
    const [patient] = h.services.patients.list(MARIA.id);
    expect(patient).toMatchObject({ fullName: 'Иванова-Петрова Мария Петровна', birthDate: '1961-03-05', phoneVerified: false, timeZone: 'Europe/Moscow' });
    expect(referralRow(id).patientId).toBe(patient!.id);

    await press('Добавить нечего');
    const checklist = seen().at(-1)!;
    expect(checklist.split('\n')).toEqual([
      'Осталось загрузить документы, которые нужны центру для этого направления.',
      '',
      'Документы для заявки', `${BAKULEV}, «${IBS}»`,
      '❌ Выписка из истории болезни (из стационара)',
      '❌ ЭКГ',
      '❌ ЭхоКГ',
      '➖ КТ (если есть)',
      '➖ МРТ (если есть)',
      '',
      expect.stringMatching(/^Не хватает: Выписка из истории болезни \(из стационара\), ЭКГ, ЭхоКГ\./),
      '',
      expect.stringMatching(/дежурному врачу/),
    ]);
    expect(buttons()).toEqual([
      '📎 Загрузить: Выписка из истории болезни (из стационара)',
      '📎 Загрузить: ЭКГ',
      '📎 Загрузить: ЭхоКГ',
      '📎 КТ (по желанию)',
      '📎 МРТ (по желанию)',
    ]);

    await uploadFromChecklist('📎 Загрузить: Выписка из истории болезни (из стационара)');
    await uploadFromChecklist('📎 Загрузить: ЭКГ');
    expect(checklistButtons()).not.toContain('📨 Отправить заявку');
    await uploadFromChecklist('📎 Загрузить: ЭхоКГ');
    expect(seen().slice(-2)).toEqual([expect.stringMatching(/^Сохранено документов: 1\./), expect.stringMatching(/^Документы для заявки/)]);
    expect(liveChecklist().text).toContain('Все нужные документы на месте.');
    expect(checklistButtons()).toEqual(['📎 КТ (по желанию)', '📎 МРТ (по желанию)', '📨 Отправить заявку']);
    expect(h.services.db.select().from(applications).all()).toEqual([]);

    await press('📨 Отправить заявку');
    const [app] = h.services.db.select().from(applications).all();
    expect(app).toMatchObject({
      patientId: patient!.id,
      centerCode: 'bakulev',
      conditionCode: 'coronary_artery_disease',
      path: 'referral',
      status: 'submitted',
      diagnosis: `I20.8 — ${DIAGNOSIS}`,
      complaints: 'по направлению',
    });
    expect(seen()).toEqual([`✅ Заявка № ${app!.id} по направлению отправлена в ${BAKULEV}.\nВам сообщат о решении в течение 2–4 дней — здесь, в этом чате. Если понадобятся ещё документы, врач напишет, какие именно.`]);
    expect(referralRow(id).applicationId).toBe(app!.id);
    expect(audits()).toEqual(expect.arrayContaining(['consent_given', 'referral.linked', 'referral.profile_attached', 'application.submitted', 'referral.submitted']));

    // Triaged as in path 1: the center's doctor gets the card, which says it is a referral and from whom.
    await h.deliver();
    const card = h.staff.seen(DOCTOR).at(-1)!;
    expect(card).toContain(`I20.8 — ${DIAGNOSIS}`);
    expect(card).toContain('📨 По направлению: Петров Пётр Петрович, ГБУЗ «Областная больница № 1»');
    expect(doctor.centerCode).toBe('bakulev');

    // Opening the link again: just where it stands.
    await openLink();
    expect(seen()).toEqual([`Заявка по этому направлению уже отправлена (№ ${app!.id}). Её состояние — в «🗂 Мои заявки».`]);
  });

  it('a link opened with consent already given: the offer at once; complaints typed are what the doctor reads', async () => {
    h.registerPatient(MARIA.id, { fullName: 'Сидорова Анна Ивановна', relation: 'child', birthDate: '2015-04-01' });
    const id = addReferral({ regionCode: null, regionText: 'Приморье, г. Находка' });
    await openLink();
    expect(seen()).toEqual([expect.stringContaining(OFFER)]);
    await press('✅ Да, это я');
    expect(seen()).toEqual([BIRTH_ASK]);
    await say('1961-03-05');
    // The table's region could not be matched: asked as registration asks it.
    expect(seen()).toEqual([
      'В направлении указан регион «Приморье, г. Находка», но я не смог его распознать. Укажите регион, пожалуйста.',
      expect.stringMatching(/^Регион проживания/),
    ]);
    await say('Примор');
    await press('Приморский край');
    expect(seen().at(-1)).toContain('Регион: Приморский край');
    await press('✅ Всё верно');
    await say('Давящие боли за грудиной при подъёме на 2 этаж.');
    expect(seen().at(-1)).toContain('Документы для заявки');
    expect(h.services.patients.list(MARIA.id).map((p) => p.timeZone)).toEqual(['Europe/Moscow', 'Asia/Vladivostok']);
    const patientId = referralRow(id).patientId!;
    for (const kind of ['discharge_summary', 'ecg', 'echo']) {
      await h.services.documents.ingest({ patientId, kind, bytes: await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: kind.length * 20, g: 1, b: 2 } } }).jpeg().toBuffer(), actorAccountId: MARIA.id });
    }
    await openLink();
    expect(seen().at(-1)).toContain('Все нужные документы на месте.');
    await press('📨 Отправить заявку');
    const [app] = h.services.db.select().from(applications).all();
    expect(app).toMatchObject({ path: 'referral', complaints: 'Давящие боли за грудиной при подъёме на 2 этаж.' });
  });

  it("the patient's own application to the center already open: the referral joins it, nothing is sent twice", async () => {
    const maria = h.registerPatient(MARIA.id);
    for (const kind of ['discharge_summary', 'ecg', 'echo']) {
      const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: kind.length * 20, g: 9, b: 2 } } }).jpeg().toBuffer();
      await h.services.documents.ingest({ patientId: maria, kind, bytes, actorAccountId: MARIA.id });
    }
    const own = h.services.applications.submit({ patientId: maria, centerCode: 'bakulev', conditionCode: 'arrhythmia', diagnosis: 'ФП', complaints: 'Перебои', actorAccountId: MARIA.id });
    const id = addReferral();
    await openLink();
    await press('✅ Да, это я');
    await say('05.03.1961');
    await press('Добавить нечего');
    await press('📨 Отправить заявку');
    expect(seen().at(-1)).toBe(
      `У пациента уже есть открытая заявка № ${own.id} в ${BAKULEV}: направление присоединено к ней, и врач центра увидит, кто вас направил. Посмотреть её можно в «🗂 Мои заявки».`,
    );
    expect(h.services.db.select().from(applications).all()).toHaveLength(1);
    expect(referralRow(id).applicationId).toBe(own.id);
  });

  it('an unknown or malformed code gets a clear message and the usual start', async () => {
    addReferral();
    await openLink(MARIA, 'Zz9_zz9-Zz9z');
    const unknown = seen();
    expect(unknown[0]).toMatch(/^Эта ссылка-приглашение не найдена/);
    expect(unknown.at(-1)).toMatch(/согласие на обработку/);
    await h.patient.send(h.patient.updates.command(MARIA, '/start', 'ref_short'));
    expect(seen()[0]).toMatch(/^Эта ссылка-приглашение не найдена/);
    h.registerPatient(OLGA.id);
    await openLink(OLGA, 'Zz9_zz9-Zz9z');
    expect(seen(OLGA)).toEqual([expect.stringMatching(/^Эта ссылка-приглашение не найдена/), 'С возвращением! Выберите действие в меню ниже.']);
  });

  it('"this is not me" leaves the referral unlinked and goes on with registration', async () => {
    const id = addReferral();
    await openLink();
    await press('✅ Согласен(на)');
    await press('Это не я');
    expect(seen().slice(-2)).toEqual(['Понятно, направление не привязано к вашему аккаунту. Спасибо, что сказали.', expect.stringMatching(/^Напишите ваши фамилию/)]);
    expect(referralRow(id)).toMatchObject({ accountId: null, patientId: null, linkedAt: null });
    expect(audits()).toContain('referral.not_me');
  });

  it('a second Telegram account cannot take a referral already linked, even with the offer on its screen', async () => {
    const id = addReferral();
    h.registerPatient(OLGA.id, { fullName: 'Кузнецова Ольга Павловна' });
    h.registerPatient(MARIA.id, { fullName: 'Другое Имя Совсем' });
    // Both open the link; Maria confirms first.
    await openLink(OLGA);
    await openLink(MARIA);
    await press('✅ Да, это я', MARIA);
    await press('✅ Да, это я', OLGA);
    expect(seen(OLGA).at(-1)).toBe(BIRTH_ASK);
    await say('05.03.1961', MARIA);
    // Olga knows the date too, and still cannot have it: it is Maria's now.
    await say('05.03.1961', OLGA);
    expect(seen(OLGA).slice(-2)).toEqual([
      'Это приглашение уже использовано. Если вы его не открывали, обратитесь к направившему врачу.',
      'Главное меню. Выберите действие кнопкой ниже.',
    ]);
    expect(referralRow(id).accountId).toBe(MARIA.id);
    // Opening it later: the same words, and never whose it is.
    await openLink(OLGA);
    const later = seen(OLGA);
    expect(later[0]).toBe('Это приглашение уже использовано. Если вы его не открывали, обратитесь к направившему врачу.');
    expect(later.join('\n')).not.toMatch(/Иванова|Мария|Петров/);
    expect(referralRow(id).accountId).toBe(MARIA.id);
  });

  it('a forged press naming a referral this chat was never offered links nothing', async () => {
    const id = addReferral();
    h.registerPatient(OLGA.id, { fullName: 'Кузнецова Ольга Павловна' });
    await h.patient.send(h.patient.updates.callback(OLGA, `ref-offer:${id}:1`, { chat: { id: OLGA.id, type: 'private', first_name: 'Ольга' }, message_id: 1, date: 0 } as never));
    expect(api.sent(OLGA.id, PATIENT_TOKEN)).toEqual([]);
    expect(referralRow(id).accountId).toBeNull();
  });

  it('a restart mid-flow resumes: the profile step and the checklist, state in SQLite', async () => {
    const id = addReferral();
    await openLink();
    await press('✅ Согласен(на)');
    await press('✅ Да, это я');
    // The birth date step survives a restart as well.
    h = h.restart();
    await say('05.03.1961');
    expect(seen().at(-1)).toMatch(/^Профиль заполнен по данным направления/);
    h = h.restart();
    await press('✅ Всё верно');
    expect(seen().at(-1)).toMatch(/^Диагноз из направления: I20\.8/);
    h = h.restart();
    await say('Одышка при ходьбе.');
    expect(seen().at(-1)).toContain('Документы для заявки');
    await press('📎 Загрузить: ЭКГ');
    h = h.restart();
    shade += 7;
    const bytes = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 10, g: shade, b: 30 } } }).jpeg().toBuffer();
    await h.patient.send(h.patient.updates.photo(MARIA, api.addPhoto(bytes, { token: PATIENT_TOKEN })));
    await say('✅ Готово');
    expect(liveChecklist().text).toContain('✅ ЭКГ');
    expect(referralRow(id)).toMatchObject({ accountId: MARIA.id, applicationId: null });

    // Left for a while: a plain /start offers to go on, and nothing typed was lost.
    await say('/cancel');
    await h.patient.send(h.patient.updates.command(MARIA, '/start'));
    expect(seen().slice(-2)).toEqual([
      'С возвращением! Выберите действие в меню ниже.',
      `Оформление заявки по направлению в ${BAKULEV} не закончено. Продолжить с того места, где остановились?`,
    ]);
    await press('▶️ Продолжить оформление');
    const checklist = seen().at(-1)!;
    expect(checklist).toContain('✅ ЭКГ');
    expect(checklist).toContain('❌ ЭхоКГ');
  });
});

describe('the birth date before the link', () => {
  it('a wrong date is said to not match and may be typed again; the right one links', async () => {
    const id = addReferral(ROW_BORN);
    await openLink();
    await press('✅ Согласен(на)');
    const before = seen();
    await press('✅ Да, это я');
    await say('24.11.1958');
    expect(seen()).toEqual([BIRTH_ASK, wrongDate('Осталось 2 попытки.')]);
    expect(referralRow(id).accountId).toBeNull();
    await say('23.11.1958');
    expect(referralRow(id)).toMatchObject({ accountId: MARIA.id, linkedAt: clock.now() });
    expect(seen().at(-1)).toMatch(/^Профиль заполнен по данным направления/);
    noPrivate(before);
    expect(audits().filter((a) => a.startsWith('referral.'))).toEqual(['referral.birth_date_wrong', 'referral.linked']);
  });

  it('a sticker, a photo or words at the date step get the same re-asks as registration; nothing counts as a try', async () => {
    const id = addReferral(ROW_BORN);
    h.registerPatient(MARIA.id, { fullName: 'Сидорова Анна Ивановна', relation: 'child', birthDate: '2015-04-01' });
    await openLink();
    await press('✅ Да, это я');
    seen();
    await h.patient.send(h.patient.updates.sticker(MARIA));
    const bytes = await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 1, g: 2, b: 3 } } }).jpeg().toBuffer();
    await h.patient.send(h.patient.updates.photo(MARIA, api.addPhoto(bytes, { token: PATIENT_TOKEN })));
    await say('пятое марта');
    await say('05.03.61');
    await say('31.02.1961');
    expect(seen()).toEqual([
      'Пожалуйста, напишите ответ текстом.',
      'Пожалуйста, напишите ответ текстом.',
      'Не получилось распознать дату. Напишите её так: 05.03.1961 (день.месяц.год).',
      'Напишите год полностью, четырьмя цифрами: например, 05.03.1961.',
      'Такой даты нет в календаре. Проверьте день и месяц, пожалуйста.',
    ]);
    expect(referralRow(id).accountId).toBeNull();
    expect(audits()).not.toContain('referral.birth_date_wrong');
    await say('23.11.1958');
    expect(referralRow(id).accountId).toBe(MARIA.id);
  });

  it('three wrong dates refuse it, whatever restarts and new /starts came between; it stays unlinked for good', async () => {
    const id = addReferral(ROW_BORN);
    await openLink();
    await press('✅ Согласен(на)');
    await press('✅ Да, это я');
    await say('01.01.1970');
    h = h.restart();
    await say('02.01.1970');
    const first = seen();
    expect(first.slice(-2)).toEqual([wrongDate('Осталось 2 попытки.'), wrongDate('Осталась 1 попытка.')]);
    // A new /start of the link and a restart reset nothing: one try is left.
    await openLink();
    h = h.restart();
    await press('✅ Да, это я');
    expect(seen().slice(-2)).toEqual([expect.stringContaining(OFFER), BIRTH_ASK]);
    await say('03.01.1970');
    const refused = seen();
    expect(refused).toEqual([REFUSED, expect.stringMatching(/^Напишите ваши фамилию/)]);
    expect(referralRow(id)).toMatchObject({ accountId: null, patientId: null, linkedAt: null });
    // The last is registration's own name question, whose example name is not the referral's.
    noPrivate([...first, ...refused.slice(0, -1)]);
    const mismatch = h.services.db.select().from(auditLog).all().filter((r) => r.action === 'referral.birth_date_mismatch');
    expect(mismatch.map((r) => [r.actorId, r.details])).toEqual([[MARIA.id, JSON.stringify({ referralId: id, via: 'link', attempts: 3 })]]);

    // Even the right date is no longer asked for: the referring physician has to help.
    await openLink();
    await press('✅ Да, это я');
    expect(seen().slice(-2)).toEqual([REFUSED, expect.stringMatching(/^Напишите ваши фамилию/)]);
    expect(referralRow(id).accountId).toBeNull();
    // Nor does the shared contact offer it again inside registration: registration simply goes on.
    await say('Кузнецова Мария Ивановна');
    await say('01.02.1980');
    await shareOwnContact(MARIA, '79123456789');
    expect(seen().at(-1)).toMatch(/^Проверьте, пожалуйста/);
    expect(referralRow(id).accountId).toBeNull();
  });

  it('by the shared contact in registration: three wrong dates refuse it and registration goes on where it was', async () => {
    const id = addReferral(ROW_BORN);
    await h.patient.send(h.patient.updates.command(MARIA, '/start'));
    await press('✅ Согласен(на)');
    await say('Кузнецова Мария Ивановна');
    await say('01.02.1980');
    seen();
    await shareOwnContact(MARIA, '79123456789');
    await press('✅ Да, это я');
    await say('01.02.1980');
    await say('01.02.1981');
    await say('01.02.1982');
    const messages = seen();
    expect(messages).toEqual([
      '✅',
      expect.stringContaining(OFFER),
      BIRTH_ASK,
      wrongDate('Осталось 2 попытки.'),
      wrongDate('Осталась 1 попытка.'),
      'Не удалось подтвердить направление: дата рождения не совпала. Обратитесь, пожалуйста, к направившему врачу. А пока продолжим регистрацию.',
      expect.stringMatching(/^Проверьте, пожалуйста/),
    ]);
    // The last is registration's own summary of what the person typed and shared, not the referral's row.
    noPrivate(messages.slice(0, -1));
    await press('Москва');
    expect(h.services.patients.list(MARIA.id)).toMatchObject([{ fullName: 'Кузнецова Мария Ивановна', birthDate: '1980-02-01' }]);
    expect(referralRow(id).accountId).toBeNull();
    expect(audits()).toContain('referral.birth_date_mismatch');
    // A contact shared later outside registration is told the same, not offered it again.
    seen();
    await shareOwnContact(MARIA, '79123456789');
    expect(seen()).toEqual([REFUSED]);
  });

  it('by a contact shared outside registration: nothing of the row before the date matches', async () => {
    const id = addReferral(ROW_BORN);
    h.registerPatient(MARIA.id, { fullName: 'Сидорова Анна Ивановна', relation: 'child', birthDate: '2015-04-01', phone: '+79990000000', phoneVerified: false });
    await shareOwnContact(MARIA, '+79123456789');
    await press('✅ Да, это я');
    await say('01.04.2015');
    const before = seen();
    expect(before.slice(-2)).toEqual([BIRTH_ASK, wrongDate('Осталось 2 попытки.')]);
    noPrivate(before);
    await say('23.11.1958');
    expect(referralRow(id).accountId).toBe(MARIA.id);
    expect(seen().at(-1)).toContain('Дата рождения: 23.11.1958');
  });
});

describe('in English', () => {
  it('the offer and the questions in the person\'s language', async () => {
    const JOHN = { id: 5560009, first_name: 'John', language_code: 'en' };
    addReferral();
    await openLink(JOHN);
    await press('✅ I agree', JOHN);
    expect(seen(JOHN).at(-1)!.split('\n')[0]).toBe(
      `You were referred by Петров Пётр Петрович, ГБУЗ «Областная больница № 1» to Bakulev Center (cardiovascular surgery).`,
    );
    await press('✅ Yes, this is me', JOHN);
    expect(seen(JOHN)).toEqual([
      'To make sure this referral is yours, please type the birth date of the patient who was referred, for example 05.03.1961. If the referral is not yours, send /cancel.',
    ]);
    await say('05.03.1960', JOHN);
    expect(seen(JOHN)).toEqual(['The birth date does not match the one in the referral. Please check it and type it again. 2 tries left.']);
    await say('05.03.1961', JOHN);
    expect(seen(JOHN).at(-1)).toMatch(/^The profile is filled in from the referral/);
  });
});

describe('a shared phone', () => {
  it('"not me" in registration goes on with registration where it was', async () => {
    const id = addReferral();
    await h.patient.send(h.patient.updates.command(MARIA, '/start'));
    await press('✅ Согласен(на)');
    await say('Кузнецова Мария Ивановна');
    await say('01.02.1980');
    await shareOwnContact(MARIA, '79123456789');
    await press('Это не я');
    expect(seen().slice(-2)).toEqual(['Понятно, направление не привязано. Продолжим регистрацию.', expect.stringMatching(/^Проверьте, пожалуйста/)]);
    await press('Москва');
    expect(h.services.patients.list(MARIA.id)).toMatchObject([{ fullName: 'Кузнецова Мария Ивановна', phoneVerified: true }]);
    expect(referralRow(id).accountId).toBeNull();
  });


  it("the person's own contact in registration matches: the offer, then the referral's profile with the phone verified", async () => {
    const id = addReferral();
    await h.patient.send(h.patient.updates.command(MARIA, '/start'));
    await press('✅ Согласен(на)');
    await say('Иванова Мария Петровна');
    await say('05.03.1961');
    seen();
    await shareOwnContact(MARIA, '79123456789');
    expect(seen().at(-1)!.split('\n')[0]).toBe(OFFER);
    await press('✅ Да, это я');
    expect(seen()).toEqual([BIRTH_ASK]);
    await say('05.03.1961');
    const summary = seen().at(-1)!;
    expect(summary).toContain('+79123456789 (подтверждён)');
    expect(summary).toContain('Регион: Москва');
    // The referral's steps run inside registration's own conversation, which resumes after a restart as well.
    h = h.restart();
    await press('✅ Всё верно');
    await press('Добавить нечего');
    expect(seen().at(-1)).toContain('Документы для заявки');
    const [patient] = h.services.patients.list(MARIA.id);
    expect(patient).toMatchObject({ phone: '+79123456789', phoneVerified: true, relation: 'self' });
    expect(referralRow(id)).toMatchObject({ accountId: MARIA.id, patientId: patient!.id });
    expect(h.services.accounts.find(MARIA.id)).toMatchObject({ phone: '+79123456789', phoneVerified: true });
    expect(h.services.db.select().from(auditLog).all().find((r) => r.action === 'referral.linked')!.details).toBe(JSON.stringify({ referralId: id, via: 'phone' }));
  });

  it('a typed phone never links a referral: registration goes on as usual', async () => {
    const id = addReferral();
    await h.patient.send(h.patient.updates.command(MARIA, '/start'));
    await press('✅ Согласен(на)');
    await say('Иванова Мария Петровна');
    await say('05.03.1961');
    seen();
    await say('+7 912 345-67-89');
    expect(seen()).toEqual([expect.stringMatching(/неподтверждённый/), expect.stringMatching(/^Проверьте, пожалуйста/)]);
    expect(referralRow(id).accountId).toBeNull();
  });

  it('a contact shared outside registration links to the matching profile already there; someone else\'s contact finds nothing', async () => {
    const id = addReferral();
    const existing = h.registerPatient(MARIA.id, { fullName: 'иванова  мария петровна', phone: '+79990000000', phoneVerified: false });
    await shareOwnContact(MARIA, '79001112233');
    expect(seen()).toEqual([expect.stringMatching(/^Спасибо. Направлений на этот номер не нашлось/)]);
    await h.patient.send(h.patient.updates.contact(MARIA, { phone_number: '79123456789', first_name: 'Соседка', user_id: 42 }));
    expect(seen().join('\n')).not.toContain('Вас направил');
    expect(referralRow(id).accountId).toBeNull();

    await shareOwnContact(MARIA, '+7 912 345 67 89');
    expect(seen().at(-1)!.split('\n')[0]).toBe(OFFER);
    await press('✅ Да, это я');
    expect(seen()).toEqual([BIRTH_ASK]);
    expect(referralRow(id).accountId).toBeNull();
    await say('05.03.1961');
    expect(seen()).toEqual([
      'Направление связано с уже зарегистрированным профилем: иванова  мария петровна.',
      expect.stringMatching(/^Диагноз из направления/),
    ]);
    expect(h.services.patients.list(MARIA.id)).toHaveLength(1);
    expect(referralRow(id)).toMatchObject({ accountId: MARIA.id, patientId: existing });
    expect(h.services.db.select().from(patients).all()).toHaveLength(1);
  });
});
