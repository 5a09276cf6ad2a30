import type { BotCommand, InlineKeyboardButton, KeyboardButton, MenuButton, Message, MessageEntity } from 'grammy/types';
import type { FakeState, Signal } from '../botapi/state.js';

/** One message as the page draws it; files are fetched by file_id from /sandbox/api/files/<id>. */
export interface ViewMessage {
  id: number;
  /** From the bot (left) or from the person (right). */
  fromBot: boolean;
  date: number;
  edited: boolean;
  text?: string;
  entities?: MessageEntity[];
  photo?: { fileId: string; width: number; height: number };
  document?: { fileId: string; name: string; mime: string; size: number };
  contact?: { phone: string; name: string };
  mediaGroupId?: string;
  forwarded?: boolean;
  /** The message this one answers (Telegram's Reply), as a quote. */
  replyTo?: { id: number; fromBot: boolean; text: string };
  inline?: InlineKeyboardButton[][];
}

export interface ChatView {
  bot: { username: string; name: string };
  messages: ViewMessage[];
  /** The reply keyboard showing now, as the last keyboard or removal left it. */
  keyboard?: { rows: KeyboardButton[][]; oneTime: boolean; placeholder?: string };
  menuButton: MenuButton;
  commands: BotCommand[];
  /** A chat action shown for five seconds, as clients do. */
  action?: string;
}

const ACTION_MS = 5000;

function toView(message: Message, fromBot: boolean): ViewMessage {
  const m = message as Message & Record<string, unknown>;
  const photo = message.photo?.at(-1);
  return {
    id: message.message_id,
    fromBot,
    date: message.date,
    edited: message.edit_date !== undefined,
    ...(message.text !== undefined ? { text: message.text, entities: message.entities ?? [] } : {}),
    ...(message.caption !== undefined ? { text: message.caption, entities: message.caption_entities ?? [] } : {}),
    ...(photo ? { photo: { fileId: photo.file_id, width: photo.width, height: photo.height } } : {}),
    ...(message.document
      ? { document: { fileId: message.document.file_id, name: message.document.file_name ?? 'file', mime: message.document.mime_type ?? '', size: message.document.file_size ?? 0 } }
      : {}),
    ...(message.contact ? { contact: { phone: message.contact.phone_number, name: [message.contact.first_name, message.contact.last_name].filter(Boolean).join(' ') } } : {}),
    ...(message.media_group_id ? { mediaGroupId: message.media_group_id } : {}),
    ...(m.forward_origin ? { forwarded: true } : {}),
    ...(message.reply_to_message
      ? {
          replyTo: {
            id: message.reply_to_message.message_id,
            fromBot: !!message.reply_to_message.from?.is_bot,
            text: message.reply_to_message.text ?? message.reply_to_message.caption ?? (message.reply_to_message.photo ? '📷' : message.reply_to_message.document ? '📄' : ''),
          },
        }
      : {}),
    ...(message.reply_markup?.inline_keyboard ? { inline: message.reply_markup.inline_keyboard } : {}),
  };
}

/** The chat between `chatId` and the bot with `token`, as a Telegram client shows it now. */
export function chatView(state: FakeState, token: string, chatId: number, bot: { username: string; name: string }, language: string): ChatView {
  const stored = [...state.messages.values()]
    .filter((s) => s.message.chat.id === chatId && (s.token === token || s.audience === token))
    .sort((a, b) => a.message.message_id - b.message.message_id);
  let keyboard: ChatView['keyboard'];
  for (const s of stored) {
    const markup = s.token === token ? s.replyMarkup : undefined;
    if (markup && 'keyboard' in markup) {
      keyboard = { rows: markup.keyboard, oneTime: !!markup.one_time_keyboard, ...(markup.input_field_placeholder ? { placeholder: markup.input_field_placeholder } : {}) };
    } else if (markup && 'remove_keyboard' in markup) keyboard = undefined;
    // A one-time keyboard folds away once the person has answered.
    else if (s.token === undefined && keyboard?.oneTime) keyboard = undefined;
  }
  const scope = JSON.stringify({ type: 'default' });
  const commands = state.commands.get(`${token}|${scope}|${language}`) ?? state.commands.get(`${token}|${scope}|`) ?? [];
  const menuButton = state.menuButtons.get(`${token}|${chatId}`) ?? state.menuButtons.get(`${token}|default`) ?? { type: 'default' };
  const lastAction = state.signals.findLast((s) => s.kind === 'chat_action' && s.token === token && s.chatId === chatId);
  // Clients show an action until the bot's next message or for five seconds.
  const actionShown =
    lastAction?.kind === 'chat_action' && state.now() - lastAction.at < ACTION_MS && (state.lastMessageId.get(chatId) ?? 0) <= lastAction.afterMessageId;
  return {
    bot,
    messages: stored.map((s) => toView(s.message, s.token !== undefined)),
    ...(keyboard ? { keyboard } : {}),
    menuButton,
    commands,
    ...(actionShown && lastAction.kind === 'chat_action' ? { action: lastAction.action } : {}),
  };
}

/** Callback answers (toasts and alerts) after a revision, for one chat. */
export function toastsAfter(state: FakeState, token: string, chatId: number, revision: number): Array<Extract<Signal, { kind: 'callback_answer' }>> {
  return state.signals.filter(
    (s): s is Extract<Signal, { kind: 'callback_answer' }> => s.kind === 'callback_answer' && s.token === token && s.chatId === chatId && s.revision > revision && !!(s.text || s.url),
  );
}
