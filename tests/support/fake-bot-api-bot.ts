// Moved to sandbox/botapi (the sandbox's Bot API emulator shares this fake's model of Telegram).
import { commandMethods } from '../../sandbox/botapi/commands.js';
import { fileMethods } from '../../sandbox/botapi/files.js';
import type { MethodHandler } from '../../sandbox/botapi/state.js';
import { updateMethods } from '../../sandbox/botapi/updates.js';

export const botMethods: Record<string, MethodHandler> = { ...commandMethods, ...updateMethods, ...fileMethods };
