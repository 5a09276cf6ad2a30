import { describe, expect, it } from 'vitest';
import { referralImports, referrals, smsOutbox } from '../../../db/schema.js';
import { fixtureCsv, fixtureXlsx, HEADER, readSheet } from '../../support/referral-tables.js';
import { STAFF_TOKEN, type ServiceHarness } from '../../support/service-harness.js';
import { staffTests } from '../../support/staff-harness.js';

const MANAGER = { id: 7770001, first_name: 'Ирина', language_code: 'ru' };
const ADMIN = { id: 7770002, first_name: 'Admin', language_code: 'en' };
const DOCTOR = { id: 7770003, first_name: 'Анна', language_code: 'ru' };
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let h: ServiceHarness;
const { api } = staffTests({
  start: Date.UTC(2026, 10, 25, 7, 0),
  seed: (harness) => {
    h = harness;
    h.addStaff(MANAGER.id, 'manager', null, 'Орлова Ирина Викторовна');
    h.services.staff.setLocale(h.addStaff(ADMIN.id, 'admin', null, 'Admin Adminov').id, 'en');
    h.addStaff(DOCTOR.id, 'doctor', 'bakulev', 'Петрова Анна Сергеевна');
  },
});

const db = () => h.services.db;
async function sendFile(user: typeof MANAGER, bytes: Buffer, file_name: string, mime_type = XLSX_MIME) {
  const file = api.addFile(bytes, { token: STAFF_TOKEN });
  await h.staff.send(h.staff.updates.document(user, file, { file_name, mime_type }));
}
const documentsTo = (chatId: number) => api.sent(chatId, STAFF_TOKEN).filter((m) => m.method === 'sendDocument');

describe('staff bot: a referral table sent as a file', () => {
  it('a manager loads an XLSX: the counts, then the rejected rows as an XLSX with «Ошибка»; one invite SMS per new referral', async () => {
    await sendFile(MANAGER, await fixtureXlsx(), 'Направления ноябрь.xlsx');
    expect(h.staff.seen(MANAGER)).toEqual([
      [
        'Таблица «Направления ноябрь.xlsx» загружена.',
        'Новых направлений: 5 — каждому пациенту уйдёт SMS-приглашение в бот.',
        'Уже были в базе: 1 — их не добавляли повторно.',
        'Отклонено строк: 3.',
      ].join('\n'),
      // No SMS_PROVIDER in this harness: the manager is told the invites reach only the log.
      '⚠️ SMS-провайдер не настроен (SMS_PROVIDER): приглашения записаны только в журнал сервиса, пациентам они не придут. Попросите администратора настроить провайдера, затем отправьте приглашения снова из /referrals.',
      'Отклонённые строки: 3. Что исправить — в столбце «Ошибка». Исправьте их в этом файле и отправьте его снова: уже загруженные пациенты не задвоятся.',
    ]);
    const [doc] = documentsTo(MANAGER.id);
    expect(doc!.files![0]!.filename).toBe('Направления ноябрь-ошибки.xlsx');
    // Patients' data: not forwardable out of the manager's chat.
    expect(api.callsOf('sendDocument', STAFF_TOKEN).map((c) => c.params.protect_content)).toEqual([true]);
    const sheet = await readSheet(doc!.files![0]!.bytes!);
    expect(sheet[0]).toEqual([...HEADER.map((h) => h.trim()), 'Ошибка', 'Строка в файле']);
    expect(sheet.slice(1).map((row) => row[HEADER.length])).toEqual([
      'Центр не найден: "Центр Алмазова" — укажите «НМИЦ ССХ им. А.Н. Бакулева», «НМИЦ АГП им. В.И. Кулакова»',
      'Телефон не распознан: "12345" — нужен мобильный номер, например 8 912 345-67-89',
      'Такой даты не бывает: "31.02.1980"',
    ]);

    const rows = db().select().from(referrals).all();
    expect(rows).toHaveLength(5);
    const sms = db().select().from(smsOutbox).all();
    expect(sms.map((s) => s.referralId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(sms.every((s) => s.purpose === 'referral_invite')).toBe(true);
    const manager = h.services.staff.byTelegramId(MANAGER.id)!;
    expect(db().select().from(referralImports).all()).toMatchObject([{ staffId: manager.id, imported: 5, known: 1, rejected: 3 }]);
  });

  it('the same table sent again: all known, no new referral, no new SMS', async () => {
    const bytes = fixtureCsv('cp1251', ';');
    await sendFile(MANAGER, bytes, 'направления.csv', 'text/csv');
    h.staff.seen(MANAGER);
    await sendFile(MANAGER, bytes, 'направления.csv', 'text/csv');
    expect(h.staff.seen(MANAGER)[0]).toContain('Новых направлений: 0');
    expect(db().select().from(referrals).all()).toHaveLength(5);
    expect(db().select().from(smsOutbox).all()).toHaveLength(5);
  });

  it('an admin in English: the counts, and no error file when every row passed', async () => {
    const rows = [[1, 'Иванов Пётр Сергеевич', '05.03.1961', '89123456789', 'Бакулева', 'ИБС', null, 'I25.1', null, null, null]];
    await sendFile(ADMIN, fixtureCsv('utf8-bom', ';', rows), 'one.csv', 'text/csv');
    expect(h.staff.seen(ADMIN)).toEqual([
      ['Table “one.csv” loaded.', 'New referrals: 1 — each patient gets an SMS invite to the bot.', 'Already known: 0 — not added again.', 'Rows rejected: 0.'].join('\n'),
      '⚠️ No SMS provider is configured (SMS_PROVIDER): the invites were only written to the service log, and no patient will receive them. Ask an administrator to set up the provider, then send the invites again from /referrals.',
    ]);
    expect(documentsTo(ADMIN.id)).toEqual([]);
  });

  it("an English-speaking admin's rejected rows say what to fix in English, with the catalog's English names", async () => {
    const rows = [[1, 'Иванов Пётр Сергеевич', '05.03.1961', '12345', 'Бакулева', 'Эндометриоз', null, null, null, null, null]];
    await sendFile(ADMIN, fixtureCsv('utf8-bom', ';', rows), 'bad.csv', 'text/csv');
    const [doc] = documentsTo(ADMIN.id);
    const sheet = await readSheet(doc!.files![0]!.bytes!);
    expect(sheet[1]![HEADER.length]).toBe(
      'The phone is not recognised: "12345" — a mobile number is needed, like 8 912 345-67-89; ' +
        'Condition not found: "Эндометриоз" — «Bakulev Center (cardiovascular surgery)» has: «Congenital heart defects», «Acquired heart defects», ' +
        '«Coronary artery disease», «Cardiomyopathies», «Cardiac arrhythmias», «Combined pathology», «Arterial vascular disease in adults and children», ' +
        '«Venous vascular disease in adults and children»',
    );
  });

  it('not a table, an empty file, no header: a clear refusal and nothing stored', async () => {
    await sendFile(MANAGER, Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'), 'scan.xlsx');
    await sendFile(MANAGER, Buffer.alloc(0), 'empty.csv', 'text/csv');
    await sendFile(MANAGER, Buffer.from('Товар;Цена;Количество\r\nХлеб;40;2\r\n'), 'price.csv', 'text/csv');
    const JSZip = (await import('jszip')).default;
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    ods.file('content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>');
    await sendFile(MANAGER, await ods.generateAsync({ type: 'nodebuffer' }), 'list.ods', 'application/vnd.oasis.opendocument.spreadsheet');
    expect(h.staff.seen(MANAGER)).toEqual([
      'Таблица «scan.xlsx» не загружена, ничего не добавлено.\nЭто не таблица. Пришлите файл Excel (.xlsx) или CSV.',
      'Таблица «empty.csv» не загружена, ничего не добавлено.\nФайл пустой.',
      'Таблица «price.csv» не загружена, ничего не добавлено.\nНе найдена строка заголовков. В первых 20 строках должна быть строка с названиями столбцов: ФИО, Дата рождения, Телефон, Центр, Заболевание (а также по желанию Диагноз, МКБ-10, Направивший врач, Медицинская организация, Регион).',
      'Таблица «list.ods» не загружена, ничего не добавлено.\nЭто таблица LibreOffice (.ods). Сохраните её как «Книга Excel 2007–365 (.xlsx)» или CSV и пришлите снова.',
    ]);
    expect(db().select().from(referralImports).all()).toEqual([]);
    expect(db().select().from(referrals).all()).toEqual([]);
  });

  it('a file over 5 MB is refused by its stated size, before any download', async () => {
    const file = api.addFile(Buffer.from('x'), { token: STAFF_TOKEN, fileSize: 6 * 1024 * 1024 });
    await h.staff.send(h.staff.updates.document(MANAGER, file, { file_name: 'big.xlsx', mime_type: XLSX_MIME }));
    expect(h.staff.seen(MANAGER)).toEqual(['Таблица «big.xlsx» не загружена, ничего не добавлено.\nФайл больше 5 МБ. Разделите таблицу на несколько файлов.']);
    expect(api.callsOf('getFile')).toEqual([]);
  });

  it('a doctor sending a table is told only managers load them; nothing is read or stored', async () => {
    await sendFile(DOCTOR, await fixtureXlsx(), 'Направления.xlsx');
    expect(h.staff.seen(DOCTOR)).toEqual(['Таблицы направлений загружают только менеджеры и администраторы. Передайте файл менеджеру проекта.']);
    expect(api.callsOf('getFile')).toEqual([]);
    expect(db().select().from(referrals).all()).toEqual([]);
    expect(db().select().from(smsOutbox).all()).toEqual([]);
  });

  it("a doctor's PDF is not taken for a table: it goes on to the bot's usual answer", async () => {
    await sendFile(DOCTOR, Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'), 'выписка.pdf', 'application/pdf');
    const [answer] = h.staff.seen(DOCTOR);
    expect(answer).not.toContain('Таблицы направлений');
    expect(answer).toContain('/queue');
    expect(api.callsOf('getFile')).toEqual([]);
  });
});
