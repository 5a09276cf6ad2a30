import type { BotCommand, MenuButton } from 'grammy/types';
import { badRequest, boolParam, chatIdParam, jsonParam, pushSignal, stringParam, touch } from './state.js';
import type { MethodContext, MethodHandler } from './state.js';

// Methods about the bot itself rather than a message: its profile, commands, menu button, callback answers and chat
// actions.

const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document',
  'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

function answerCallbackQuery(ctx: MethodContext): true {
  const id = stringParam(ctx.params, 'callback_query_id');
  // An unknown id and a second answer to the same query get the same answer from Telegram.
  if (!/^\d+$/.test(id) || ctx.state.answeredQueries.has(`${ctx.token}:${id}`)) {
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  }
  const text = stringParam(ctx.params, 'text');
  // Documented as 0-200 characters; a refused answer leaves the query open for another try.
  if (text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
  ctx.state.answeredQueries.add(`${ctx.token}:${id}`);
  const url = stringParam(ctx.params, 'url');
  const chatId = ctx.state.callbackChats.get(`${ctx.token}:${id}`) ?? 0;
  pushSignal(ctx.state, {
    kind: 'callback_answer', token: ctx.token, chatId, showAlert: boolParam(ctx.params, 'show_alert'), at: ctx.state.now(), revision: ctx.state.revision + 1,
    ...(text ? { text } : {}), ...(url ? { url } : {}),
  });
  return true;
}

function sendChatAction(ctx: MethodContext): true {
  const action = stringParam(ctx.params, 'action');
  if (!CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
  const chatId = chatIdParam(ctx.params);
  const afterMessageId = ctx.state.lastMessageId.get(chatId) ?? 0;
  pushSignal(ctx.state, { kind: 'chat_action', token: ctx.token, chatId, action, at: ctx.state.now(), revision: ctx.state.revision + 1, afterMessageId });
  return true;
}

function commandsKey(ctx: MethodContext): string {
  const scope = jsonParam(ctx.params, 'scope', "can't parse BotCommandScope JSON object") ?? { type: 'default' };
  if (typeof scope !== 'object' || scope === null) throw badRequest('BotCommandScope must be an Object');
  return `${ctx.token}|${JSON.stringify(scope)}|${stringParam(ctx.params, 'language_code')}`;
}

function setMyCommands(ctx: MethodContext): true {
  const commands = jsonParam(ctx.params, 'commands', "can't parse commands JSON object") ?? [];
  if (!Array.isArray(commands)) throw badRequest('expected an Array of BotCommand');
  if (commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
  const parsed: BotCommand[] = commands.map((c: unknown) => {
    const command = c as Partial<BotCommand> | null;
    if (typeof command?.command !== 'string') throw badRequest(`can't parse BotCommand: Can't find field "command"`);
    if (typeof command.description !== 'string') throw badRequest(`can't parse BotCommand: Can't find field "description"`);
    if (!/^[a-z0-9_]{1,32}$/.test(command.command.replace(/^\//, ''))) throw badRequest('BOT_COMMAND_INVALID');
    if (command.description.length < 1 || command.description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    return { command: command.command.replace(/^\//, ''), description: command.description };
  });
  const key = commandsKey(ctx);
  if (parsed.length === 0) ctx.state.commands.delete(key);
  else ctx.state.commands.set(key, parsed);
  touch(ctx.state);
  return true;
}

function setChatMenuButton(ctx: MethodContext): true {
  const button = (jsonParam(ctx.params, 'menu_button', "can't parse menu button JSON object") ?? { type: 'default' }) as Partial<MenuButton> | null;
  const fail = (message: string): never => {
    throw badRequest(`can't parse menu button: ${message}`);
  };
  if (typeof button !== 'object' || button === null) fail('MenuButton must be an Object');
  const b = button as Partial<MenuButton>;
  if (b.type === 'web_app') {
    if (typeof b.text !== 'string') fail(`Can't find field "text"`);
    const url = typeof b.web_app?.url === 'string' ? b.web_app.url : fail(`Can't find field "web_app"`);
    if (!/^https:\/\//i.test(url)) throw badRequest(`URL '${url}' is invalid: Only HTTPS links are allowed`);
  } else if (b.type !== 'default' && b.type !== 'commands') fail('MenuButton has unsupported type');
  const chat = stringParam(ctx.params, 'chat_id') ? String(chatIdParam(ctx.params)) : 'default';
  ctx.state.menuButtons.set(`${ctx.token}|${chat}`, b as MenuButton);
  touch(ctx.state);
  return true;
}

/** The chat's own button, else the bot's default, else Telegram's default (the commands list). */
function getChatMenuButton(ctx: MethodContext): MenuButton {
  const chat = stringParam(ctx.params, 'chat_id') ? String(chatIdParam(ctx.params)) : 'default';
  return ctx.state.menuButtons.get(`${ctx.token}|${chat}`) ?? ctx.state.menuButtons.get(`${ctx.token}|default`) ?? { type: 'default' };
}

export const commandMethods: Record<string, MethodHandler> = {
  getme: (ctx) => ctx.bot,
  answercallbackquery: answerCallbackQuery,
  sendchataction: sendChatAction,
  setmycommands: setMyCommands,
  getmycommands: (ctx) => ctx.state.commands.get(commandsKey(ctx)) ?? [],
  deletemycommands: (ctx) => {
    ctx.state.commands.delete(commandsKey(ctx));
    touch(ctx.state);
    return true;
  },
  setchatmenubutton: setChatMenuButton,
  getchatmenubutton: getChatMenuButton,
};

