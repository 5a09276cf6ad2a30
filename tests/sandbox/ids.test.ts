import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createBotApiEmulator } from '../../sandbox/botapi/emulator.js';
import { keepIdsAcrossRestarts } from '../../sandbox/botapi/ids.js';
import { SANDBOX_PATIENT } from '../../sandbox/demo.js';
import { tempDir } from '../support/document-fixtures.js';

/**
 * The sandbox's chats live in memory, the service's data on disk. Telegram never gives a chat's message id or a
 * file_unique_id twice, and the service relies on it (duplicate uploads, the duty chat's Reply threads): after a
 * restart the emulator must go on from where it stopped.
 */
const TOKEN = '1000000001:SANDBOX-patient-ids-test-token';
const dirs: Array<() => void> = [];
afterEach(() => {
  while (dirs.length) dirs.pop()!();
});

function start(file: string) {
  const emulator = createBotApiEmulator({ bots: [{ token: TOKEN, username: 'oblako_sandbox_bot', firstName: 'Облако' }] });
  keepIdsAcrossRestarts(emulator.state, file);
  return emulator;
}

describe('the sandbox emulator across a restart', () => {
  it('gives no message id, file_unique_id or album id a second time', async () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const file = path.join(dir, 'sandbox-ids.json');
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } }).png().toBuffer();
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const files = [
      { bytes: png, filename: 'a.png', mime: 'image/png', asPhoto: true },
      { bytes: pdf, filename: 'b.pdf', mime: 'application/pdf', asPhoto: false },
    ];

    const first = start(file);
    const before = [first.person.sendText(TOKEN, SANDBOX_PATIENT, 'Здравствуйте'), ...first.person.sendFiles(TOKEN, SANDBOX_PATIENT, files)];
    const answer = await first.call(TOKEN, 'sendMessage', { chat_id: SANDBOX_PATIENT.id, text: 'Ответ бота' });
    expect(answer.ok).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ messageIds: { [SANDBOX_PATIENT.id]: 4 } });

    const second = start(file);
    const after = [second.person.sendText(TOKEN, SANDBOX_PATIENT, 'Здравствуйте'), ...second.person.sendFiles(TOKEN, SANDBOX_PATIENT, files)];
    expect(after[0]!.message_id).toBe(5);
    const ids = (messages: typeof before) => messages.map((m) => m.message_id);
    const uniques = (messages: typeof before) => messages.flatMap((m) => [...(m.photo ?? []), ...(m.document ? [m.document] : [])].map((f) => f.file_unique_id));
    const fileIds = (messages: typeof before) => messages.flatMap((m) => [...(m.photo ?? []), ...(m.document ? [m.document] : [])].map((f) => f.file_id));
    expect(ids(after).filter((id) => ids(before).includes(id))).toEqual([]);
    expect(uniques(after).filter((u) => uniques(before).includes(u))).toEqual([]);
    expect(fileIds(after).filter((u) => fileIds(before).includes(u))).toEqual([]);
    expect(after[1]!.media_group_id).not.toBe(before[1]!.media_group_id);
  });

  it('starts afresh without a file, and over an unreadable one', () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const file = path.join(dir, 'nested', 'sandbox-ids.json');
    expect(start(file).person.sendText(TOKEN, SANDBOX_PATIENT, '1').message_id).toBe(1);
    writeFileSync(file, '{not json');
    expect(start(file).person.sendText(TOKEN, SANDBOX_PATIENT, '1').message_id).toBe(1);
  });
});
