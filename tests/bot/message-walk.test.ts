import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { zonedToUtc } from '../../core/time.js';
import { parseHtml } from '../../sandbox/botapi/text.js';
import { addDutyDoctor } from '../support/duty-fixtures.js';
import { createFakeBotApi, type RecordedCall } from '../support/fake-bot-api.js';
import { createClockedHarness, manualClock, PATIENT_TOKEN, type ServiceHarness } from '../support/service-harness.js';
import { staffScreen } from '../support/staff-screen.js';
import type { TestUser } from '../support/updates.js';

// Issue 12, "Messages people can read": walks the main flows of both bots as people would and reads every text and
// caption Telegram received. Each must be Telegram HTML, at most 400 characters as shown (the consent's full text
// aside: it is the document itself), and a value typed by a person (with <b>&"' in it) must read exactly as typed.
const api = createFakeBotApi();
const clock = manualClock();
const MARIA: TestUser = { id: 5558001, first_name: 'Мария', language_code: 'ru' };
const DOCTOR: TestUser = { id: 6668001, first_name: 'Анна', language_code: 'ru' };
const DUTY: TestUser = { id: 6668002, first_name: 'Елена', language_code: 'ru' };
const NASTY = '<b>&"\'';
const MAX = 400;
/** The full consent text is the document a person agrees to; it is shown whole on request. */
const LONG_ALLOWED = [/^Согласие на обработку персональных данных/i, /^Consent to the processing of personal data/i];

const msk = (date: string, time: string) => zonedToUtc(date, time, 'Europe/Moscow');
let h: ServiceHarness;

interface Problem {
  text: string;
  problem: string;
}

/** What Telegram would show for each text and caption sent, with the problems of each against the rules above. */
function checkSent(calls: readonly RecordedCall[]): { shown: string[]; problems: Problem[] } {
  const shown: string[] = [];
  const problems: Problem[] = [];
  for (const call of calls) {
    const p = call.params as Record<string, unknown>;
    const source = typeof p.text === 'string' ? p.text : typeof p.caption === 'string' ? p.caption : undefined;
    if (source === undefined || !/^(send|edit|copy)/.test(call.method)) continue;
    if (p.parse_mode !== 'HTML' && p.entities === undefined && p.caption_entities === undefined) {
      problems.push({ text: source, problem: `${call.method} without parse_mode HTML` });
    }
    let text = source;
    try {
      if (p.parse_mode === 'HTML') text = parseHtml(source).text;
    } catch (error) {
      problems.push({ text: source, problem: (error as Error).message });
      continue;
    }
    shown.push(text);
    if (text.length > MAX && !LONG_ALLOWED.some((r) => r.test(text))) problems.push({ text, problem: `${text.length} characters` });
    // Escaped twice, a value shows its entities; not escaped, a tag of it would have become formatting or an error.
    if (/&(amp|lt|gt|quot);/.test(text)) problems.push({ text, problem: 'an entity shows: escaped twice' });
  }
  return { shown, problems };
}

async function jpeg(shade: number): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: shade, g: 40, b: 90 } } }).jpeg().toBuffer();
}

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

const says = (text: string) => h.patient.send(h.patient.updates.text(MARIA, text));
const press = (label: string) => h.patient.press(MARIA, label);

async function walkPatient(): Promise<void> {
  // Registration, with the consent's full text once.
  await h.patient.send(h.patient.updates.command(MARIA, '/start'));
  await press('📜 Текст согласия');
  await press('✅ Согласен(на)');
  await says('Иванова Мария Петровна');
  await says('05.03.1961');
  await h.patient.send(h.patient.updates.contact(MARIA, { phone_number: '79123456789', first_name: 'Мария', user_id: MARIA.id }));
  await press('Москва');
  // Help, menu, words the bot does not know, a complaint that needs 103 first.
  await h.patient.send(h.patient.updates.command(MARIA, '/help'));
  await says('абракадабра');
  await says('у меня болит сердце, что делать?');
  // Documents: a file whose name has markup characters in it.
  await says('📄 Документы');
  await press('➕ Загрузить');
  await press('Выписка из истории болезни (из стационара)');
  const file = api.addFile(await jpeg(10), { token: PATIENT_TOKEN });
  await h.patient.send(h.patient.updates.document(MARIA, file, { file_name: `выписка ${NASTY}.jpg`, mime_type: 'image/jpeg' }));
  await says('✅ Готово');
  await says('📄 Документы');
  // A relative.
  await says('➕ Добавить пациента');
  await press('Ребёнка');
  await says('Иванов Пётр Сергеевич');
  await says('01.07.2015');
  await says('👤 Профили');
}

async function walkApplication(): Promise<void> {
  h.addStaff(DOCTOR.id, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
  await h.staff.send(h.staff.updates.command(DOCTOR, '/start'));
  const patientId = h.services.patients.list(MARIA.id)[0]!.id;
  await h.services.documents.ingest({ patientId, kind: 'echo', bytes: await jpeg(20), actorAccountId: MARIA.id });
  await says('📝 Заявка в центр');
  // With a child's profile too, the bot first asks for whom.
  if (api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat().some((b) => b.startsWith('Иванова Мария'))) {
    await press(api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!.buttons.flat().find((b) => b.startsWith('Иванова Мария'))!);
  }
  await press('НМИЦ ССХ им. А.Н. Бакулева');
  await press('Ишемическая болезнь сердца');
  await says(`ИБС ${NASTY}`);
  await says(`Давящие боли ${NASTY} за грудиной`);
  await press('📎 Загрузить: ЭКГ');
  await h.patient.send(h.patient.updates.photo(MARIA, api.addPhoto(await jpeg(30), { token: PATIENT_TOKEN })));
  await says('✅ Готово');
  await press('📨 Отправить заявку');
  await press('✅ Всё верно, отправить');
  await h.deliver();
  const [application] = h.services.applications.ofAccount(MARIA.id);
  // Triage: taken, documents looked at, more asked for with a comment, scheduled, concluded.
  await h.staff.press(DOCTOR, '✋ Взять');
  await h.deliver();
  await h.staff.press(DOCTOR, '📎 Документы');
  await h.staff.press(DOCTOR, '📄 Запросить документы');
  await h.staff.press(DOCTOR, 'КТ');
  await h.staff.press(DOCTOR, 'Далее ›');
  await h.staff.send(h.staff.updates.text(DOCTOR, `КТ ${NASTY} если делали`));
  await h.deliver();
  await press('📎 Загрузить: КТ');
  await h.patient.send(h.patient.updates.photo(MARIA, api.addPhoto(await jpeg(40), { token: PATIENT_TOKEN })));
  await says('✅ Готово');
  await h.deliver();
  await h.staff.send(h.staff.updates.command(DOCTOR, '/queue'));
  await h.staff.send(h.staff.updates.command(DOCTOR, '/schedule', String(application!.id)));
  const day = staffScreen(api, DOCTOR).buttons.flat().find((b) => b.startsWith('Чт 26.11'))!;
  await h.staff.press(DOCTOR, day);
  await h.staff.press(DOCTOR, '11:00');
  await h.staff.press(DOCTOR, '🎥 Видео');
  await h.deliver();
  await says('🗂 Мои заявки');
  await h.staff.send(h.staff.updates.command(DOCTOR, '/today'));
  // Reminders before it, then the conclusion after it.
  for (const at of ['10:00', '10:45', '11:00']) {
    clock.set(msk('2026-11-26', at));
    h.services.scheduler.tick();
    await h.deliver();
  }
  const [consultation] = h.services.scheduling.ofAccount(MARIA.id);
  clock.set(msk('2026-11-26', '11:40'));
  await h.staff.send(h.staff.updates.command(DOCTOR, '/conclude', String(consultation!.id)));
  await h.staff.send(h.staff.updates.text(DOCTOR, `Стабильная стенокардия ${NASTY}.`));
  await h.staff.press(DOCTOR, 'Приглашение на очную консультацию');
  await h.staff.send(h.staff.updates.text(DOCTOR, 'Продолжить приём назначенной терапии.'));
  await h.staff.press(DOCTOR, '✅ Выдать заключение');
  await h.deliver();
}

async function walkDuty(): Promise<void> {
  const duty = addDutyDoctor(h.services, DUTY.id, 'cardiology', 'Соколова Елена Викторовна');
  await h.staff.send(h.staff.updates.command(DUTY, '/start'));
  await h.staff.send(h.staff.updates.command(DUTY, '/slots'));
  h.services.duty.addTemplate(duty.id, { weekday: 5, from: '09:00', to: '12:00', slotMinutes: 30 });
  h.services.scheduler.tick();
  const patientId = h.services.patients.list(MARIA.id)[0]!.id;
  const slot = h.services.duty.schedule(duty.id, msk('2026-11-27', '10:00'), msk('2026-11-27', '10:01'))[0]!;
  h.services.booking.book(MARIA.id, patientId, slot.id, 'video');
  await h.deliver();
  for (const at of ['09:00', '09:45']) {
    clock.set(msk('2026-11-27', at));
    h.services.scheduler.tick();
    await h.deliver();
  }
}

describe('every message of the main flows', () => {
  it('is Telegram HTML, at most 400 characters, and shows what people typed exactly as typed', async () => {
    await walkPatient();
    await walkApplication();
    await walkDuty();
    const { shown, problems } = checkSent(api.calls);
    if (process.env.WALK_DUMP) console.log(JSON.stringify({ shown, problems }, null, 1));
    expect(shown.length).toBeGreaterThan(60);
    // The typed values made it into messages, shown as typed (escaped once on the way).
    expect(shown.filter((t) => t.includes(NASTY)).length).toBeGreaterThanOrEqual(3);
    expect(problems.map((p) => `${p.problem}: ${p.text.slice(0, 80)}…`)).toEqual([]);
  });

  it('the check itself refuses a long message, one Telegram would refuse, and one escaped twice', () => {
    const call = (text: string, parse = true): RecordedCall =>
      ({ token: PATIENT_TOKEN, method: 'sendMessage', params: { chat_id: 1, text, ...(parse ? { parse_mode: 'HTML' } : {}) }, at: 0 }) as RecordedCall;
    expect(checkSent([call('а'.repeat(MAX))]).problems).toEqual([]);
    expect(checkSent([call('а'.repeat(MAX + 1))]).problems).toEqual([{ text: 'а'.repeat(MAX + 1), problem: '401 characters' }]);
    expect(checkSent([call('<b>Врач</b>: Иванов &lt;b&gt;')]).problems).toEqual([]);
    expect(checkSent([call('Пациент <Иванов>')]).problems[0]!.problem).toMatch(/can't parse entities/);
    expect(checkSent([call('O&amp;amp;Brien')]).problems[0]!.problem).toMatch(/escaped twice/);
    expect(checkSent([call('plain', false)]).problems[0]!.problem).toMatch(/without parse_mode/);
  });
});
