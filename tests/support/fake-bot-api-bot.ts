import type { BotCommand, MenuButton, Update } from 'grammy/types';
import { getFile } from './fake-bot-api-files.js';
import {
  BotApiError,
  Described,
  badRequest,
  boolParam,
  chatIdParam,
  intParam,
  jsonParam,
  stringParam,
} from './fake-bot-api-state.js';
import type { MethodContext, MethodHandler } from './fake-bot-api-state.js';

// Methods about the bot itself rather than a message: commands, menu button, webhook, polling,
// callback answers and chat actions.

const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document',
  'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

/** getUpdates waits at most this long in tests, whatever timeout the bot asks for. */
const MAX_POLL_WAIT_MS = 50;

function answerCallbackQuery(ctx: MethodContext): true {
  const id = stringParam(ctx.params, 'callback_query_id');
  // An unknown id and a second answer to the same query get the same answer from Telegram.
  if (!/^\d+$/.test(id) || ctx.state.answeredQueries.has(`${ctx.token}:${id}`)) {
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  }
  ctx.state.answeredQueries.add(`${ctx.token}:${id}`);
  return true;
}

function sendChatAction(ctx: MethodContext): true {
  if (!CHAT_ACTIONS.has(stringParam(ctx.params, 'action'))) throw badRequest('wrong parameter action in request');
  chatIdParam(ctx.params);
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
  return true;
}

function dropPending(ctx: MethodContext): void {
  if (boolParam(ctx.params, 'drop_pending_updates')) ctx.state.pendingUpdates.delete(ctx.token);
}

function setWebhook(ctx: MethodContext): Described {
  const url = stringParam(ctx.params, 'url');
  if (!url) return deleteWebhook(ctx);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
  }
  if (parsed.protocol !== 'https:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  if (!['', '80', '88', '443', '8443'].includes(parsed.port)) {
    throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
  }
  const secretToken = stringParam(ctx.params, 'secret_token');
  if (secretToken.length > 256) throw badRequest('secret token is too long');
  if (!/^[A-Za-z0-9_-]*$/.test(secretToken)) throw badRequest('secret token contains unallowed characters');
  const maxConnections = intParam(ctx.params, 'max_connections') || 40;
  const allowed = jsonParam(ctx.params, 'allowed_updates', "can't parse allowed updates JSON object") as string[] | undefined;
  const next = { url, maxConnections: Math.min(Math.max(maxConnections, 1), 100), ...(secretToken ? { secretToken } : {}), ...(allowed ? { allowedUpdates: allowed } : {}) };
  const current = ctx.state.webhooks.get(ctx.token);
  dropPending(ctx);
  if (current && JSON.stringify(current) === JSON.stringify(next)) return new Described(true, 'Webhook is already set');
  ctx.state.webhooks.set(ctx.token, next);
  return new Described(true, 'Webhook was set');
}

function deleteWebhook(ctx: MethodContext): Described {
  dropPending(ctx);
  const existed = ctx.state.webhooks.delete(ctx.token);
  return new Described(true, existed ? 'Webhook was deleted' : 'Webhook is already deleted');
}

function getWebhookInfo(ctx: MethodContext) {
  const hook = ctx.state.webhooks.get(ctx.token);
  const pending = ctx.state.pendingUpdates.get(ctx.token)?.length ?? 0;
  if (!hook) return { url: '', has_custom_certificate: false, pending_update_count: pending };
  return {
    url: hook.url,
    has_custom_certificate: false,
    pending_update_count: pending,
    max_connections: hook.maxConnections,
    ...(hook.allowedUpdates ? { allowed_updates: hook.allowedUpdates } : {}),
  };
}

async function getUpdates(ctx: MethodContext): Promise<Update[]> {
  if (ctx.state.webhooks.has(ctx.token)) {
    throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const queue = ctx.state.pendingUpdates.get(ctx.token) ?? [];
  const offset = intParam(ctx.params, 'offset');
  // A positive offset confirms every earlier update; a negative one reads from the end of the queue.
  const remaining = offset > 0 ? queue.filter((u) => u.update_id >= offset) : queue;
  ctx.state.pendingUpdates.set(ctx.token, remaining);
  const limit = Math.min(Math.max(intParam(ctx.params, 'limit') || 100, 1), 100);
  const timeoutMs = Math.max(0, intParam(ctx.params, 'timeout')) * 1000;
  if (remaining.length === 0 && timeoutMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(timeoutMs, MAX_POLL_WAIT_MS)));
  const available = ctx.state.pendingUpdates.get(ctx.token) ?? [];
  return offset < 0 ? available.slice(offset).slice(0, limit) : available.slice(0, limit);
}

export const botMethods: Record<string, MethodHandler> = {
  getme: (ctx) => ctx.bot,
  answercallbackquery: answerCallbackQuery,
  sendchataction: sendChatAction,
  setmycommands: setMyCommands,
  getmycommands: (ctx) => ctx.state.commands.get(commandsKey(ctx)) ?? [],
  deletemycommands: (ctx) => ctx.state.commands.delete(commandsKey(ctx)) || true,
  setchatmenubutton: setChatMenuButton,
  setwebhook: setWebhook,
  deletewebhook: deleteWebhook,
  getwebhookinfo: getWebhookInfo,
  getupdates: getUpdates,
  getfile: getFile,
};
