import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionData } from '../../../bot/patient/apply/callback-data.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { countInteractions } from '../../support/interaction-counter.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, STAFF_TOKEN, type ServiceHarness } from '../../support/service-harness.js';
import { createUpdateFactory, type TestUser } from '../../support/updates.js';

const api = createFakeBotApi();
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
const clock = manualClock();

let h: ServiceHarness;
let maria: number;

/** Message dates follow the test's clock: the bot tells a split long text from a new answer by them. */
function harness(): ServiceHarness {
  return createServiceHarness(api, {
    clock,
    factories: {
      patient: createUpdateFactory({ api, token: PATIENT_TOKEN, now: clock.now }),
      staff: createUpdateFactory({ api, token: STAFF_TOKEN, now: clock.now }),
    },
  });
}

let shade = 0;
/** A small JPEG that differs from every other one made here (the service refuses the same bytes twice). */
async function jpeg(): Promise<Buffer> {
  shade += 1;
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: (shade * 37) % 256, g: (shade * 11) % 256, b: 90 } } })
    .jpeg()
    .toBuffer();
}

async function addDocument(patientId: number, kind: string, actor = MARIA.id) {
  await h.services.documents.ingest({ patientId, kind, bytes: await jpeg(), actorAccountId: actor });
}

const say = (text: string, user: TestUser = MARIA) => h.patient.send(h.patient.updates.text(user, text));
const press = (text: string, user: TestUser = MARIA) => h.patient.press(user, text);
const seen = (user: TestUser = MARIA) => h.patient.seen(user);
const buttons = (user: TestUser = MARIA) => api.sent(user.id, PATIENT_TOKEN).at(-1)!.buttons.flat();

/** The checklist as the chat shows it now, edits included. */
const checklistMessage = () => api.history(MARIA.id, PATIENT_TOKEN).filter((m) => m.text?.startsWith('Документы для заявки')).at(-1)!;

const BAKULEV = 'НМИЦ ССХ им. А.Н. Бакулева';
const KULAKOV = 'НМИЦ АГП им. В.И. Кулакова';
const IBS = 'Ишемическая болезнь сердца';
const DIAGNOSIS = 'ИБС. Стенокардия напряжения II ФК. Постинфарктный кардиосклероз.';
const COMPLAINTS = 'Давящие боли за грудиной при ходьбе на 200 метров, одышка. Беспокоит около года.';
/** Russian writes thousands with a no-break space: 1 000. */
const NB = '\u00a0';
const DUTY_HINT = 'Нет этих документов? Можно записаться к дежурному врачу — ему документы не нужны.';

/** From the main menu to the checklist: center, condition, diagnosis, complaints. */
async function fillIn(center = BAKULEV, condition = IBS) {
  await say('📝 Заявка в центр');
  await press(center);
  await press(condition);
  await say(DIAGNOSIS);
  await say(COMPLAINTS);
}

beforeAll(() => api.listen());
beforeEach(() => {
  clock.set(Date.UTC(2026, 10, 25, 7, 0));
  h = harness();
  maria = h.registerPatient(MARIA.id);
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

describe('applying to a center', () => {
  it('center, condition, diagnosis, complaints; the checklist; a missing ECG uploaded right there; the summary; sent', async () => {
    await addDocument(maria, 'discharge_summary');
    await addDocument(maria, 'echo');

    await say('📝 Заявка в центр');
    expect(seen()).toEqual([
      [
        'Заявка для Ивановой Марии Петровны',
        'В какой центр обращаемся? Выберите кнопкой ниже.',
        '',
        `• ${BAKULEV} — сердце и сосуды у взрослых и детей: пороки сердца, ишемическая болезнь, аритмии, кардиомиопатии, болезни артерий и вен.`,
        `• ${KULAKOV} — беременность и женское здоровье: пороки и аритмии у плода, опухоли при беременности, болезни женских органов и молочной железы.`,
      ].join('\n'),
    ]);
    expect(buttons()).toEqual([BAKULEV, KULAKOV]);

    await press(BAKULEV);
    expect(seen()).toEqual([`${BAKULEV}. С каким заболеванием обращаетесь? Выберите наиболее подходящее:`]);
    expect(buttons()).toContain(IBS);
    expect(buttons().at(-1)).toBe('« Назад');

    await press(IBS);
    expect(seen()).toEqual(['Напишите диагноз — так, как он записан в выписке или у лечащего врача.\nНе больше 500 символов.']);
    await say(DIAGNOSIS);
    expect(seen()).toEqual([`Опишите жалобы: что беспокоит, как давно, какое лечение уже было.\nНе больше 1${NB}000 символов.`]);
    await say(COMPLAINTS);
    expect(seen()).toEqual([
      [
        'Документы для заявки', `${BAKULEV}, «${IBS}»`,
        '✅ Выписка из истории болезни (из стационара)',
        '❌ ЭКГ',
        '✅ ЭхоКГ',
        '➖ КТ (если есть)',
        '➖ МРТ (если есть)',
        '',
        'Не хватает: ЭКГ. Без них заявку не отправить — по ним врач решает, чем помочь. Загрузите их кнопками ниже (фото или PDF).',
        '',
        DUTY_HINT,
      ].join('\n'),
    ]);
    // No way to send while a required document is missing: upload buttons, and cancel.
    expect(buttons()).toEqual(['📎 Загрузить: ЭКГ', '📎 КТ (по желанию)', '📎 МРТ (по желанию)', '✖️ Отменить заявку']);

    await press('📎 Загрузить: ЭКГ');
    expect(seen()).toEqual([expect.stringMatching(/^Отправьте фото или PDF-файлы: «ЭКГ»/)]);
    expect(buttons()).toEqual(['✅ Готово']);
    const photo = api.addPhoto(await jpeg(), { token: PATIENT_TOKEN });
    await h.patient.send(h.patient.updates.photo(MARIA, photo));
    // The checklist itself acknowledges the file: ticked, with the count in place of the footer.
    expect(seen()).toEqual([expect.stringMatching(/✅ ЭКГ\n[^]*📎 «ЭКГ»: получено файлов — 1\. Можно прислать ещё, а когда всё — нажмите «✅ Готово»\.$/)]);
    const uploading = checklistMessage().message_id;
    await say('✅ Готово');
    // Done: the summary, then the checklist moved down under it, where the next step is read; its copy above is gone.
    expect(seen()).toEqual(['Сохранено документов: 1. Всего документов у Ивановой Марии Петровны: 3.', expect.stringMatching(/^Документы для заявки/)]);
    const checklist = checklistMessage();
    expect(checklist.message_id).not.toBe(uploading);
    expect(api.history(MARIA.id, PATIENT_TOKEN).filter((m) => m.text?.startsWith('Документы для заявки'))).toHaveLength(1);
    expect(checklist.text!.split('\n')).toEqual([
      'Документы для заявки', `${BAKULEV}, «${IBS}»`,
      '✅ Выписка из истории болезни (из стационара)',
      '✅ ЭКГ',
      '✅ ЭхоКГ',
      '➖ КТ (если есть)',
      '➖ МРТ (если есть)',
      '',
      'Все нужные документы на месте. Можно проверить заявку и отправить.',
    ]);
    expect(checklist.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toEqual(['📎 КТ (по желанию)', '📎 МРТ (по желанию)', '📨 Отправить заявку', '✖️ Отменить заявку']);

    await press('📨 Отправить заявку');
    expect(seen()).toEqual([
      [
        'Проверьте заявку, пожалуйста:',
        'Пациент: Иванова Мария Петровна',
        `Центр: ${BAKULEV}`,
        `Заболевание: ${IBS}`,
        `Диагноз: ${DIAGNOSIS}`,
        `Жалобы: ${COMPLAINTS}`,
        'Документы: Выписка из истории болезни (из стационара), ЭКГ, ЭхоКГ',
      ].join('\n'),
    ]);
    expect(buttons()).toEqual(['✅ Всё верно, отправить', '✏️ Исправить диагноз и жалобы', '✖️ Отменить заявку']);
    expect(h.services.applications.ofAccount(MARIA.id)).toEqual([]);

    await press('✅ Всё верно, отправить');
    const [app] = h.services.applications.ofAccount(MARIA.id);
    expect(app).toMatchObject({ patientId: maria, centerCode: 'bakulev', conditionCode: 'coronary_artery_disease', status: 'submitted', diagnosis: DIAGNOSIS, complaints: COMPLAINTS });
    expect(seen()).toEqual([
      `✅ Заявка № ${app!.id} отправлена в ${BAKULEV} (пациент Иванова Мария Петровна).\n` +
        'Врач центра рассмотрит её и ответит здесь, в этом чате, в течение 1–3 дней. Если понадобятся ещё документы, врач напишет, какие именно.',
    ]);
    expect(buttons()).toContain('🗂 Мои заявки');

    // The draft is gone; one open application per center: the same center is refused before anything is typed.
    await say('📝 Заявка в центр');
    expect(seen().at(-1)).toMatch(/^Заявка для Ивановой Марии Петровны\n/);
    await press(BAKULEV);
    expect(seen()).toEqual([
      `У Ивановой Марии Петровны уже есть открытая заявка № ${app!.id} в ${BAKULEV}. Новую заявку в этот центр можно подать, когда эта будет закрыта. Посмотреть её можно в «🗂 Мои заявки».`,
    ]);
  });

  it('three files from the checklist: one checklist message, edited as they arrive, and half the messages of before', async () => {
    await addDocument(maria, 'discharge_summary');
    await addDocument(maria, 'echo');
    await fillIn();
    await press('📎 Загрузить: ЭКГ');
    seen();
    const before = api.calls.length;
    // An album: three updates one after another, as Telegram delivers them.
    const album = 'album-1';
    for (let i = 0; i < 3; i++) {
      const photo = api.addPhoto(await jpeg(), { token: PATIENT_TOKEN });
      await h.patient.send(h.patient.updates.photo(MARIA, photo, { media_group_id: album }));
    }
    await say('✅ Готово');
    const calls = api.calls.slice(before).filter((c) => Number(c.params.chat_id) === MARIA.id);
    const sends = calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.params.text));
    const edits = calls.filter((c) => c.method === 'editMessageText');
    const deletes = calls.filter((c) => c.method === 'deleteMessage');
    // Before: «Сохранено из альбома» (edited), the summary and the checklist posted again: 3 messages, three
    // checklists left with buttons; one file at a time it was a «Сохранено» per file: 5. Now: the checklist under the first file,
    // edited by the other two, and at Done the summary and the checklist moved down: one checklist in the chat.
    expect(sends).toHaveLength(3);
    expect(sends.filter((t) => t.includes('Документы для заявки'))).toHaveLength(2);
    const progress = edits[0]!.params.message_id;
    expect(edits.map((e) => e.params.message_id)).toEqual([progress, progress]);
    // The checklist the upload was opened from goes when the first file arrives, the progress one at Done.
    expect(deletes).toHaveLength(2);
    expect(deletes[1]!.params.message_id).toBe(progress);
    expect(api.history(MARIA.id, PATIENT_TOKEN).filter((m) => m.text?.startsWith('Документы для заявки'))).toHaveLength(1);
    expect(h.services.documents.list(maria).filter((d) => d.kind === 'ecg')).toHaveLength(3);
    expect(checklistMessage().text).toMatch(/✅ ЭКГ[^]*Все нужные документы на месте/);
  });

  it('a checklist Telegram will not edit any more (deleted) is posted anew and edited from then on', async () => {
    await addDocument(maria, 'discharge_summary');
    await addDocument(maria, 'echo');
    await fillIn();
    await press('📎 Загрузить: ЭКГ');
    await h.patient.send(h.patient.updates.photo(MARIA, api.addPhoto(await jpeg(), { token: PATIENT_TOKEN })));
    seen();
    api.failNext('editMessageText', { error_code: 400, description: 'Bad Request: message to edit not found' });
    await h.patient.send(h.patient.updates.photo(MARIA, api.addPhoto(await jpeg(), { token: PATIENT_TOKEN })));
    expect(seen()).toEqual([expect.stringMatching(/получено файлов — 2/)]);
    await h.patient.send(h.patient.updates.photo(MARIA, api.addPhoto(await jpeg(), { token: PATIENT_TOKEN })));
    expect(seen()).toEqual([]);
    expect(checklistMessage().text).toMatch(/получено файлов — 3/);
  });

  it('a checklist Telegram will not delete (gone, or too old) stays where it is, and Done still shows the next step', async () => {
    await addDocument(maria, 'discharge_summary');
    await addDocument(maria, 'echo');
    await fillIn();
    await press('📎 Загрузить: ЭКГ');
    await h.patient.send(h.patient.updates.photo(MARIA, api.addPhoto(await jpeg(), { token: PATIENT_TOKEN })));
    seen();
    api.failNext('deleteMessage', { error_code: 400, description: "Bad Request: message can't be deleted for everyone" });
    await say('✅ Готово');
    expect(seen()).toEqual([expect.stringMatching(/^Сохранено документов: 1\./), expect.stringMatching(/Все нужные документы на месте/)]);
    expect(buttons()).toContain('📨 Отправить заявку');
  });

  it('a missing required document blocks sending, even from a stale button or after a deletion, and the duty doctor is offered', async () => {
    await addDocument(maria, 'discharge_summary');
    await addDocument(maria, 'echo');
    await addDocument(maria, 'ecg');
    await fillIn();
    expect(seen().at(-1)).toMatch(/Все нужные документы на месте/);
    const complete = api.history(MARIA.id, PATIENT_TOKEN).at(-1)!;

    // The ECG is deleted while the complete checklist is on screen; its send button no longer sends anything.
    const ecg = h.services.documents.list(maria).find((d) => d.kind === 'ecg')!;
    await h.services.documents.remove(maria, ecg.id, { type: 'account', id: MARIA.id });
    await press('📨 Отправить заявку');
    const [blocked, checklist] = seen();
    expect(blocked).toBe('Заявку пока нельзя отправить: не хватает обязательных документов.');
    expect(checklist).toContain('\n❌ ЭКГ\n');
    expect(checklist).toContain(DUTY_HINT);
    expect(buttons()).not.toContain('📨 Отправить заявку');

    // A forged "send" (the summary's button) meets the same rule in the service.
    await h.patient.send(h.patient.updates.callback(MARIA, actionData.pack({ action: 'send' }), complete));
    expect(seen()[0]).toBe('Заявку пока нельзя отправить: не хватает обязательных документов.');
    expect(h.services.applications.ofAccount(MARIA.id)).toEqual([]);
  });

  it('bad input is explained, with how far over the limit, and the same question stays open', async () => {
    await addDocument(maria, 'discharge_summary');
    await say('📝 Заявка в центр');
    await press(BAKULEV);
    await press(IBS);
    seen();

    await say('   ');
    await h.patient.send(h.patient.updates.sticker(MARIA));
    clock.advance(60_000);
    await say('И'.repeat(600));
    clock.advance(60_000);
    expect(seen()).toEqual([
      'Диагноз получился пустым. Напишите его, пожалуйста, текстом — как в выписке.',
      'Пожалуйста, напишите диагноз текстом: голосовые сообщения и стикеры бот не понимает.',
      'Сейчас в диагнозе 600 символов, а можно не больше 500. Сократите его, пожалуйста, на 100 символов и отправьте ещё раз. Подробности можно написать дальше, в жалобах.',
    ]);
    await say('И'.repeat(501));
    clock.advance(60_000);
    expect(seen()).toEqual([expect.stringMatching(/^Сейчас в диагнозе 501 символ, а можно не больше 500\. Сократите его, пожалуйста, на 1 символ /)]);

    await say(DIAGNOSIS);
    expect(seen()).toEqual([expect.stringMatching(/^Опишите жалобы/)]);
    await say('ж'.repeat(5000));
    clock.advance(60_000);
    expect(seen()).toEqual([`Сейчас в жалобах 5${NB}000 символов, а можно не больше 1${NB}000. Сократите, пожалуйста, на 4${NB}000 символов и отправьте ещё раз.`]);
    await say('ж'.repeat(1003));
    clock.advance(60_000);
    expect(seen()).toEqual([expect.stringMatching(new RegExp(`^Сейчас в жалобах 1${NB}003 символа, а можно не больше 1${NB}000\\. Сократите, пожалуйста, на 3 символа `))]);
    await say(COMPLAINTS);
    expect(seen()).toEqual([expect.stringMatching(/^Документы для заявки/)]);
    await press('✖️ Отменить заявку');
    expect(seen()).toEqual(['Хорошо, заявку не отправляем. Черновик удалён.']);
  });

  it('a long text that Telegram split in two is refused as a whole, not taken from its tail', async () => {
    await addDocument(maria, 'discharge_summary');
    await say('📝 Заявка в центр');
    await press(BAKULEV);
    await press(IBS);
    await say(DIAGNOSIS);
    seen();
    // 5000 characters arrive as 4096 + 904, in the same second; 904 alone would fit.
    await say('ж'.repeat(4096));
    await say('ж'.repeat(904));
    expect(seen()).toEqual([
      expect.stringMatching(`Сейчас в жалобах 4${NB}096 символов`),
      'Похоже, это продолжение того же длинного текста: Telegram делит длинные сообщения на части. Пожалуйста, сократите весь текст и отправьте его одним сообщением.',
    ]);
    clock.advance(3 * 60_000);
    await say(COMPLAINTS);
    expect(seen()).toEqual([expect.stringMatching(/^Документы для заявки/)]);
  });

  it('a pregnancy condition at the Kulakov center asks for the exchange card and the fetal ultrasound', async () => {
    await fillIn(KULAKOV, 'Врождённые пороки развития у плода');
    expect(seen().at(-1)!.split('\n').slice(0, 7)).toEqual([
      'Документы для заявки', `${KULAKOV}, «Врождённые пороки развития у плода»`,
      '❌ Выписка из истории болезни (из стационара)',
      '❌ Обменная карта беременной',
      '❌ УЗИ плода',
      '➖ КТ (если есть)',
      '➖ МРТ (если есть)',
    ]);
    expect(buttons()).toEqual([
      '📎 Загрузить: Выписка из истории болезни (из стационара)',
      '📎 Загрузить: Обменная карта беременной',
      '📎 Загрузить: УЗИ плода',
      '📎 КТ (по желанию)',
      '📎 МРТ (по желанию)',
      '✖️ Отменить заявку',
    ]);
  });

  it('with the documents ready it takes at most 8 interactions from the menu to sent, the profile pick of a family account included', async () => {
    h.services.patients.create(MARIA.id, {
      relation: 'child',
      fullName: 'Иванов Пётр Сергеевич',
      birthDate: '2015-07-01',
      phone: null,
      phoneVerified: false,
      regionCode: 'RU-PRI',
      timeZone: 'Asia/Vladivostok',
    });
    for (const kind of ['discharge_summary', 'ecg', 'echo']) await addDocument(maria, kind);
    const person = countInteractions(h.patient);
    await person.send(h.patient.updates.text(MARIA, '📝 Заявка в центр'));
    await person.press(MARIA, 'Иванова Мария Петровна');
    await person.press(MARIA, BAKULEV);
    await person.press(MARIA, IBS);
    await person.send(h.patient.updates.text(MARIA, DIAGNOSIS));
    await person.send(h.patient.updates.text(MARIA, COMPLAINTS));
    await person.press(MARIA, '📨 Отправить заявку');
    await person.press(MARIA, '✅ Всё верно, отправить');
    expect(h.services.applications.ofAccount(MARIA.id)).toEqual([expect.objectContaining({ patientId: maria, status: 'submitted' })]);
    expect(person.count).toBeLessThanOrEqual(8);
  });

  it('a family account picks the profile, and the checklist is that profile’s', async () => {
    const mother = h.services.patients.create(MARIA.id, {
      relation: 'relative',
      fullName: 'Петрова Анна Ивановна',
      birthDate: '1945-01-10',
      phone: null,
      phoneVerified: false,
      regionCode: 'RU-PRI',
      timeZone: 'Asia/Vladivostok',
    }).id;
    await addDocument(maria, 'ecg');
    for (const kind of ['discharge_summary', 'echo']) await addDocument(mother, kind);

    await say('📝 Заявка в центр');
    expect(seen()).toEqual(['Для кого подаём заявку? Выберите пациента:']);
    expect(buttons()).toEqual(['Иванова Мария Петровна', 'Петрова Анна Ивановна']);
    await press('Петрова Анна Ивановна');
    expect(seen()[0]).toMatch(/^Заявка для Петровой Анны Ивановны\n/);
    await press(BAKULEV);
    await press(IBS);
    await say(DIAGNOSIS);
    await say(COMPLAINTS);
    // Maria's ECG is not her mother's.
    expect(seen().at(-1)!.split('\n').slice(2, 5)).toEqual(['✅ Выписка из истории болезни (из стационара)', '❌ ЭКГ', '✅ ЭхоКГ']);
    await addDocument(mother, 'ecg');
    await h.patient.send(h.patient.updates.callback(MARIA, actionData.pack({ action: 'review' }), api.history(MARIA.id, PATIENT_TOKEN).at(-1)));
    expect(seen().at(-1)).toMatch(/^Проверьте заявку, пожалуйста:\nПациент: Петрова Анна Ивановна\n/);
    await press('✅ Всё верно, отправить');
    expect(h.services.applications.ofAccount(MARIA.id)).toEqual([expect.objectContaining({ patientId: mother, patientName: 'Петрова Анна Ивановна' })]);
  });

  it('the draft survives a restart, in the middle of typing and in the middle of an upload', async () => {
    await addDocument(maria, 'discharge_summary');
    await addDocument(maria, 'echo');
    await say('📝 Заявка в центр');
    await press(BAKULEV);
    await press(IBS);
    await say(DIAGNOSIS);

    let again = h.restart();
    await again.patient.send(again.patient.updates.text(MARIA, COMPLAINTS));
    expect(api.lastText(MARIA.id)).toMatch(/❌ ЭКГ/);
    await again.patient.press(MARIA, '📎 Загрузить: ЭКГ');

    again = again.restart();
    const photo = api.addPhoto(await jpeg(), { token: PATIENT_TOKEN });
    await again.patient.send(again.patient.updates.photo(MARIA, photo));
    await again.patient.send(again.patient.updates.text(MARIA, '✅ Готово'));
    expect(api.lastText(MARIA.id)).toMatch(/✅ ЭКГ[\s\S]*Все нужные документы на месте/);
    await again.patient.press(MARIA, '📨 Отправить заявку');
    await again.patient.press(MARIA, '✅ Всё верно, отправить');
    expect(again.services.applications.ofAccount(MARIA.id)).toEqual([
      expect.objectContaining({ diagnosis: DIAGNOSIS, complaints: COMPLAINTS, status: 'submitted' }),
    ]);
  });

  it('leaving for another menu item keeps the draft, and the apply button offers to go on with it', async () => {
    await say('📝 Заявка в центр');
    await press(BAKULEV);
    await press(IBS);
    await say('📄 Документы');
    // The menu button was not taken for a diagnosis, and text typed now is not either.
    await say('какой-то текст');
    expect(seen().at(-1)).toBe('Я не понял сообщение. Выберите действие в меню ниже или отправьте /help.');
    await say('📝 Заявка в центр');
    expect(seen()).toEqual([
      `У вас есть неотправленная заявка: пациент Иванова Мария Петровна, ${BAKULEV}.\nПродолжить с того места, где остановились, или начать заново?`,
    ]);
    await press('▶️ Продолжить');
    expect(seen()).toEqual([expect.stringMatching(/^Напишите диагноз/)]);
    await say(DIAGNOSIS);
    expect(seen()).toEqual([expect.stringMatching(/^Опишите жалобы/)]);

    await h.patient.send(h.patient.updates.command(MARIA, '/cancel'));
    await say('📝 Заявка в центр');
    expect(seen().at(-1)).toMatch(/^Заявка для Ивановой Марии Петровны\n/);
  });
});
