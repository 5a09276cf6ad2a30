import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxData } from '../../../bot/staff/stats/callback-data.js';
import { staff } from '../../../db/schema.js';
import { STAFF_TOKEN, type ServiceHarness } from '../../support/service-harness.js';
import { staffTests } from '../../support/staff-harness.js';
import { staffScreen } from '../../support/staff-screen.js';
import type { TestUser } from '../../support/updates.js';
import { msk, seedNovember } from '../../core/reports/seed.js';

const MANAGER = { id: 7100001, first_name: 'Ольга', language_code: 'ru' };
const BAKULEV_DOCTOR = { id: 8100001, first_name: 'Анна', language_code: 'ru' };
const CARDIO_DUTY = { id: 8100003, first_name: 'Елена', language_code: 'ru' };

let h: ServiceHarness;
const { api } = staffTests({
  start: msk('2026-11-25 10:00'),
  seed: (harness) => {
    h = harness;
    seedNovember(h.services);
    h.addStaff(MANAGER.id, 'manager', null, 'Менеджер Ольга');
  },
});

const FOOTNOTE =
  'Событие считается в периоде своей даты: подача, взятие в работу, назначение, отказ, запись к дежурному; проведённые консультации и неявки — по времени приёма.';

const BAKULEV_NOVEMBER = [
  '🏥 НМИЦ ССХ им. А.Н. Бакулева',
  '📝 Своя заявка',
  '   подано 6 · взято в работу 6 · назначено 4',
  '   проведено 1 · отказано 1 · неявки 1',
  '   от подачи до назначения: медиана 33 ч, 90-й процентиль 44,4 ч (заявок: 4)',
  '📨 По направлению',
  '   подано 0 · взято в работу 0 · назначено 0',
  '   проведено 0 · отказано 0 · неявки 0',
  '   направления: загружено 1 · приглашено 1 · привязано 0',
  '🩺 Дежурный врач',
  '   записей 4 · проведено 2 · неявки 1',
  '   видеозвонков 2, медиана длительности 22 мин',
];

async function sentWorkbook(user: TestUser): Promise<{ caption: string; filename: string; rows: unknown[][]; about: unknown[][]; widths: number[] }> {
  const sent = api.sent(user.id, STAFF_TOKEN).filter((m) => m.method === 'sendDocument');
  expect(sent).toHaveLength(1);
  const file = sent[0]!.files![0]!;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const [sheet, aboutSheet] = workbook.worksheets;
  const table = (ws: ExcelJS.Worksheet, columns: number) =>
    Array.from({ length: ws.rowCount }, (_, r) => Array.from({ length: columns }, (_, c) => ws.getRow(r + 1).getCell(c + 1).value));
  return {
    caption: sent[0]!.caption ?? '',
    filename: file.filename ?? '',
    rows: table(sheet!, 17),
    about: table(aboutSheet!, 2),
    widths: sheet!.columns.map((c) => c.width ?? 0),
  };
}

describe('staff bot: /stats', () => {
  it('a manager sees every center for this month, switches periods with the buttons, and gets the XLSX', async () => {
    await h.staff.send(h.staff.updates.command(MANAGER, '/stats'));
    expect(staffScreen(api, MANAGER).text).toBe(
      [
        '📊 Статистика за 01.11.2026 – 30.11.2026 (МСК)',
        '',
        ...BAKULEV_NOVEMBER,
        '',
        '🏥 НМИЦ АГП им. В.И. Кулакова',
        '📝 Своя заявка — за период ничего',
        '📨 По направлению',
        '   подано 3 · взято в работу 3 · назначено 3',
        '   проведено 1 · отказано 0 · неявки 0',
        '   от подачи до назначения: медиана 20 ч, 90-й процентиль 28 ч (заявок: 3)',
        '   направления: загружено 3 · приглашено 1 · привязано 2',
        '🩺 Дежурный врач',
        '   записей 1 · проведено 1 · неявки 0',
        '',
        FOOTNOTE,
      ].join('\n'),
    );
    expect(staffScreen(api, MANAGER).buttons).toEqual([['✓ Этот месяц', 'Прошлый месяц'], ['7 дней', '30 дней'], ['📥 XLSX']]);
    // Figures only: no patient's name anywhere.
    expect(staffScreen(api, MANAGER).text).not.toMatch(/Иванова|Петрова|Сидорова|Пациент/);

    await h.staff.press(MANAGER, 'Прошлый месяц');
    const october = staffScreen(api, MANAGER);
    expect(october.text.split('\n').slice(0, 6)).toEqual([
      '📊 Статистика за 01.10.2026 – 31.10.2026 (МСК)',
      '',
      '🏥 НМИЦ ССХ им. А.Н. Бакулева',
      '📝 Своя заявка',
      // Submitted on 30 October; taken at 1 November 00:00, which is November's.
      '   подано 1 · взято в работу 0 · назначено 0',
      '   проведено 0 · отказано 0 · неявки 0',
    ]);
    expect(october.text).toContain('📨 По направлению — за период ничего\n🩺 Дежурный врач\n   записей 1 · проведено 0 · неявки 0');
    expect(october.text).toContain('   направления: загружено 1 · приглашено 1 · привязано 0');
    expect(october.buttons[0]).toEqual(['Этот месяц', '✓ Прошлый месяц']);

    await h.staff.press(MANAGER, '7 дней');
    const week = staffScreen(api, MANAGER).text.split('\n');
    expect(week.slice(0, 7)).toEqual([
      '📊 Статистика за 19.11.2026 – 25.11.2026 (МСК)',
      '',
      '🏥 НМИЦ ССХ им. А.Н. Бакулева',
      '📝 Своя заявка',
      '   подано 2 · взято в работу 2 · назначено 0',
      '   проведено 0 · отказано 1 · неявки 1',
      '📨 По направлению — за период ничего',
    ]);

    await h.staff.press(MANAGER, '30 дней');
    expect(staffScreen(api, MANAGER).text.split('\n')[0]).toBe('📊 Статистика за 27.10.2026 – 25.11.2026 (МСК)');

    // The period already shown, pressed again: nothing changes, nothing fails.
    await h.staff.press(MANAGER, '✓ 30 дней');
    expect(staffScreen(api, MANAGER).buttons[1]).toEqual(['7 дней', '✓ 30 дней']);
    await h.staff.press(MANAGER, 'Этот месяц');
    await h.staff.press(MANAGER, '📥 XLSX');
    const xlsx = await sentWorkbook(MANAGER);
    expect(xlsx.filename).toBe('stats_2026-11-01_2026-11-30.xlsx');
    expect(xlsx.caption).toBe('📊 Статистика за 01.11.2026 – 30.11.2026 (МСК)');
    expect(xlsx.rows[0]).toEqual([
      'Центр',
      'Путь',
      'Подано',
      'Взято в работу',
      'Назначено',
      'Проведено',
      'Отказано',
      'Неявки',
      'Медиана до назначения, ч',
      '90-й процентиль до назначения, ч',
      'Заявок в расчёте',
      'Звонков состоялось',
      'Медиана звонка, мин',
      'Всего в звонках, мин',
      'Направлений загружено',
      'Приглашено (SMS)',
      'Привязано',
    ]);
    const [own, ...rest] = xlsx.rows.slice(1);
    expect(own!.slice(0, 9)).toEqual(['НМИЦ ССХ им. А.Н. Бакулева', 'Своя заявка', 6, 6, 4, 1, 1, 1, 33]);
    expect(own![9]).toBeCloseTo(44.4, 10);
    expect(own!.slice(10)).toEqual([4, 0, null, null, null, null, null]);
    expect(rest).toEqual([
      ['НМИЦ ССХ им. А.Н. Бакулева', 'По направлению', 0, 0, 0, 0, 0, 0, null, null, 0, 0, null, null, 1, 1, 0],
      ['НМИЦ ССХ им. А.Н. Бакулева', 'Дежурный врач', null, null, 4, 2, null, 1, null, null, null, 2, 21.5, 43, null, null, null],
      ['НМИЦ АГП им. В.И. Кулакова', 'Своя заявка', 0, 0, 0, 0, 0, 0, null, null, 0, 0, null, null, null, null, null],
      ['НМИЦ АГП им. В.И. Кулакова', 'По направлению', 3, 3, 3, 1, 0, 0, 20, expect.closeTo(28, 10), 3, 0, null, null, 3, 1, 2],
      ['НМИЦ АГП им. В.И. Кулакова', 'Дежурный врач', null, null, 1, 1, null, 0, null, null, null, 0, null, null, null, null, null],
    ]);
    expect(xlsx.widths.every((w) => w >= 10)).toBe(true);
    expect(xlsx.about.map((r) => r[0])).toEqual(['Период', 'Часовой пояс', 'Сформирован', 'Центры', 'Как считается', 'Медиана и 90-й процентиль', 'Звонки']);
    expect(xlsx.about.slice(0, 4).map((r) => r[1])).toEqual(['01.11.2026 – 30.11.2026 включительно', 'Europe/Moscow', '25.11.2026 10:00', 'все']);
  });

  it("a center's doctor sees only their own center, in the text and in the file", async () => {
    await h.staff.send(h.staff.updates.command(BAKULEV_DOCTOR, '/stats'));
    expect(staffScreen(api, BAKULEV_DOCTOR).text).toBe(
      ['📊 Статистика за 01.11.2026 – 30.11.2026 (МСК)', 'Только ваш центр: НМИЦ ССХ им. А.Н. Бакулева.', '', ...BAKULEV_NOVEMBER, '', FOOTNOTE].join('\n'),
    );
    await h.staff.press(BAKULEV_DOCTOR, '📥 XLSX');
    const xlsx = await sentWorkbook(BAKULEV_DOCTOR);
    expect(xlsx.rows.slice(1).map((r) => r[0])).toEqual(Array(3).fill('НМИЦ ССХ им. А.Н. Бакулева'));
    expect(xlsx.about[3]).toEqual(['Центры', 'НМИЦ ССХ им. А.Н. Бакулева']);
  });

  it('a duty doctor is refused, also when pressing a button of the feature', async () => {
    await h.staff.send(h.staff.updates.command(CARDIO_DUTY, '/stats'));
    expect(h.staff.seen(CARDIO_DUTY)).toEqual(['Статистика доступна менеджерам, администраторам и врачам центров.']);
    // A button pressed on a message the bot sent them, with data they made up.
    const message = api.history(CARDIO_DUTY.id, STAFF_TOKEN).at(-1)!;
    await h.staff.send(h.staff.updates.callback(CARDIO_DUTY, xlsxData.pack({ from: '2026-11-01', to: '2026-12-01' }), message));
    expect(api.callsOf('answerCallbackQuery', STAFF_TOKEN).at(-1)!.params).toMatchObject({ text: 'Статистика доступна менеджерам, администраторам и врачам центров.', show_alert: true });
    expect(api.sent(CARDIO_DUTY.id, STAFF_TOKEN).filter((m) => m.method === 'sendDocument')).toEqual([]);
  });

  it('a forged period in a button is refused and sends nothing', async () => {
    await h.staff.send(h.staff.updates.command(MANAGER, '/stats'));
    const message = api.history(MANAGER.id, STAFF_TOKEN).at(-1)!;
    const before = api.sent(MANAGER.id, STAFF_TOKEN).length;
    for (const data of ['statsX:2026-12-01:2026-11-01', 'statsX:2026-02-30:2026-03-01', 'statsX:2026-11-01', 'stats:yesterday']) {
      await h.staff.send(h.staff.updates.callback(MANAGER, data, message));
    }
    const answers = api.callsOf('answerCallbackQuery', STAFF_TOKEN).slice(-4).map((c) => c.params.text);
    expect(answers).toEqual(Array(4).fill('Это действие больше недоступно.'));
    expect(api.sent(MANAGER.id, STAFF_TOKEN).length).toBe(before);
  });

  it('in English for a manager who reads English, the file too', async () => {
    h.services.db.update(staff).set({ locale: 'en' }).where(eq(staff.telegramId, MANAGER.id)).run();
    await h.staff.send(h.staff.updates.command(MANAGER, '/stats'));
    const text = staffScreen(api, MANAGER).text.split('\n');
    expect(text.slice(0, 7)).toEqual([
      '📊 Figures for 01.11.2026 – 30.11.2026 (MSK)',
      '',
      '🏥 Bakulev Center (cardiovascular surgery)',
      '📝 Own application',
      '   submitted 6 · taken into review 6 · scheduled 4',
      '   completed 1 · declined 1 · no-shows 1',
      '   submission to scheduling: median 33 h, 90th percentile 44.4 h (applications: 4)',
    ]);
    await h.staff.press(MANAGER, '📥 XLSX');
    const xlsx = await sentWorkbook(MANAGER);
    expect(xlsx.rows[0]!.slice(0, 3)).toEqual(['Center', 'Path', 'Submitted']);
    expect(xlsx.rows[1]!.slice(0, 2)).toEqual(['Bakulev Center (cardiovascular surgery)', 'Own application']);
  });
});
