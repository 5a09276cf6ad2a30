// Moved to sandbox/botapi (the sandbox's Bot API emulator shares this fake's model of Telegram).
export * from '../../sandbox/botapi/messages.js';
