import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createServer } from '../../../api/server.js';
import { MAX_TEXT_LENGTH } from '../../../core/conclusions/service.js';
import type { ConsultationView } from '../../../core/scheduling/service.js';
import type { StaffMember } from '../../../core/staff/repository.js';
import { auditLog, conclusions } from '../../../db/schema.js';
import { filesUnder } from '../../support/document-fixtures.js';
import { pdfPageTexts } from '../../support/pdf-text.js';
import { PATIENT_TOKEN, type ServiceHarness } from '../../support/service-harness.js';
import { COLLEAGUE, DOCTOR, doctorWithConsultation, msk, PATIENT_ACCOUNT, staffTests } from '../../support/staff-harness.js';
import { staffScreen } from '../../support/staff-screen.js';


const TEXT = 'Пароксизмальная фибрилляция предсердий, EHRA II. Показаний к экстренной госпитализации нет.';
const RECOMMENDATIONS = 'Бисопролол 2,5 мг утром; контроль ЭКГ через 2 недели.';
const IN_PERSON = 'Приглашение на очную консультацию';

let h: ServiceHarness;
let doctor: StaffMember;
let c: ConsultationView;
const { api, clock } = staffTests({
  seed: (harness) => {
    h = harness;
    ({ doctor, c } = doctorWithConsultation(h, msk('2026-11-25', '11:00')));
  },
});

/** The whole conversation up to the preview. */
async function writeConclusion() {
  await h.staff.send(h.staff.updates.command(DOCTOR, '/conclude', String(c.id)));
  await h.staff.send(h.staff.updates.text(DOCTOR, TEXT));
  await h.staff.press(DOCTOR, IN_PERSON);
  await h.staff.send(h.staff.updates.text(DOCTOR, RECOMMENDATIONS));
}

describe('staff bot: the conclusion', () => {
  it('text, outcome, recommendations → the patient gets a PDF with their name and a code the server confirms; the consultation is completed', async () => {
    clock.set(msk('2026-11-25', '11:40'));
    await h.staff.send(h.staff.updates.command(DOCTOR, '/conclude', String(c.id)));
    expect(h.staff.seen(DOCTOR)).toEqual([
      `📝 Заключение по консультации №${c.id} (Иванова Мария Петровна). Напишите текст заключения сообщением — до ${new Intl.NumberFormat('ru').format(MAX_TEXT_LENGTH)} символов. Отменить — /cancel.`,
    ]);
    await h.staff.send(h.staff.updates.text(DOCTOR, TEXT));
    const outcomes = staffScreen(api, DOCTOR);
    expect(outcomes.text).toBe(`Текст получен (${TEXT.length} симв.). Итог консультации:`);
    expect(outcomes.buttons).toEqual([
      ['Заключение специалиста (дистанционное наблюдение)'],
      [IN_PERSON],
      ['Направление на адресную стационарную помощь'],
      ['✖️ Отмена'],
    ]);
    await h.staff.press(DOCTOR, IN_PERSON);
    expect(staffScreen(api, DOCTOR).buttons).toEqual([['Без рекомендаций', '✖️ Отмена']]);
    await h.staff.send(h.staff.updates.text(DOCTOR, RECOMMENDATIONS));
    const preview = staffScreen(api, DOCTOR);
    expect(preview.text).toBe(
      [
        'Проверьте заключение — после выдачи его нельзя изменить.',
        '',
        'Пациент: Иванова Мария Петровна',
        `Итог: ${IN_PERSON}`,
        '',
        TEXT,
        '',
        `Рекомендации: ${RECOMMENDATIONS}`,
      ].join('\n'),
    );
    h.staff.seen(DOCTOR);
    await h.staff.press(DOCTOR, '✅ Выдать заключение');

    const row = h.services.db.select().from(conclusions).where(eq(conclusions.consultationId, c.id)).get()!;
    expect(row).toMatchObject({ text: TEXT, outcome: 'in_person', recommendations: RECOMMENDATIONS });
    const code = row.verificationCode;
    expect(h.staff.seen(DOCTOR)).toEqual([
      `✅ Заключение по консультации №${c.id} выдано, консультация завершена. Код проверки: ${code}. Пациент получит PDF в боте.`,
    ]);
    expect(h.services.scheduling.get(c.id)!.status).toBe('completed');
    expect(h.services.applicationRepository.byId(c.applicationId!)!.status).toBe('completed');
    await h.staff.send(h.staff.updates.command(DOCTOR, '/consultation', String(c.id)));
    const card = staffScreen(api, DOCTOR);
    expect(card.text).toMatch(new RegExp(`^🩺 Консультация №${c.id} — проведена`));
    expect(card.text).toContain(`📄 Заключение выдано 25.11.2026, код проверки ${code}.`);
    expect(card.buttons).toEqual([]);

    await h.deliver();
    const sent = api.sent(PATIENT_ACCOUNT, PATIENT_TOKEN).filter((m) => m.method === 'sendDocument');
    expect(sent).toHaveLength(1);
    const [document] = sent;
    expect(document!.files![0]!.filename).toBe('Заключение 25.11.2026.pdf');
    expect(document!.caption).toBe(
      `📄 Заключение специалиста от 25.11.2026. Код проверки: ${code}. Подлинность можно проверить здесь: https://oblako.test/verify/${code}`,
    );
    const pdf = document!.files![0]!.bytes!;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfPageTexts(pdf)).join('\n');
    expect(text).toContain('Иванова Мария Петровна');
    expect(text).toContain(code);
    expect(text).toContain(IN_PERSON);

    const app = createServer({ db: h.services.db, logger: h.services.logger, verify: h.services });
    const page = await app.request(`/verify/${code}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Заключение подлинное');
    expect((await app.request('/verify/AAAA-BBBB-CCCC')).status).toBe(404);

    // Withdrawing consent takes the conclusion with it: no PDF with the patient's name stays on disk.
    expect(filesUnder(path.join(h.dir, 'files')).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    await h.services.deleteAccount(PATIENT_ACCOUNT);
    expect(filesUnder(path.join(h.dir, 'files')).filter((f) => f.endsWith('.pdf'))).toEqual([]);
    expect((await app.request(`/verify/${code}`)).status).toBe(404);
  });

  it('concluding twice is refused, and so is concluding before the start or another doctor’s consultation', async () => {
    await h.staff.send(h.staff.updates.command(DOCTOR, '/conclude', String(c.id)));
    expect(h.staff.seen(DOCTOR)).toEqual(['Консультация ещё не началась — это можно сделать после её начала.']);
    clock.set(msk('2026-11-25', '11:40'));
    await h.staff.send(h.staff.updates.command(COLLEAGUE, '/conclude', String(c.id)));
    expect(h.staff.seen(COLLEAGUE)).toEqual(['Консультация не найдена. Проверьте номер.']);

    await writeConclusion();
    await h.staff.press(DOCTOR, '✅ Выдать заключение');
    h.staff.seen(DOCTOR);
    await h.staff.send(h.staff.updates.command(DOCTOR, '/conclude', String(c.id)));
    expect(h.staff.seen(DOCTOR)).toEqual(['Заключение по этой консультации уже выдано — второе выдать нельзя.']);
    expect(h.services.db.select().from(conclusions).all()).toHaveLength(1);
    expect(h.services.db.select().from(auditLog).where(eq(auditLog.action, 'conclusion.issued')).all()).toHaveLength(1);
  });

  it('a preview left open cannot issue a second conclusion once the first is out', async () => {
    clock.set(msk('2026-11-25', '11:40'));
    await writeConclusion();
    // The same consultation concluded meanwhile (another device, an admin tool): the open preview's button is refused by the core.
    await h.services.conclusions.issue({ consultationId: c.id, staffId: doctor.id, text: 'Другое', outcome: 'conclusion', verifyBaseUrl: 'https://oblako.test' });
    h.staff.seen(DOCTOR);
    await h.staff.press(DOCTOR, '✅ Выдать заключение');
    expect(h.staff.seen(DOCTOR)).toEqual(['Заключение по этой консультации уже выдано — второе выдать нельзя.']);
    expect(h.services.db.select().from(conclusions).all()).toHaveLength(1);
  });

  it('a long text in two messages is joined; "no recommendations" and cancel work; nothing is issued on cancel', async () => {
    clock.set(msk('2026-11-25', '11:40'));
    await h.staff.send(h.staff.updates.command(DOCTOR, '/conclude', String(c.id)));
    await h.staff.send(h.staff.updates.text(DOCTOR, 'Часть первая.'));
    await h.staff.send(h.staff.updates.text(DOCTOR, 'Часть вторая.'));
    expect(staffScreen(api, DOCTOR).text).toBe('Продолжение добавлено к тексту (всего 27 симв.). Итог консультации:');
    await h.staff.press(DOCTOR, 'Заключение специалиста (дистанционное наблюдение)');
    await h.staff.press(DOCTOR, 'Без рекомендаций');
    expect(staffScreen(api, DOCTOR).text).toContain('Часть первая.\nЧасть вторая.\n\nРекомендации: нет');
    await h.staff.press(DOCTOR, '✖️ Отмена');
    expect(h.staff.seen(DOCTOR).at(-1)).toBe('Заключение не выдано, ничего не сохранено.');
    expect(h.services.db.select().from(conclusions).all()).toEqual([]);
    expect(h.services.scheduling.get(c.id)!.status).toBe('scheduled');

    // /cancel in the middle, and a text over the limit.
    await h.staff.send(h.staff.updates.command(DOCTOR, '/conclude', String(c.id)));
    await h.staff.send(h.staff.updates.text(DOCTOR, 'я'.repeat(MAX_TEXT_LENGTH + 1)));
    expect(h.staff.seen(DOCTOR).at(-1)).toMatch(/^Текст заключения слишком длинный: 5\s001 символов при максимуме 5\s000\./);
    await h.staff.send(h.staff.updates.command(DOCTOR, '/cancel'));
    expect(h.staff.seen(DOCTOR).at(-1)).toBe('Заключение не выдано, ничего не сохранено.');
    expect(h.services.db.select().from(conclusions).all()).toEqual([]);
  });
});
