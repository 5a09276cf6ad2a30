import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../../api/server.js';
import { zonedToUtc } from '../../core/time.js';
import { createFakeBotApi } from '../support/fake-bot-api.js';
import { pdfPageTexts } from '../support/pdf-text.js';
import { createClockedHarness, manualClock, PATIENT_TOKEN, STAFF_TOKEN, type ServiceHarness } from '../support/service-harness.js';
import { staffScreen } from '../support/staff-screen.js';
import type { TestUser } from '../support/updates.js';

// Path 1 across both bots: a patient in Vladivostok applies to Bakulev; two doctors there are told, one takes it,
// asks for a CT, the patient uploads it, the doctor schedules, the patient sees Vladivostok time, the doctor
// concludes, the patient gets the PDF and the server confirms its code.
const api = createFakeBotApi();
const clock = manualClock();
const MARIA: TestUser = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
const A: TestUser = { id: 6660001, first_name: 'Анна', language_code: 'ru' };
const B: TestUser = { id: 6660002, first_name: 'Борис', language_code: 'ru' };
const K: TestUser = { id: 6660003, first_name: 'Ксения', language_code: 'ru' };
const BAKULEV = 'НМИЦ ССХ им. А.Н. Бакулева';
const IBS = 'Ишемическая болезнь сердца';

let h: ServiceHarness;
let shade = 0;
async function jpeg(): Promise<Buffer> {
  shade += 1;
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: (shade * 53) % 256, g: 40, b: 90 } } })
    .jpeg()
    .toBuffer();
}
const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');
const patientSays = (text: string) => h.patient.send(h.patient.updates.text(MARIA, text));
const patientSends = async () => h.patient.send(h.patient.updates.photo(MARIA, api.addPhoto(await jpeg(), { token: PATIENT_TOKEN })));
const patientButtons = () => api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat();

beforeAll(() => api.listen());
beforeEach(() => {
  clock.set(msk('2026-11-25', '10:00'));
  h = createClockedHarness(api, clock);
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

describe('path 1: own application, end to end across both bots', () => {
  it('apply → triage → more documents → schedule in the patient’s zone → conclusion PDF → /verify', async () => {
    const patientId = h.registerPatient(MARIA.id, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
    h.addStaff(A.id, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
    h.addStaff(B.id, 'doctor', 'bakulev', 'Борисов Борис Борисович');
    h.addStaff(K.id, 'doctor', 'kulakov', 'Кулакова Ксения Игоревна');
    for (const kind of ['discharge_summary', 'echo']) {
      await h.services.documents.ingest({ patientId, kind, bytes: await jpeg(), actorAccountId: MARIA.id });
    }

    // The patient applies; the missing ECG is uploaded from the checklist itself.
    await patientSays('📝 Заявка в центр');
    await h.patient.press(MARIA, BAKULEV);
    await h.patient.press(MARIA, IBS);
    await patientSays('ИБС. Стенокардия напряжения II ФК.');
    await patientSays('Давящие боли за грудиной при ходьбе, одышка.');
    expect(patientButtons()).not.toContain('📨 Отправить заявку');
    await h.patient.press(MARIA, '📎 Загрузить: ЭКГ');
    await patientSends();
    await patientSays('✅ Готово');
    await h.patient.press(MARIA, '📨 Отправить заявку');
    await h.patient.press(MARIA, '✅ Всё верно, отправить');
    const [application] = h.services.applications.ofAccount(MARIA.id);
    expect(application).toMatchObject({ status: 'submitted', centerCode: 'bakulev' });
    expect(h.patient.seen(MARIA).at(-1)).toMatch(/в течение 1–3 дней/);

    // Both Bakulev doctors are told, the Kulakov doctor is not.
    await h.deliver();
    for (const doctor of [A, B]) {
      const card = staffScreen(api, doctor);
      expect(card.text).toContain(`Новая заявка №${application!.id}`);
      expect(card.text).toContain('Иванова Мария Петровна');
      expect(card.text).toContain(IBS);
      expect(card.text).toContain('Документов: 3');
      expect(card.buttons.flat()).toEqual(expect.arrayContaining(['📎 Документы', '✋ Взять', '📄 Запросить документы', '❌ Отклонить']));
    }
    expect(api.sent(K.id, STAFF_TOKEN)).toEqual([]);

    // A takes it; B, pressing a moment later, is told who has it and B's notice is updated.
    await h.staff.press(A, '✋ Взять');
    await h.staff.press(B, '✋ Взять');
    expect(api.callsOf('answerCallbackQuery', STAFF_TOKEN).at(-1)!.params.text).toBe('Эту заявку уже взяла в работу Петрова Анна Сергеевна.');
    await h.deliver();
    expect(staffScreen(api, B).text).toBe(`Заявку №${application!.id} (${IBS}) взяла в работу Петрова Анна Сергеевна.`);
    expect(staffScreen(api, B).buttons).toEqual([]);
    expect(h.patient.seen(MARIA).at(-1)).toMatch(/взял в работу врач центра/);

    // A asks for a CT; the patient uploads it from the message; the application goes back to A.
    await h.staff.press(A, '📄 Запросить документы');
    await h.staff.press(A, 'КТ');
    await h.staff.press(A, 'Далее ›');
    await h.staff.send(h.staff.updates.text(A, 'КТ коронарных артерий, если делали'));
    await h.deliver();
    expect(h.patient.seen(MARIA).join('\n')).toContain('КТ коронарных артерий, если делали');
    await h.patient.press(MARIA, '📎 Загрузить: КТ');
    await patientSends();
    await patientSays('✅ Готово');
    expect(h.services.applicationRepository.byId(application!.id)!.status).toBe('submitted');
    await h.deliver();
    expect(staffScreen(api, A).text).toMatch(/Пациент загрузил запрошенные документы/);

    // A schedules Thursday 11:00 Moscow time, video.
    await h.staff.send(h.staff.updates.command(A, '/schedule', String(application!.id)));
    const day = staffScreen(api, A).buttons.flat().find((b) => b.startsWith('Чт 26.11'))!;
    await h.staff.press(A, day);
    await h.staff.press(A, '11:00');
    await h.staff.press(A, '🎥 Видео');
    const [consultation] = h.services.scheduling.ofAccount(MARIA.id);
    expect(consultation).toMatchObject({ status: 'scheduled', mode: 'video', startsAt: msk('2026-11-26', '11:00') });

    // The patient in Vladivostok reads 18:00, their own time.
    await h.deliver();
    const scheduled = h.patient.seen(MARIA).at(-1)!;
    expect(scheduled).toContain('18:00');
    expect(scheduled).toContain('Часовой пояс: владивостокское время (МСК+7)');
    expect(patientButtons().some((b) => /Отменить/.test(b))).toBe(true);

    // After the call, the conclusion.
    clock.set(msk('2026-11-26', '11:40'));
    await h.staff.send(h.staff.updates.command(A, '/conclude', String(consultation!.id)));
    await h.staff.send(h.staff.updates.text(A, 'Стабильная стенокардия. Показана плановая коронарография.'));
    await h.staff.press(A, 'Приглашение на очную консультацию');
    await h.staff.send(h.staff.updates.text(A, 'Продолжить приём назначенной терапии.'));
    await h.staff.press(A, '✅ Выдать заключение');
    expect(h.services.scheduling.get(consultation!.id)!.status).toBe('completed');

    await h.deliver();
    const documents = api.sent(MARIA.id, PATIENT_TOKEN).filter((m) => m.method === 'sendDocument');
    expect(documents).toHaveLength(1);
    const code = /([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})/.exec(documents[0]!.caption ?? '')![1]!;
    const text = (await pdfPageTexts(documents[0]!.files![0]!.bytes!)).join('\n');
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).toContain(code);

    const server = createServer({ db: h.services.db, logger: h.services.logger, verify: h.services });
    const page = await server.request(`/verify/${code}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Заключение подлинное');
    const json = (await (await server.request(`/verify/${code}.json`)).json()) as { genuine: boolean; conclusion: { patientInitials: string } };
    expect(json.genuine).toBe(true);
    expect(json.conclusion.patientInitials).toBe('Иванова М. П.');
    expect(h.services.applicationRepository.byId(application!.id)!.status).toBe('completed');
  });
});
