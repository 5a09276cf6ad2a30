import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../core/accounts/consent.js';
import { documents as documentsTable } from '../../../db/schema.js';
import { createFakeBotApi } from '../../support/fake-bot-api.js';
import { createPatientBotHarness, PATIENT_TOKEN, type PatientBotHarness } from '../../support/patient-bot.js';
import { filesUnder, gpsTags, heifHeader, pdfWithPages, phoneJpeg, pixelBombPng, windowsExecutable } from '../../support/document-fixtures.js';

const api = createFakeBotApi();
const MARIA = { id: 5550001, first_name: 'Мария', language_code: 'ru' };

let h: PatientBotHarness;
let patientId: number;

function register(harness: PatientBotHarness, accountId: number, fullName: string) {
  harness.services.accounts.upsertConsent(accountId, 'ru', CONSENT_VERSION, Date.now());
  return harness.services.patients.create(accountId, {
    relation: 'self',
    fullName,
    birthDate: '1961-03-05',
    phone: '+79123456789',
    phoneVerified: true,
    regionCode: 'RU-PRI',
    timeZone: 'Asia/Vladivostok',
  }).id;
}

async function startUpload(kindLabel = 'ЭКГ') {
  await h.send(h.updates.text(MARIA, '📄 Документы'));
  await h.press(MARIA, '➕ Загрузить');
  await h.press(MARIA, kindLabel);
  h.seen(MARIA);
}

const storedDocs = () => h.db.select().from(documentsTable).all();

beforeAll(() => api.listen());
beforeEach(() => {
  h = createPatientBotHarness(api);
  patientId = register(h, MARIA.id, 'Иванова Мария Петровна');
});
afterEach(() => {
  h.close();
  api.reset();
});
afterAll(() => api.close());

describe('uploading documents', () => {
  it('a phone JPEG with EXIF GPS is stored without any metadata, while the chat shows an upload action', async () => {
    await startUpload();
    const photo = api.addPhoto(await phoneJpeg(), { token: PATIENT_TOKEN, width: 1600, height: 1200 });
    await h.send(h.updates.photo(MARIA, photo));
    expect(h.seen(MARIA)).toEqual(['✅ Сохранено: ЭКГ.']);
    expect(api.callsOf('sendChatAction').map((c) => c.params.action)).toContain('upload_document');
    const [doc] = storedDocs();
    expect(doc).toMatchObject({ patientId, kind: 'ecg', mime: 'image/jpeg' });
    const bytes = await h.services.documents.read(doc!);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(gpsTags(meta.exif)).toEqual([]);
    expect(bytes.includes(Buffer.from('GPS'))).toBe(false);
  });

  it('a PNG sent as a file stays a PNG', async () => {
    await startUpload('Анализы');
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#fff' } }).png().toBuffer();
    const file = api.addFile(png, { token: PATIENT_TOKEN });
    await h.send(h.updates.document(MARIA, file, { file_name: 'анализы.png', mime_type: 'image/png' }));
    expect(h.seen(MARIA)).toEqual(['✅ Сохранено: Анализы.']);
    expect(storedDocs()[0]).toMatchObject({ mime: 'image/png', kind: 'lab_results', originalName: 'анализы.png' });
  });

  it('a PDF is stored with its page count', async () => {
    await startUpload('Выписка из истории болезни (из стационара)');
    const file = api.addFile(await pdfWithPages(3), { token: PATIENT_TOKEN });
    await h.send(h.updates.document(MARIA, file, { file_name: 'выписка.pdf', mime_type: 'application/pdf' }));
    expect(h.seen(MARIA)).toEqual(['✅ Сохранено: Выписка из истории болезни (из стационара), страниц: 3.']);
    expect(storedDocs()[0]).toMatchObject({ mime: 'application/pdf', pageCount: 3, kind: 'discharge_summary' });
  });

  it('an album of 5 photos: five documents, one progress message edited as they arrive', async () => {
    await startUpload('УЗИ органов малого таза');
    for (let i = 0; i < 5; i++) {
      const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: i * 40, g: 10, b: 10 } } }).jpeg().toBuffer();
      const photo = api.addPhoto(jpeg, { token: PATIENT_TOKEN, width: 640, height: 480 });
      await h.send(h.updates.photo(MARIA, photo, { media_group_id: 'album-1' }));
    }
    expect(storedDocs()).toHaveLength(5);
    expect(h.seen(MARIA)).toEqual(['✅ Сохранено из альбома: 1']);
    const progress = api.history(MARIA.id, PATIENT_TOKEN).filter((m) => m.text?.startsWith('✅ Сохранено из альбома'));
    expect(progress.map((m) => m.text)).toEqual(['✅ Сохранено из альбома: 5']);
    await h.send(h.updates.text(MARIA, '✅ Готово'));
    expect(h.seen(MARIA).at(-1)).toBe('Сохранено документов: 5. Всего документов у Ивановой Марии Петровны: 5.');
  });

  it('a forwarded photo is accepted like a sent one', async () => {
    await startUpload();
    const photo = api.addPhoto(await phoneJpeg(), { token: PATIENT_TOKEN });
    await h.send(h.updates.photo(MARIA, photo, { forward: true }));
    expect(h.seen(MARIA)).toEqual(['✅ Сохранено: ЭКГ.']);
  });

  it('an .exe renamed .pdf is refused by its content, and named for what it is', async () => {
    await startUpload();
    const file = api.addFile(windowsExecutable(), { token: PATIENT_TOKEN });
    await h.send(h.updates.document(MARIA, file, { file_name: 'scan.pdf', mime_type: 'application/pdf' }));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/программа Windows \(\.exe\)[\s\S]*JPEG, PNG, WebP\) и PDF/)]);
    expect(storedDocs()).toEqual([]);
  });

  it('a file over 20 MB is refused before any download, with advice to split or photograph it', async () => {
    await startUpload();
    const file = { file_id: 'big-file', file_unique_id: 'big-unique', file_size: 21 * 1024 * 1024 };
    await h.send(h.updates.document(MARIA, file, { file_name: 'кт.pdf', mime_type: 'application/pdf' }));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/больше 20 МБ[\s\S]*Разделите PDF/)]);
    expect(api.callsOf('getFile')).toEqual([]);
  });

  it('a file whose size Telegram did not tell is refused when getFile says it is too big', async () => {
    await startUpload();
    const file = api.addFile(Buffer.alloc(16), { token: PATIENT_TOKEN, fileSize: 25 * 1024 * 1024 });
    await h.send(h.updates.document(MARIA, { file_id: file.file_id, file_unique_id: file.file_unique_id }, { file_name: 'кт.pdf', mime_type: 'application/pdf' }));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/больше 20 МБ/)]);
  });

  it('a file Telegram no longer gives out (getFile 400) is answered with a request to send it again, not a failure', async () => {
    await startUpload();
    const gone = { file_id: 'BQACAgIAAxkBAAIBZ2dvbmVfZmlsZQ', file_unique_id: 'AgADgone', file_size: 1000 };
    await h.send(h.updates.document(MARIA, gone, { file_name: 'экг.pdf', mime_type: 'application/pdf' }));
    expect(h.seen(MARIA)).toEqual(['Не получилось получить файл из Telegram. Отправьте его, пожалуйста, ещё раз.']);
    expect(storedDocs()).toEqual([]);
  });

  it('a pixel bomb is refused, not swallowed', async () => {
    await startUpload();
    const file = api.addFile(pixelBombPng(30_000, 30_000), { token: PATIENT_TOKEN });
    await h.send(h.updates.document(MARIA, file, { file_name: 'scan.png', mime_type: 'image/png' }));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/слишком большое/)]);
    expect(storedDocs()).toEqual([]);
  });

  it('a HEIC file is answered with a request to send it as a photo', async () => {
    await startUpload();
    const file = api.addFile(heifHeader(), { token: PATIENT_TOKEN });
    await h.send(h.updates.document(MARIA, file, { file_name: 'IMG_0001.HEIC', mime_type: 'image/heic' }));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/HEIC[\s\S]*как фото/)]);
  });

  it('the same file twice is recognised, by Telegram id and by content', async () => {
    await startUpload();
    const jpeg = await phoneJpeg();
    const first = api.addPhoto(jpeg, { token: PATIENT_TOKEN });
    await h.send(h.updates.photo(MARIA, first));
    await h.send(h.updates.photo(MARIA, first));
    const again = api.addFile(jpeg, { token: PATIENT_TOKEN });
    await h.send(h.updates.document(MARIA, again, { file_name: 'ecg.jpg', mime_type: 'image/jpeg' }));
    expect(h.seen(MARIA)).toEqual([
      '✅ Сохранено: ЭКГ.',
      expect.stringMatching(/^Этот файл уже загружен \d\d\.\d\d\.\d{4} \(«ЭКГ»\)/),
      expect.stringMatching(/^Этот файл уже загружен \d\d\.\d\d\.\d{4} \(«ЭКГ»\)/),
    ]);
    expect(storedDocs()).toHaveLength(1);
  });

  it('a file sent with no upload open is kept, and stored once its kind is chosen', async () => {
    const photo = api.addPhoto(await phoneJpeg(), { token: PATIENT_TOKEN });
    await h.send(h.updates.photo(MARIA, photo));
    expect(h.seen(MARIA)).toEqual(['Принял файл. Что это за документ?']);
    await h.press(MARIA, 'ЭхоКГ');
    expect(h.seen(MARIA).at(-1)).toBe('✅ Сохранено: ЭхоКГ.');
    expect(storedDocs()[0]).toMatchObject({ kind: 'echo' });
  });

  it('text while an upload is open is answered with what is expected', async () => {
    await startUpload();
    await h.send(h.updates.sticker(MARIA));
    expect(h.seen(MARIA)).toEqual([expect.stringMatching(/жду фото или PDF/)]);
  });

  it('a person with two profiles is asked whose documents these are', async () => {
    h.services.patients.create(MARIA.id, {
      relation: 'child',
      fullName: 'Иванов Пётр Сергеевич',
      birthDate: '2015-07-01',
      phone: null,
      phoneVerified: false,
      regionCode: 'RU-PRI',
      timeZone: 'Asia/Vladivostok',
    });
    await h.send(h.updates.text(MARIA, '📄 Документы'));
    expect(h.seen(MARIA)).toEqual(['Для кого? Выберите пациента:']);
    await h.press(MARIA, 'Иванов Пётр Сергеевич');
    expect(h.seen(MARIA)).toEqual(['Документы Иванова Петра Сергеевича: 0.']);
  });

  it('an unregistered person sending a file is asked to register first', async () => {
    const stranger = { id: 777, first_name: 'Гость', language_code: 'ru' };
    const photo = api.addPhoto(await phoneJpeg(), { token: PATIENT_TOKEN });
    await h.send(h.updates.photo(stranger, photo));
    expect(h.seen(stranger)).toEqual([expect.stringMatching(/Сначала нужно дать согласие/)]);
  });
});

describe('listing, sending back and deleting', () => {
  async function uploadTwo() {
    await startUpload();
    const a = api.addFile(await pdfWithPages(2), { token: PATIENT_TOKEN });
    await h.send(h.updates.document(MARIA, a, { file_name: 'ecg;v2%20.pdf', mime_type: 'application/pdf' }));
    const b = api.addPhoto(await phoneJpeg(), { token: PATIENT_TOKEN });
    await h.send(h.updates.photo(MARIA, b));
    await h.send(h.updates.text(MARIA, '✅ Готово'));
    h.seen(MARIA);
  }

  it('lists kind, name or type, pages and date, and sends a document back from storage', async () => {
    await uploadTwo();
    await h.send(h.updates.text(MARIA, '📄 Документы'));
    await h.press(MARIA, '📋 Список');
    const list = h.seen(MARIA).at(-1)!.split('\n');
    expect(list[0]).toBe('Документы Ивановой Марии Петровны (стр. 1 из 1):');
    expect(list[1]).toMatch(/^1\. ЭКГ · фото · \d\d\.\d\d\.\d{4}$/);
    expect(list[2]).toMatch(/^2\. ЭКГ · ecg;v2%20\.pdf · 2 страницы · \d\d\.\d\d\.\d{4}$/);
    await h.press(MARIA, '📥 2');
    const sent = api.sent(MARIA.id, PATIENT_TOKEN).at(-1)!;
    expect(sent.method).toBe('sendDocument');
    // The name survives the trip: Telegram would cut it at ';' and decode '%20'.
    expect(sent.files![0]!.filename).toBe('ecg_v2_20.pdf');
    const pdf = storedDocs().find((d) => d.mime === 'application/pdf')!;
    expect(sent.files![0]!.bytes!.equals(await h.services.documents.read(pdf))).toBe(true);
  });

  it('two discharge summaries are told apart by name and pages, in Russian plurals and in English', async () => {
    const ingest = async (pages: number, originalName?: string) =>
      h.services.documents.ingest({ patientId, kind: 'discharge_summary', bytes: await pdfWithPages(pages), actorAccountId: MARIA.id, ...(originalName ? { originalName } : {}) });
    await ingest(1, 'vypiska_2024.pdf');
    await ingest(5, 'vypiska_2025_iz_kardiologicheskogo_otdeleniya_bolnitsy_nomer_1.pdf');
    await ingest(22);
    await h.send(h.updates.text(MARIA, '📄 Документы'));
    await h.press(MARIA, '📋 Список');
    const lines = h.seen(MARIA).at(-1)!.split('\n').slice(1).map((l) => l.replace(/\d\d\.\d\d\.\d{4}$/, 'DATE'));
    const kind = 'Выписка из истории болезни (из стационара)';
    expect(lines).toEqual([
      `1. ${kind} · PDF-файл · 22 страницы · DATE`,
      `2. ${kind} · vypiska_2025_iz_kardiologicheskogo_….pdf · 5 страниц · DATE`,
      `3. ${kind} · vypiska_2024.pdf · 1 страница · DATE`,
    ]);

    h.services.accounts.setLocale(MARIA.id, 'en');
    await h.send(h.updates.text(MARIA, '/documents'));
    await h.press(MARIA, '📋 List');
    expect(h.seen(MARIA).at(-1)!.split('\n').slice(1).map((l) => l.replace(/\d\d\.\d\d\.\d{4}$/, 'DATE'))).toEqual([
      '1. Hospital discharge summary · PDF file · 22 pages · DATE',
      '2. Hospital discharge summary · vypiska_2025_iz_kardiologicheskogo_….pdf · 5 pages · DATE',
      '3. Hospital discharge summary · vypiska_2024.pdf · 1 page · DATE',
    ]);
  });

  it('delete asks to confirm, then removes the row and the file from disk', async () => {
    await uploadTwo();
    const root = path.join(h.dir, 'files');
    const before = filesUnder(root).map((f) => path.join(root, f));
    await h.send(h.updates.text(MARIA, '📄 Документы'));
    await h.press(MARIA, '📋 Список');
    await h.press(MARIA, '🗑 1');
    expect(h.seen(MARIA).at(-1)).toMatch(/^Удалить «ЭКГ» от \d\d\.\d\d\.\d{4}\?$/);
    await h.press(MARIA, 'Да');
    expect(h.seen(MARIA).at(-1)).toBe('Документ удалён.');
    expect(storedDocs()).toHaveLength(1);
    const after = filesUnder(root).map((f) => path.join(root, f));
    expect(after.length).toBeLessThan(before.length);
    for (const file of before.filter((f) => !after.includes(f))) expect(existsSync(file)).toBe(false);
    expect(after.every((f) => readFileSync(f).length > 0)).toBe(true);
  });

  it("another account's document ids lead nowhere", async () => {
    await uploadTwo();
    const doc = storedDocs()[0]!;
    const stranger = { id: 888, first_name: 'Чужой', language_code: 'ru' };
    register(h, stranger.id, 'Петров Пётр Петрович');
    await h.send(h.updates.command(stranger, '/help'));
    // A forged button press: the stranger's client sends callback data naming Maria's profile and document.
    const own = api.history(stranger.id, PATIENT_TOKEN).at(-1)!;
    await h.send(h.updates.callback(stranger, `docs-send:${patientId}:${doc.id}`, own));
    await h.send(h.updates.callback(stranger, `docs-del:${patientId}:${doc.id}:1`, own));
    expect(api.callsOf('answerCallbackQuery').slice(-2).map((c) => c.params.text)).toEqual([
      expect.stringMatching(/не найден/),
      expect.stringMatching(/не найден/),
    ]);
    expect(api.sent(stranger.id, PATIENT_TOKEN).filter((m) => m.method === 'sendDocument')).toEqual([]);
    expect(storedDocs()).toHaveLength(2);
  });
});
