import { eq } from 'drizzle-orm';
import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { scheduleData } from '../../../bot/staff/schedule/callback-data.js';
import { declineData, documentsData, openData, requestData, takeData } from '../../../bot/staff/triage/callback-data.js';
import { auditLog, outbox, staff } from '../../../db/schema.js';
import { phoneJpeg, pdfWithPages } from '../../support/document-fixtures.js';
import type { ServiceHarness } from '../../support/service-harness.js';
import { staffTests } from '../../support/staff-harness.js';
import type { TestUser } from '../../support/updates.js';

const A: TestUser = { id: 6661001, first_name: 'Анна', language_code: 'ru' };
const B: TestUser = { id: 6661002, first_name: 'Олег', language_code: 'ru' };
const K: TestUser = { id: 6661003, first_name: 'Ирина', language_code: 'ru' };
const STRANGER: TestUser = { id: 6661099, first_name: 'Некто', language_code: 'ru' };
const PATIENT = 7771001;
const A_NAME = 'Петрова Анна Сергеевна';

const START = Date.UTC(2026, 10, 25, 7, 0); // 10:00 in Moscow
let h: ServiceHarness;
let files: { photo1: Buffer; photo2: Buffer; pdf: Buffer; pdfs: Buffer[] };

const { api, clock } = staffTests({
  start: START,
  prepare: async () => {
    files = {
      photo1: await phoneJpeg({ width: 64, height: 48 }),
      photo2: await phoneJpeg({ width: 80, height: 60 }),
      pdf: await pdfWithPages(2),
      pdfs: [await pdfWithPages(1), await pdfWithPages(3), await pdfWithPages(4)],
    };
  },
  seed: (harness) => void (h = harness),
  check: () => {
    const apologies = api.sent().filter((m) => m.text?.startsWith('Извините, что-то пошло не так'));
    // No step may have ended in the error boundary's apology.
    expect(apologies.map((m) => m.chatId)).toEqual([]);
  },
});

const token = () => h.staff.token;
const chat = (user: TestUser) => api.history(user.id, token());
const buttons = (m: Message | undefined) => (m?.reply_markup?.inline_keyboard ?? []).map((row) => row.map((b) => b.text));
const textOf = (m: Message | undefined) => (m && 'text' in m ? m.text : undefined);
/** The text of the latest callback answer (the toast or alert the person sees). */
const lastAnswer = () => api.callsOf('answerCallbackQuery', token()).at(-1)?.params.text;
const filesTo = (user: TestUser) =>
  ['sendMediaGroup', 'sendPhoto', 'sendDocument'].flatMap((m) => api.callsOf(m, token())).filter((c) => Number(c.params.chat_id) === user.id);
const outboxOf = (template: string) => h.services.db.select().from(outbox).where(eq(outbox.template, template)).all();

function addDoctors() {
  h.addStaff(A.id, 'doctor', 'bakulev', A_NAME);
  h.addStaff(B.id, 'doctor', 'bakulev', 'Смирнов Олег Игоревич');
  h.addStaff(K.id, 'doctor', 'kulakov', 'Кузнецова Ирина Павловна');
}

/** A patient with two photos and a PDF, and their application to the Bakulev center, announced to its doctors. */
async function application(opts: { account?: number; name?: string; birthDate?: string; conditionCode?: string } = {}) {
  const account = opts.account ?? PATIENT;
  const patientId = h.registerPatient(account, { ...(opts.name ? { fullName: opts.name } : {}), ...(opts.birthDate ? { birthDate: opts.birthDate } : {}) });
  const docs = h.services.documents;
  await docs.ingest({ patientId, kind: 'discharge_summary', bytes: files.pdf, actorAccountId: account });
  await docs.ingest({ patientId, kind: 'ecg', bytes: files.photo1, actorAccountId: account });
  await docs.ingest({ patientId, kind: 'echo', bytes: files.photo2, actorAccountId: account });
  const app = h.services.applications.submit({
    patientId,
    centerCode: 'bakulev',
    conditionCode: opts.conditionCode ?? 'congenital_heart_defect',
    diagnosis: 'Дефект межпредсердной перегородки',
    complaints: 'Одышка при подъёме на второй этаж',
    actorAccountId: account,
  });
  await h.deliver();
  return { patientId, app };
}

const CARD = [
  'Пациент: Иванова Мария Петровна, 65 лет',
  'Заболевание: Врождённые пороки сердца',
  'Диагноз: Дефект межпредсердной перегородки',
  'Жалобы: Одышка при подъёме на второй этаж',
  'Документов: 3',
  'Подана: 25.11.2026 10:00',
].join('\n');

describe('staff triage: the new application', () => {
  it("notifies each doctor of the center with the card and its four buttons, and no one else", async () => {
    addDoctors();
    // Doctor B reads English and works in Vladivostok: their card is in their language and zone.
    h.services.staff.setLocale(h.services.staff.byTelegramId(B.id)!.id, 'en');
    h.services.db.update(staff).set({ timeZone: 'Asia/Vladivostok' }).where(eq(staff.telegramId, B.id)).run();
    await application();

    expect(h.staff.seen(A)).toEqual([`🆕 Новая заявка №1\n${CARD}\n\n⏳ Ждёт врача.`]);
    expect(buttons(chat(A).at(-1))).toEqual([
      ['📎 Документы', '✋ Взять'],
      ['📄 Запросить документы', '❌ Отклонить'],
    ]);
    expect(h.staff.seen(B)).toEqual([
      [
        '🆕 New application #1',
        'Patient: Иванова Мария Петровна, 65 years old',
        'Condition: Congenital heart defects',
        'Diagnosis: Дефект межпредсердной перегородки',
        'Complaints: Одышка при подъёме на второй этаж',
        'Documents: 3',
        'Submitted: 25.11.2026 17:00',
        '',
        '⏳ Waiting for a doctor.',
      ].join('\n'),
    ]);
    expect(buttons(chat(B).at(-1))).toEqual([
      ['📎 Documents', '✋ Take'],
      ['📄 Request documents', '❌ Decline'],
    ]);
    expect(h.staff.seen(K)).toEqual([]);
    expect(h.services.applicationRepository.notices(1).map((n) => n.chatId).sort()).toEqual([A.id, B.id]);
  });

  it('Take: A gets it; B, pressing on their own notice, is told who has it, and the notice is then edited without buttons', async () => {
    addDoctors();
    await application();
    await h.staff.press(A, '✋ Взять');
    expect(lastAnswer()).toBe('Заявка №1 теперь у вас. Пациенту сообщили, что её рассматривают.');
    expect(textOf(chat(A).at(-1))).toBe(`Заявка №1\n${CARD}\n\n👩‍⚕️ В работе у вас.`);
    expect(buttons(chat(A).at(-1))).toEqual([
      ['📎 Документы', '📅 Назначить'],
      ['📄 Запросить документы', '❌ Отклонить'],
    ]);
    // Scheduling is its own feature; the card only starts it.
    expect(chat(A).at(-1)!.reply_markup!.inline_keyboard[0]![1]).toMatchObject({ callback_data: scheduleData.pack({ applicationId: 1 }) });

    await h.staff.press(B, '✋ Взять');
    expect(lastAnswer()).toBe(`Эту заявку уже взяла в работу ${A_NAME}.`);
    expect(h.services.applicationRepository.byId(1)).toMatchObject({ status: 'in_review', assignedStaffId: h.services.staff.byTelegramId(A.id)!.id });

    await h.deliver();
    const notice = chat(B).at(-1)!;
    expect(textOf(notice)).toBe(`Заявку №1 (Врождённые пороки сердца) взяла в работу ${A_NAME}.`);
    expect(notice.reply_markup).toBeUndefined();
    expect(outboxOf('application_taken').map((r) => [r.chatId, r.sentAt !== null, r.failedAt])).toEqual([[B.id, true, null]]);
    // The patient is told it is being reviewed (how that reads is the patient bot's part).
    expect(outboxOf('application_in_review').map((r) => [r.bot, r.chatId, JSON.parse(r.params)])).toEqual([
      ['patient', PATIENT, { applicationId: 1, center: 'bakulev' }],
    ]);
    // B has lost access: no documents either.
    await h.staff.send(h.staff.updates.callback(B, documentsData.pack({ id: 1 }), notice));
    expect(lastAnswer()).toBe(`Эту заявку уже взяла в работу ${A_NAME}.`);
    expect(filesTo(B)).toEqual([]);
  });

  it('two doctors pressing Take at once: exactly one gets it', async () => {
    addDoctors();
    await application();
    await Promise.all([h.staff.press(A, '✋ Взять'), h.staff.press(B, '✋ Взять')]);
    const answers = api.callsOf('answerCallbackQuery', token()).map((c) => c.params.text);
    const winners = answers.filter((t) => t === 'Заявка №1 теперь у вас. Пациенту сообщили, что её рассматривают.');
    const losers = answers.filter((t) => typeof t === 'string' && t.startsWith('Эту заявку уже взяла в работу'));
    expect([winners.length, losers.length]).toEqual([1, 1]);
    const holder = h.services.applicationRepository.byId(1)!.assignedStaffId;
    expect([h.services.staff.byTelegramId(A.id)!.id, h.services.staff.byTelegramId(B.id)!.id]).toContain(holder);
    expect(outboxOf('application_in_review')).toHaveLength(1);
  });
});

describe('staff triage: documents', () => {
  it('sends the photos as one album and the PDF as a file, and logs one view per document', async () => {
    addDoctors();
    const { patientId } = await application();
    h.staff.seen(A);
    await h.staff.press(A, '📎 Документы');
    expect(h.staff.seen(A)).toEqual([
      'Документы по заявке №1: 3.',
      'ЭКГ · 25.11.2026',
      'ЭхоКГ · 25.11.2026',
      'Выписка из истории болезни (из стационара) · 25.11.2026, 2 стр.',
    ]);
    const albums = api.callsOf('sendMediaGroup', token());
    expect(albums).toHaveLength(1);
    expect((albums[0]!.params.media as Array<{ type: string }>).map((m) => m.type)).toEqual(['photo', 'photo']);
    // Medical documents shown to staff cannot be forwarded or saved out of the chat.
    expect(albums[0]!.params.protect_content).toBe(true);
    expect(api.callsOf('sendDocument', token()).map((c) => c.params.protect_content)).toEqual([true]);
    const [pdf] = api.sent(A.id, token()).filter((m) => m.method === 'sendDocument');
    expect(pdf!.files![0]!.filename).toMatch(/^Выписка из истории болезни \(из стационара\) 25\.11\.2026 #\d+\.pdf$/);
    expect(pdf!.files![0]!.bytes!.subarray(0, 5).toString()).toBe('%PDF-');

    const views = h.services.db.select().from(auditLog).where(eq(auditLog.action, 'document.viewed')).all();
    const documentIds = h.services.documents.list(patientId).map((d) => d.id).sort();
    expect(views.map((v) => [v.actorType, v.actorId, v.patientId])).toEqual(
      Array(3).fill(['staff', h.services.staff.byTelegramId(A.id)!.id, patientId]),
    );
    expect(views.map((v) => JSON.parse(v.details!) as { applicationId: number; documentId: number })
      .map((d) => [d.applicationId, d.documentId]).sort()).toEqual(documentIds.map((id) => [1, id]));
  });

  it('eleven photos go as two albums of 6 and 5; a lone photo goes as a photo', async () => {
    addDoctors();
    const { patientId } = await application();
    for (let i = 0; i < 9; i++) {
      const bytes = await phoneJpeg({ width: 64 + 2 * (i + 1), height: 48 });
      await h.services.documents.ingest({ patientId, kind: 'lab_results', bytes, actorAccountId: PATIENT });
    }
    await h.staff.press(A, '📎 Документы');
    expect(api.callsOf('sendMediaGroup', token()).map((c) => (c.params.media as unknown[]).length)).toEqual([6, 5]);
    expect(h.services.db.select().from(auditLog).where(eq(auditLog.action, 'document.viewed')).all()).toHaveLength(12);

    const other = h.registerPatient(7771002, { fullName: 'Сидорова Елена Викторовна' });
    await h.services.documents.ingest({ patientId: other, kind: 'discharge_summary', bytes: files.pdfs[0]!, actorAccountId: 7771002 });
    await h.services.documents.ingest({ patientId: other, kind: 'ecg', bytes: files.photo1, actorAccountId: 7771002 });
    await h.services.documents.ingest({ patientId: other, kind: 'echo', bytes: files.pdfs[1]!, actorAccountId: 7771002 });
    h.services.applications.submit({ patientId: other, centerCode: 'bakulev', conditionCode: 'arrhythmia', diagnosis: 'ФП', complaints: 'Перебои', actorAccountId: 7771002 });
    await h.deliver();
    h.staff.seen(B);
    await h.staff.press(B, '📎 Документы');
    expect(api.callsOf('sendMediaGroup', token())).toHaveLength(2);
    expect(h.staff.seen(B)).toEqual(['Документы по заявке №2: 3.', 'ЭКГ · 25.11.2026', expect.stringMatching(/^Выписка/), expect.stringMatching(/^ЭхоКГ/)]);
    expect(api.sent(B.id, token()).map((m) => m.method).slice(-3)).toEqual(['sendPhoto', 'sendDocument', 'sendDocument']);
  });

  it("a doctor of another center pressing a forged button for this application gets not-found, and no files", async () => {
    addDoctors();
    await application();
    await h.staff.send(h.staff.updates.command(K, '/queue'));
    expect(h.staff.seen(K)).toEqual(['В очереди центра нет заявок.']);
    const own = chat(K).at(-1)!;
    for (const data of [documentsData, takeData, openData, requestData, declineData].map((d) => d.pack({ id: 1 }))) {
      await h.staff.send(h.staff.updates.callback(K, data, own));
      expect(lastAnswer(), data).toBe('Заявка не найдена.');
    }
    // An application that does not exist reads the same.
    await h.staff.send(h.staff.updates.callback(K, documentsData.pack({ id: 999 }), own));
    expect(lastAnswer()).toBe('Заявка не найдена.');
    expect(filesTo(K)).toEqual([]);
    expect(h.staff.seen(K)).toEqual([]);
    expect(h.services.applicationRepository.byId(1)).toMatchObject({ status: 'submitted', assignedStaffId: null });
    expect(h.services.db.select().from(auditLog).where(eq(auditLog.action, 'document.viewed')).all()).toEqual([]);
  });

  it('a stranger is told the bot is for staff, and nothing more', async () => {
    addDoctors();
    await application();
    await h.staff.send(h.staff.updates.command(STRANGER, '/queue'));
    const own = chat(STRANGER).at(-1)!;
    await h.staff.send(h.staff.updates.callback(STRANGER, documentsData.pack({ id: 1 }), own));
    expect(lastAnswer()).toBe('Этот бот — для сотрудников «Облака здоровья».');
    await h.staff.send(h.staff.updates.callback(STRANGER, takeData.pack({ id: 1 }), own));
    expect(h.staff.seen(STRANGER)).toEqual(['Этот бот — для сотрудников «Облака здоровья».']);
    expect(filesTo(STRANGER)).toEqual([]);
    expect(h.services.applicationRepository.byId(1)!.assignedStaffId).toBeNull();
  });
});

describe('staff triage: request documents', () => {
  it('pick kinds (toggling), write a comment: the application waits for those documents and the card says so', async () => {
    addDoctors();
    const { patientId } = await application();
    h.staff.seen(A);
    await h.staff.press(A, '📄 Запросить документы');
    expect(h.staff.seen(A)).toEqual(['Какие документы запросить по заявке №1? Отметьте нужные и нажмите «Далее ›».']);
    expect(buttons(chat(A).at(-1))).toEqual([
      ['Выписка из истории болезни (из стационара)', 'ЭКГ'],
      ['ЭхоКГ', 'КТ'],
      ['МРТ', 'Заключение лечащего врача'],
      ['Анализы', 'Другое'],
      ['Далее ›', 'Отмена'],
    ]);
    await h.staff.press(A, 'Далее ›');
    expect(lastAnswer()).toBe('Отметьте хотя бы один документ.');
    await h.staff.press(A, 'ЭКГ');
    await h.staff.press(A, 'МРТ');
    await h.staff.press(A, 'КТ');
    await h.staff.press(A, '✅ МРТ');
    expect(buttons(chat(A).at(-1)).slice(0, 3)).toEqual([
      ['Выписка из истории болезни (из стационара)', '✅ ЭКГ'],
      ['ЭхоКГ', '✅ КТ'],
      ['МРТ', 'Заключение лечащего врача'],
    ]);
    await h.staff.press(A, 'Далее ›');
    expect(h.staff.seen(A)).toEqual([expect.stringMatching(/^Комментарий для пациента/)]);
    await h.staff.send(h.staff.updates.text(A, 'ЭКГ не старше месяца; КТ — если делали'));
    expect(h.staff.seen(A)).toEqual([
      'Запрос по заявке №1 отправлен пациенту: ЭКГ, КТ. Когда документы будут загружены, придёт уведомление.',
    ]);
    expect(h.services.applicationRepository.byId(1)).toMatchObject({
      status: 'needs_documents',
      requestedKinds: ['ecg', 'ct'],
      requestComment: 'ЭКГ не старше месяца; КТ — если делали',
    });
    const notice = chat(A).find((m) => textOf(m)?.startsWith('Заявка №1\n'));
    expect(textOf(notice)).toBe(`Заявка №1\n${CARD}\n\n📄 Запрошены документы: ЭКГ, КТ.\nКомментарий: ЭКГ не старше месяца; КТ — если делали`);
    expect(buttons(notice)).toEqual([['📎 Документы'], ['❌ Отклонить']]);

    // The patient uploads both: the application comes back to A with the card and its buttons.
    clock.advance(3600_000);
    await h.services.documents.ingest({ patientId, kind: 'ecg', bytes: files.pdfs[0]!, actorAccountId: PATIENT });
    await h.services.documents.ingest({ patientId, kind: 'ct', bytes: files.pdfs[1]!, actorAccountId: PATIENT });
    h.services.applications.documentsUploaded(patientId);
    await h.deliver();
    expect(h.staff.seen(A)).toEqual([
      [
        '📥 Пациент загрузил запрошенные документы — заявка №1',
        CARD.replace('Документов: 3', 'Документов: 5'),
        '',
        '📥 Запрошенные документы загружены — заявка ждёт вашего решения.',
      ].join('\n'),
    ]);
    expect(buttons(chat(A).at(-1))).toEqual([
      ['📎 Документы', '📅 Назначить'],
      ['📄 Запросить документы', '❌ Отклонить'],
    ]);
    // B's notice said A took it when A committed to the request.
    expect(textOf(chat(B).at(-1))).toBe(`Заявку №1 (Врождённые пороки сердца) взяла в работу ${A_NAME}.`);
  });

  it('a dash means no comment', async () => {
    addDoctors();
    await application();
    await h.staff.press(A, '✋ Взять');
    await h.staff.press(A, '📄 Запросить документы');
    await h.staff.press(A, 'Анализы');
    await h.staff.press(A, 'Далее ›');
    await h.staff.send(h.staff.updates.text(A, '–'));
    expect(h.services.applicationRepository.byId(1)).toMatchObject({ status: 'needs_documents', requestedKinds: ['lab_results'], requestComment: null });
  });
});

describe('staff triage: decline', () => {
  it('with a listed reason: written to the patient in their language, and the card shows it', async () => {
    addDoctors();
    await application();
    h.services.accounts.setLocale(PATIENT, 'en');
    h.staff.seen(A);
    await h.staff.press(A, '❌ Отклонить');
    expect(h.staff.seen(A)).toEqual(['Причина отказа по заявке №1? Её увидит пациент.']);
    expect(buttons(chat(A).at(-1))).toEqual([
      ['Не профиль центра'],
      ['Мало данных — очный приём'],
      ['Нужна экстренная помощь (103)'],
      ['Повторная заявка'],
      ['✏️ Другая причина (написать)'],
      ['Отмена'],
    ]);
    await h.staff.press(A, 'Мало данных — очный приём');
    const reason = 'There is not enough data for a remote consultation. We recommend an in-person visit to a doctor where you live.';
    expect(h.services.applicationRepository.byId(1)).toMatchObject({ status: 'declined', declineReason: reason });
    expect(outboxOf('application_declined').map((r) => JSON.parse(r.params))).toEqual([{ applicationId: 1, reason }]);
    expect(chat(A).map(textOf)).toContain(`Заявка №1 отклонена, пациент уведомлён. Причина: ${reason}`);
    const notice = chat(A).find((m) => textOf(m)?.startsWith('Заявка №1\n'));
    expect(textOf(notice)).toBe(`Заявка №1\n${CARD}\n\n❌ Отклонена. Причина: ${reason}`);
    expect(notice!.reply_markup).toBeUndefined();
  });

  it('with a typed reason; an empty or 5000-character one is explained and asked again', async () => {
    addDoctors();
    await application();
    await h.staff.press(A, '❌ Отклонить');
    await h.staff.press(A, '✏️ Другая причина (написать)');
    h.staff.seen(A);
    await h.staff.send(h.staff.updates.text(A, '   '));
    await h.staff.send(h.staff.updates.text(A, 'я'.repeat(5000)));
    expect(h.staff.seen(A)).toEqual([
      'Причина не может быть пустой. Напишите её, пожалуйста.',
      expect.stringMatching(/^Причина слишком длинная: 5\s000 символов, можно не больше 1\s000\. Сократите, пожалуйста\.$/),
    ]);
    expect(h.services.applicationRepository.byId(1)!.status).toBe('submitted');
    const reason = 'Нужна очная консультация кардиолога по месту жительства';
    await h.staff.send(h.staff.updates.text(A, `  ${reason} `));
    expect(h.staff.seen(A)).toEqual([`Заявка №1 отклонена, пациент уведомлён. Причина: ${reason}`]);
    expect(h.services.applicationRepository.byId(1)).toMatchObject({ status: 'declined', declineReason: reason });
  });

  it('a command during the typed reason leaves the flow and runs; nothing is declined', async () => {
    addDoctors();
    await application();
    await h.staff.press(A, '❌ Отклонить');
    await h.staff.press(A, '✏️ Другая причина (написать)');
    h.staff.seen(A);
    await h.staff.send(h.staff.updates.command(A, '/queue'));
    expect(h.staff.seen(A)).toEqual([
      'Начатое действие по заявке прервано, пациенту ничего не отправлено.',
      expect.stringMatching(/^Очередь центра: 1, сначала давние\./),
    ]);
    expect(h.services.applicationRepository.byId(1)!.status).toBe('submitted');
  });
});

describe('staff triage: a question open', () => {
  it("other buttons keep working while the comment is asked for, and the comment still goes to its application", async () => {
    addDoctors();
    await application({ account: 7771001 });
    await application({ account: 7771002, name: 'Сидорова Елена Викторовна', conditionCode: 'arrhythmia' });
    const second = chat(A).find((m) => textOf(m)?.startsWith('🆕 Новая заявка №2'))!;
    await h.staff.send(h.staff.updates.callback(A, requestData.pack({ id: 1 }), chat(A).find((m) => textOf(m)?.startsWith('🆕 Новая заявка №1'))));
    await h.staff.press(A, 'КТ');
    await h.staff.press(A, 'Далее ›');
    await h.staff.send(h.staff.updates.callback(A, takeData.pack({ id: 2 }), second));
    expect(lastAnswer()).toBe('Заявка №2 теперь у вас. Пациенту сообщили, что её рассматривают.');
    await h.staff.send(h.staff.updates.text(A, 'КТ с контрастом'));
    expect(h.services.applicationRepository.byId(1)).toMatchObject({ status: 'needs_documents', requestedKinds: ['ct'], requestComment: 'КТ с контрастом' });
    expect(h.services.applicationRepository.byId(2)!.status).toBe('in_review');
  });

  it('starting another flow leaves the open one: the typed text answers the new question', async () => {
    addDoctors();
    await application({ account: 7771001 });
    await application({ account: 7771002, name: 'Сидорова Елена Викторовна', conditionCode: 'arrhythmia' });
    await h.staff.send(h.staff.updates.callback(A, declineData.pack({ id: 1 }), chat(A).find((m) => textOf(m)?.startsWith('🆕 Новая заявка №1'))));
    await h.staff.press(A, '✏️ Другая причина (написать)');
    await h.staff.send(h.staff.updates.callback(A, declineData.pack({ id: 2 }), chat(A).find((m) => textOf(m)?.startsWith('🆕 Новая заявка №2'))));
    await h.staff.press(A, '✏️ Другая причина (написать)');
    await h.staff.send(h.staff.updates.text(A, 'Повторная заявка, см. №1'));
    expect(h.services.applicationRepository.byId(2)).toMatchObject({ status: 'declined', declineReason: 'Повторная заявка, см. №1' });
    expect(h.services.applicationRepository.byId(1)!.status).toBe('submitted');
  });
});

describe('staff triage: withdrawal', () => {
  it('the holder is told when the patient withdraws; the documents close', async () => {
    addDoctors();
    await application();
    await h.staff.press(A, '✋ Взять');
    h.services.applications.withdraw(PATIENT, 1);
    await h.deliver();
    expect(h.staff.seen(A)).toContain('↩️ Иванова М. П. отозвала заявку №1 (Врождённые пороки сердца).');
    await h.staff.press(A, '📎 Документы');
    expect(lastAnswer()).toBe('По этой заявке документы больше недоступны.');
    expect(filesTo(A)).toEqual([]);
  });

  it('a free application withdrawn before anyone took it: Take says so and the card shows it, without buttons', async () => {
    addDoctors();
    await application();
    h.services.applications.withdraw(PATIENT, 1);
    await h.staff.press(B, '✋ Взять');
    expect(lastAnswer()).toBe('Заявка только что изменилась, действие уже недоступно.');
    const notice = chat(B).at(-1)!;
    expect(textOf(notice)).toBe(`Заявка №1\n${CARD}\n\n↩️ Пациент отозвал заявку.`);
    expect(notice.reply_markup).toBeUndefined();
    expect(h.services.applicationRepository.byId(1)).toMatchObject({ status: 'withdrawn', assignedStaffId: null });
  });
});

describe('staff triage: /queue', () => {
  it("lists the center's waiting applications oldest first with their wait, flags those older than 3 days, then the doctor's own", async () => {
    addDoctors();
    await application({ account: 7771001 });
    clock.advance(24 * 3600_000);
    await application({ account: 7771002, name: 'Сидорова Елена Викторовна', birthDate: '1990-01-10', conditionCode: 'arrhythmia' });
    clock.advance(36 * 3600_000);
    await application({ account: 7771003, name: 'Петров Сергей Андреевич', birthDate: '1962-06-01', conditionCode: 'cardiomyopathy' });
    await h.staff.send(h.staff.updates.callback(A, takeData.pack({ id: 2 }), chat(A).find((m) => textOf(m)?.startsWith('🆕 Новая заявка №2'))));
    h.staff.seen(A);

    await h.staff.send(h.staff.updates.command(A, '/queue'));
    expect(h.staff.seen(A)).toEqual([
      [
        'Очередь центра: 2, сначала давние.',
        '№1 · Иванова М. П., 65 л. · Врождённые пороки сердца · 2 дн.',
        '№3 · Петров С. А., 64 г. · Кардиомиопатии · сегодня',
        '',
        'У вас в работе: 1.',
        '№2 · Сидорова Е. В. · Нарушения ритма сердца · на рассмотрении',
      ].join('\n'),
    ]);
    expect(buttons(chat(A).at(-1))).toEqual([['Открыть №1', 'Открыть №3', 'Открыть №2']]);

    // Past three days the oldest is flagged.
    clock.advance(13 * 3600_000);
    await h.staff.send(h.staff.updates.command(A, '/queue'));
    expect(h.staff.seen(A)[0]!.split('\n').slice(1, 3)).toEqual([
      '⚠️ №1 · Иванова М. П., 65 л. · Врождённые пороки сердца · 3 дн.',
      '№3 · Петров С. А., 64 г. · Кардиомиопатии · сегодня',
    ]);

    await h.staff.press(A, 'Открыть №1');
    expect(h.staff.seen(A)).toEqual([`Заявка №1\n${CARD}\n\n⏳ Ждёт врача.`]);
    expect(buttons(chat(A).at(-1))).toEqual([
      ['📎 Документы', '✋ Взять'],
      ['📄 Запросить документы', '❌ Отклонить'],
    ]);
  });

  it('is for doctors: a manager is told so', async () => {
    h.addStaff(6661050, 'manager', null, 'Менеджер Ольга');
    const manager = { id: 6661050, first_name: 'Ольга', language_code: 'ru' };
    await h.staff.send(h.staff.updates.command(manager, '/queue'));
    expect(h.staff.seen(manager)).toEqual(['Очередь заявок — для врачей центров.']);
  });
});
