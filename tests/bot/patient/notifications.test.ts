import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cancelConsultationData } from '../../../bot/patient/applications/callback-data.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { outbox } from '../../../db/schema.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, type ServiceHarness } from '../../support/service-harness.js';

const api = createFakeBotApi();
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
const DOCTOR_TG = 6660001;
const clock = manualClock();
const BAKULEV = 'НМИЦ ССХ им. А.Н. Бакулева';
// 26.11.2026 06:00 UTC: 09:00 in Moscow, where the doctor works; 16:00 in Vladivostok, where Maria lives.
const THURSDAY_16_VLADIVOSTOK = Date.UTC(2026, 10, 26, 6, 0);

let h: ServiceHarness;
let maria: number;
let doctor: StaffMember;

let shade = 0;
async function jpeg(): Promise<Buffer> {
  shade += 1;
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: (shade * 41) % 256, g: 60, b: (shade * 13) % 256 } } })
    .jpeg()
    .toBuffer();
}

async function submitted(): Promise<number> {
  for (const kind of ['discharge_summary', 'ecg', 'echo']) {
    await h.services.documents.ingest({ patientId: maria, kind, bytes: await jpeg(), actorAccountId: MARIA.id });
  }
  return h.services.applications.submit({
    patientId: maria,
    centerCode: 'bakulev',
    conditionCode: 'coronary_artery_disease',
    diagnosis: 'ИБС. Стенокардия напряжения II ФК.',
    complaints: 'Давящие боли за грудиной при ходьбе.',
    actorAccountId: MARIA.id,
  }).id;
}

/** Submitted, taken by the doctor, and Maria told so (that message is read and set aside). */
async function inReview(): Promise<number> {
  const id = await submitted();
  h.services.applications.take(doctor, id);
  await h.deliver();
  seen();
  return id;
}

const seen = () => h.patient.seen(MARIA);
const buttons = () => api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat();
const staffRows = (template: string) =>
  h.services.db.select().from(outbox).where(and(eq(outbox.bot, 'staff'), eq(outbox.template, template))).all();
const consultationsOfMaria = () => h.services.scheduling.ofAccount(MARIA.id);

beforeAll(() => api.listen());
beforeEach(() => {
  clock.set(Date.UTC(2026, 10, 25, 7, 0));
  h = createServiceHarness(api, { clock });
  maria = h.registerPatient(MARIA.id, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
  doctor = h.addStaff(DOCTOR_TG, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

describe('what the patient is told about an application', () => {
  it('taken into review', async () => {
    const id = await submitted();
    h.services.applications.take(doctor, id);
    await h.deliver();
    expect(seen()).toEqual([
      `🩺 Заявку № ${id} в ${BAKULEV} (пациент Иванова Мария Петровна) взял в работу врач центра. Он изучит документы и решит, как помочь; ответ придёт сюда.`,
    ]);
  });

  it('more documents: the list and the comment; uploading them from the message sends the application back to the doctor', async () => {
    const id = await inReview();
    h.services.applications.requestDocuments(doctor, id, ['mri', 'ct'], 'МРТ сердца с контрастом, не старше полугода; КТ — если делали.');
    await h.deliver();
    expect(seen()).toEqual([
      [
        `📎 Врач центра просит дополнить заявку № ${id} в ${BAKULEV} (пациент Иванова Мария Петровна). Нужно загрузить: МРТ, КТ.`,
        '',
        'Комментарий врача: «МРТ сердца с контрастом, не старше полугода; КТ — если делали.»',
        '',
        'Загрузите их кнопками ниже — подойдут фото или PDF. Как только всё будет загружено, заявка вернётся к врачу.',
      ].join('\n'),
    ]);
    expect(buttons()).toEqual(['📎 Загрузить: МРТ', '📎 Загрузить: КТ']);

    await h.patient.press(MARIA, '📎 Загрузить: МРТ');
    expect(seen()).toEqual([expect.stringMatching(/^Отправьте фото или PDF-файлы: «МРТ»/)]);
    await h.patient.send(h.patient.updates.photo(MARIA, api.addPhoto(await jpeg(), { token: PATIENT_TOKEN })));
    await h.patient.send(h.patient.updates.text(MARIA, '✅ Готово'));
    // One of two: the application still waits, and the person is shown what is left.
    expect(seen()).toEqual([
      '✅ Сохранено: МРТ.',
      'Сохранено документов: 1. Всего документов у Ивановой Марии Петровны: 4.',
      `Для заявки № ${id} врач просил: МРТ, КТ. Когда всё будет загружено, заявка сама вернётся к врачу. Загрузить ещё:`,
    ]);
    expect(h.services.applicationRepository.byId(id)!.status).toBe('needs_documents');

    await h.patient.press(MARIA, '📎 Загрузить: КТ');
    await h.patient.send(h.patient.updates.photo(MARIA, api.addPhoto(await jpeg(), { token: PATIENT_TOKEN })));
    await h.patient.send(h.patient.updates.text(MARIA, '✅ Готово'));
    expect(seen()).toEqual([
      expect.stringMatching(/^Отправьте фото или PDF-файлы: «КТ»/),
      '✅ Сохранено: КТ.',
      `📨 Документы переданы врачу: заявка № ${id} снова на рассмотрении.`,
      'Сохранено документов: 1. Всего документов у Ивановой Марии Петровны: 5.',
    ]);
    expect(h.services.applicationRepository.byId(id)!.status).toBe('submitted');
    expect(staffRows('application_documents_added')).toEqual([
      expect.objectContaining({ chatId: DOCTOR_TG, params: JSON.stringify({ applicationId: id }) }),
    ]);

    // The request's buttons now lead nowhere: nothing is awaited any more.
    await h.patient.press(MARIA, '📎 Загрузить: МРТ');
    expect(api.callsOf('answerCallbackQuery').at(-1)!.params).toMatchObject({
      text: 'Эти документы больше не нужны: заявка сейчас не ждёт документов.',
    });
  });

  it('declined: the reason kindly worded, and the duty doctor suggested', async () => {
    const id = await inReview();
    h.services.applications.decline(doctor, id, 'По представленным документам показаний к операции нет, рекомендовано наблюдение кардиолога по месту жительства.');
    await h.deliver();
    expect(seen()).toEqual([
      [
        `Заявку № ${id} в ${BAKULEV} (пациент Иванова Мария Петровна), к сожалению, врач центра принять не смог.`,
        'Причина: По представленным документам показаний к операции нет, рекомендовано наблюдение кардиолога по месту жительства.',
        '',
        'Это не отказ в помощи. Вы можете записаться к дежурному врачу — для консультации с ним документы не нужны: он ответит на вопросы и подскажет, что делать дальше. А когда появятся новые документы, можно подать новую заявку.',
      ].join('\n'),
    ]);
    // One tap opens the Mini App at the duty booking.
    const markup = api.callsOf('sendMessage').at(-1)!.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; web_app?: { url: string } }>> };
    expect(markup.inline_keyboard.flat()).toEqual([{ text: '🩺 Записаться к дежурному врачу', web_app: { url: expect.stringMatching(/^https:\/\/oblako\.test\/app\/?\?book=duty$/) } }]);
  });

  it('nothing is sent about an application whose patient deleted their data', async () => {
    const id = await submitted();
    h.services.applications.take(doctor, id);
    await h.services.deleteAccount(MARIA.id);
    await h.deliver();
    expect(api.sent(MARIA.id, PATIENT_TOKEN)).toEqual([]);
    // Settled, not retried: the subject is gone for good.
    const rows = h.services.db.select().from(outbox).where(eq(outbox.bot, 'patient')).all();
    expect(rows.map((r) => [r.template, r.sentAt !== null, r.failedAt])).toEqual([['application_in_review', true, null]]);
  });
});

describe('consultations', () => {
  it('scheduled: the time in the patient’s own zone, video, the doctor, and a cancel button', async () => {
    const id = await inReview();
    h.services.scheduling.scheduleApplication(doctor, id, THURSDAY_16_VLADIVOSTOK, 'video');
    await h.deliver();
    expect(seen()).toEqual([
      [
        '📅 Консультация назначена.',
        'Пациент: Иванова Мария Петровна',
        `Центр: ${BAKULEV}`,
        'Врач: Петрова Анна Сергеевна',
        'Когда: четверг, 26 ноября, 16:00',
        'Часовой пояс: владивостокское время (МСК+7)',
        'Связь: видео',
        '',
        'Ссылку на комнату консультации пришлём сюда перед началом.',
        '',
        // An application's consultation may be cancelled until its start: no cut-off to name.
        'Если не сможете прийти, отмените консультацию кнопкой ниже — время освободится для другого пациента.',
      ].join('\n'),
    ]);
    expect(buttons()).toEqual(['✖️ Отменить консультацию']);
  });

  it('an audio consultation says so', async () => {
    const id = await inReview();
    h.services.scheduling.scheduleApplication(doctor, id, THURSDAY_16_VLADIVOSTOK, 'audio');
    await h.deliver();
    expect(seen()[0]).toContain('\nСвязь: только звук\n');
  });

  it('cancel asks first; "no" keeps it; "yes" cancels, frees the time and tells the doctor', async () => {
    const id = await inReview();
    const booked = h.services.scheduling.scheduleApplication(doctor, id, THURSDAY_16_VLADIVOSTOK, 'video');
    await h.deliver();
    seen();

    await h.patient.press(MARIA, '✖️ Отменить консультацию');
    expect(seen()).toEqual(['Отменить консультацию Ивановой Марии Петровны — четверг, 26 ноября, 16:00 по владивостокскому времени (МСК+7)?']);
    await h.patient.press(MARIA, 'Нет');
    expect(seen()).toEqual(['Хорошо, консультация остаётся в силе.']);
    expect(consultationsOfMaria()[0]!.status).toBe('scheduled');

    await h.patient.press(MARIA, '✖️ Отменить консультацию');
    await h.patient.press(MARIA, 'Да');
    expect(seen().at(-1)).toBe(
      'Консультация отменена: четверг, 26 ноября, 16:00 по владивостокскому времени (МСК+7). Врач предупреждён. Заявка остаётся у врача — о дальнейшем мы сообщим здесь.',
    );
    expect(h.services.scheduling.get(booked.id)!.status).toBe('cancelled');
    expect(h.services.applicationRepository.byId(id)!.status).toBe('in_review');
    expect(staffRows('consultation_cancelled_by_patient')).toEqual([
      expect.objectContaining({ chatId: DOCTOR_TG, params: JSON.stringify({ consultationId: booked.id }) }),
    ]);

    // The same time can be booked again, and the old button no longer cancels anything.
    const again = h.services.scheduling.scheduleApplication(doctor, id, THURSDAY_16_VLADIVOSTOK, 'video');
    expect(again.id).not.toBe(booked.id);
    const first = api.history(MARIA.id, PATIENT_TOKEN).find((m) => m.text?.startsWith('📅'));
    await h.patient.send(h.patient.updates.callback(MARIA, cancelConsultationData.pack({ id: booked.id, step: 'ask' }), first));
    expect(seen()).toEqual(['Эту консультацию уже нельзя отменить: она уже отменена.']);
    await h.deliver();
    expect(seen()).toEqual([expect.stringMatching(/^📅 Консультация назначена\.[\s\S]*Когда: четверг, 26 ноября, 16:00\n/)]);
  });

  it('someone else’s consultation cannot be cancelled', async () => {
    const id = await inReview();
    const booked = h.services.scheduling.scheduleApplication(doctor, id, THURSDAY_16_VLADIVOSTOK, 'video');
    const stranger = { id: 5550077, first_name: 'Олег', language_code: 'ru' };
    h.registerPatient(stranger.id, { fullName: 'Сидоров Олег Иванович' });
    await h.patient.send(h.patient.updates.command(stranger, '/help'));
    // A forged press: the stranger's client sends callback data naming Maria's consultation.
    const forged = cancelConsultationData.pack({ id: booked.id, step: 'yes' });
    await h.patient.send(h.patient.updates.callback(stranger, forged, api.history(stranger.id, PATIENT_TOKEN).at(-1)));
    expect(api.callsOf('answerCallbackQuery').at(-1)!.params).toMatchObject({ text: 'Консультация не найдена.', show_alert: true });
    expect(h.services.scheduling.get(booked.id)!.status).toBe('scheduled');
  });

  it('no-show: said without blame, with what happens next', async () => {
    const id = await inReview();
    const booked = h.services.scheduling.scheduleApplication(doctor, id, THURSDAY_16_VLADIVOSTOK, 'video');
    await h.deliver();
    seen();
    clock.set(THURSDAY_16_VLADIVOSTOK + 40 * 60_000);
    h.services.scheduling.markNoShow(doctor, booked.id);
    await h.deliver();
    expect(seen()).toEqual([
      'Консультация: четверг, 26 ноября, 16:00 по владивостокскому времени (МСК+7). Врач ждал Иванову Марию Петровну, но подключения не было.\n' +
        'Так бывает. Заявка снова у врача: он может назначить новое время, и мы сообщим о нём здесь.',
    ]);
    // The notice has lost its Cancel button; a press from a client still showing it explains instead of cancelling.
    const notice = api.history(MARIA.id, PATIENT_TOKEN).find((m) => m.text?.startsWith('📅'))!;
    expect(notice.reply_markup).toBeUndefined();
    await h.patient.send(h.patient.updates.callback(MARIA, cancelConsultationData.pack({ id: booked.id, step: 'ask' }), notice));
    expect(seen()).toEqual(['Эту консультацию уже нельзя отменить: она уже прошла.']);
  });
});
