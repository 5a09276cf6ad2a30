import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withdrawData } from '../../../bot/patient/applications/callback-data.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { outbox } from '../../../db/schema.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createServiceHarness, manualClock, PATIENT_TOKEN, type ServiceHarness } from '../../support/service-harness.js';

const api = createFakeBotApi();
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };
const DOCTOR_TG = 6660001;
const clock = manualClock();
const BAKULEV = 'НМИЦ ССХ им. А.Н. Бакулева';
const KULAKOV = 'НМИЦ АГП им. В.И. Кулакова';
const THURSDAY_16_VLADIVOSTOK = Date.UTC(2026, 10, 26, 6, 0);

let h: ServiceHarness;
let maria: number;
let doctor: StaffMember;

let shade = 0;
async function addDocument(kind: string) {
  shade += 1;
  const bytes = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 30, g: (shade * 53) % 256, b: (shade * 7) % 256 } } })
    .jpeg()
    .toBuffer();
  await h.services.documents.ingest({ patientId: maria, kind, bytes, actorAccountId: MARIA.id });
}

function submit(centerCode: string, conditionCode: string): number {
  return h.services.applications.submit({
    patientId: maria,
    centerCode,
    conditionCode,
    diagnosis: 'Диагноз',
    complaints: 'Жалобы',
    actorAccountId: MARIA.id,
  }).id;
}

const seen = () => h.patient.seen(MARIA);
const buttons = () => api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat();
const lastAnswer = () => api.callsOf('answerCallbackQuery').at(-1)!.params;
const status = (id: number) => h.services.applicationRepository.byId(id)!.status;
const openMine = async () => {
  await h.patient.send(h.patient.updates.text(MARIA, '🗂 Мои заявки'));
  return seen();
};

beforeAll(() => api.listen());
beforeEach(async () => {
  clock.set(Date.UTC(2026, 10, 25, 7, 0));
  h = createServiceHarness(api, { clock });
  maria = h.registerPatient(MARIA.id, { regionCode: 'RU-PRI', timeZone: 'Asia/Vladivostok' });
  doctor = h.addStaff(DOCTOR_TG, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
  for (const kind of ['discharge_summary', 'ecg', 'echo']) await addDocument(kind);
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

describe('my applications', () => {
  it('with none yet, says how to apply', async () => {
    expect(await openMine()).toEqual(['Заявок пока нет. Подать заявку в центр — кнопка «📝 Заявка в центр».']);
  });

  it('lists each application with its status, newest first, with the consultation time in the patient’s zone', async () => {
    const heart = submit('bakulev', 'coronary_artery_disease');
    const breast = submit('kulakov', 'breast_pathology');
    h.services.applications.take(doctor, heart);
    h.services.scheduling.scheduleApplication(doctor, heart, THURSDAY_16_VLADIVOSTOK, 'video');

    expect(await openMine()).toEqual([
      [
        '🗂 Ваши заявки:',
        '',
        `№ ${breast} · ${KULAKOV}`,
        'Пациент: Иванова Мария Петровна',
        'Заболевание: Патология молочной железы',
        'Подана: 25.11.2026',
        'Статус: 📨 отправлена, ждёт врача',
        '',
        `№ ${heart} · ${BAKULEV}`,
        'Пациент: Иванова Мария Петровна',
        'Заболевание: Ишемическая болезнь сердца',
        'Подана: 25.11.2026',
        'Статус: 📅 назначена консультация',
        'Консультация: четверг, 26 ноября, 16:00 по владивостокскому времени (МСК+7)',
      ].join('\n'),
    ]);
    // Withdraw only what is not yet scheduled; a scheduled one offers to cancel the consultation instead.
    expect(buttons()).toEqual([`↩️ Отозвать № ${breast}`, `✖️ Отменить консультацию по № ${heart}`]);
  });

  it('withdraw asks first, then closes the application and tells its doctor', async () => {
    const id = submit('bakulev', 'coronary_artery_disease');
    h.services.applications.take(doctor, id);
    await openMine();

    await h.patient.press(MARIA, `↩️ Отозвать № ${id}`);
    expect(seen()).toEqual([
      `Отозвать заявку № ${id} в ${BAKULEV} (пациент Иванова Мария Петровна)? Врач перестанет её рассматривать. Подать новую можно в любой момент.`,
    ]);
    await h.patient.press(MARIA, 'Нет');
    expect(seen()).toEqual([`Хорошо, заявка № ${id} остаётся в работе.`]);
    expect(status(id)).toBe('in_review');

    await h.patient.press(MARIA, `↩️ Отозвать № ${id}`);
    await h.patient.press(MARIA, 'Да');
    expect(seen().at(-1)).toBe(`Заявка № ${id} в ${BAKULEV} отозвана.`);
    expect(status(id)).toBe('withdrawn');
    const told = h.services.db.select().from(outbox).where(and(eq(outbox.bot, 'staff'), eq(outbox.template, 'application_withdrawn'))).all();
    expect(told).toEqual([expect.objectContaining({ chatId: DOCTOR_TG })]);

    expect((await openMine())[0]).toContain('Статус: отозвана');
    expect(buttons()).toEqual([]);
  });

  it('a scheduled application cannot be withdrawn, even by a button pressed before it was scheduled', async () => {
    const id = submit('bakulev', 'coronary_artery_disease');
    await openMine();
    await h.patient.press(MARIA, `↩️ Отозвать № ${id}`);
    seen();
    h.services.applications.take(doctor, id);
    h.services.scheduling.scheduleApplication(doctor, id, THURSDAY_16_VLADIVOSTOK, 'video');

    await h.patient.press(MARIA, 'Да');
    expect(seen()).toEqual([
      `Заявку № ${id} отозвать уже нельзя: на неё назначена консультация. Если не сможете прийти, отмените консультацию — кнопкой в сообщении о записи или в «🗂 Мои заявки».`,
    ]);
    expect(status(id)).toBe('scheduled');
  });

  it('a needs-documents application shows what is asked for and offers the upload', async () => {
    const id = submit('bakulev', 'coronary_artery_disease');
    h.services.applications.take(doctor, id);
    h.services.applications.requestDocuments(doctor, id, ['mri'], '');
    const [list] = await openMine();
    expect(list).toContain('Статус: 📎 врач просит ещё документы\nНужно загрузить: МРТ');
    expect(buttons()).toEqual([`📎 Документы для № ${id}`, `↩️ Отозвать № ${id}`]);
    await h.patient.press(MARIA, `📎 Документы для № ${id}`);
    expect(seen()).toEqual([`Для заявки № ${id} врач просит: МРТ. Что загружаете?`]);
    await h.patient.press(MARIA, '📎 Загрузить: МРТ');
    expect(seen()).toEqual([expect.stringMatching(/^Отправьте фото или PDF-файлы: «МРТ»/)]);
  });

  it("another account's application leads nowhere", async () => {
    const id = submit('bakulev', 'coronary_artery_disease');
    const stranger = { id: 5550077, first_name: 'Олег', language_code: 'ru' };
    h.registerPatient(stranger.id, { fullName: 'Сидоров Олег Иванович' });
    await h.patient.send(h.patient.updates.text(stranger, '🗂 Мои заявки'));
    expect(h.patient.seen(stranger)).toEqual(['Заявок пока нет. Подать заявку в центр — кнопка «📝 Заявка в центр».']);
    // A forged press naming Maria's application.
    const forged = withdrawData.pack({ id, step: 'yes' });
    await h.patient.send(h.patient.updates.callback(stranger, forged, api.history(stranger.id, PATIENT_TOKEN).at(-1)));
    expect(lastAnswer()).toMatchObject({ text: 'Заявка не найдена.', show_alert: true });
    expect(status(id)).toBe('submitted');
  });
});
