import type { Db } from '../../../db/client.js';
import { createStateStorage } from '../../shared/state-storage.js';

/** The consultation whose duty doctor the person is writing to; while set, their text and photos go to that doctor. */
export interface ChatMode {
  consultationId: number;
}

/**
 * Kept in bot_state under its own prefix, not in the session: it outlives a restart like the session does, and
 * forgetting a chat's state (consent withdrawn, data deleted) clears it with the rest.
 */
export function createChatModeStore(db: Db) {
  const storage = createStateStorage<ChatMode>(db, 'duty-chat:');
  return {
    get: (chatId: number) => storage.read(String(chatId)),
    enter: (chatId: number, consultationId: number) => storage.write(String(chatId), { consultationId }),
    leave: (chatId: number) => storage.delete(String(chatId)),
  };
}

export type ChatModeStore = ReturnType<typeof createChatModeStore>;
