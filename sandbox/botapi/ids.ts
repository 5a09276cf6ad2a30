import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeState } from './state.js';

/** The emulator's counters that Telegram never reuses: message ids per chat, file and album serials. */
interface SavedIds {
  messageIds: Record<string, number>;
  files: number;
  albums: number;
}

const count = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : 0);

/**
 * Keeps the emulator's ids rising across restarts of the sandbox, as Telegram's do. The service's data outlives the
 * emulator's memory: a message id or file_unique_id that came round again would be taken for one it stored before
 * (a patient's new file refused as "already uploaded", a message to the duty doctor dropped as a repeat, a doctor's
 * Reply matched to an old consultation). Written after every change a person could see, the counters are read once
 * here, before the bots start.
 */
export function keepIdsAcrossRestarts(state: FakeState, file: string): void {
  let saved: Partial<SavedIds> = {};
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedIds>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  for (const [chat, id] of Object.entries(saved.messageIds ?? {})) {
    if (/^-?\d+$/.test(chat) && count(id)) state.lastMessageId.set(Number(chat), Math.max(count(id), state.lastMessageId.get(Number(chat)) ?? 0));
  }
  state.counters.file = Math.max(state.counters.file, count(saved.files));
  state.counters.album = Math.max(state.counters.album, count(saved.albums));

  mkdirSync(path.dirname(file), { recursive: true });
  let written = '';
  const save = () => {
    const now = JSON.stringify({ messageIds: Object.fromEntries(state.lastMessageId), files: state.counters.file, albums: state.counters.album } satisfies SavedIds);
    if (now === written) return;
    writeFileSync(`${file}.tmp`, now);
    renameSync(`${file}.tmp`, file);
    written = now;
  };
  save();
  state.watchers.add(save);
}
