import type { InlineKeyboardMarkup } from 'grammy/types';
import { badRequest, jsonParam } from './state.js';
import type { ReplyMarkup } from './state.js';

// reply_markup checks of telegram-bot-api (Client.cpp get_reply_markup) and TDLib (ReplyMarkup.cpp):
// the mistakes a bot makes with keyboards (64-byte callback_data, a button with no action, an http
// Web App URL) fail here with Telegram's own descriptions.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkHttpsUrl(url: unknown, what: string): void {
  const value = typeof url === 'string' ? url : '';
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw badRequest(`${what} URL '${value}' is invalid: Wrong HTTP URL`);
  }
  if (protocol !== 'https:') throw badRequest(`${what} URL '${value}' is invalid: Only HTTPS links are allowed`);
}

function checkInlineButton(button: unknown): void {
  const fail = (message: string): never => {
    throw badRequest(`can't parse inline keyboard button: ${message}`);
  };
  if (!isObject(button)) fail('InlineKeyboardButton must be an Object');
  const b = button as Record<string, unknown>;
  if (!('text' in b)) fail('Can\'t find field "text"');
  if (typeof b.text !== 'string') fail('Field "text" must be of type String');
  if (b.text === '') throw badRequest('inline keyboard button text must be non-empty');
  if (typeof b.url === 'string' && b.url !== '') {
    if (!/^(https?|tg|ton):/i.test(b.url) && !/^[\w-]+(\.[\w-]+)+/.test(b.url)) {
      throw badRequest(`inline keyboard button URL '${b.url}' is invalid: Wrong HTTP URL`);
    }
    return;
  }
  if (typeof b.callback_data === 'string' && b.callback_data !== '') {
    if (Buffer.byteLength(b.callback_data) > 64) throw badRequest('BUTTON_DATA_INVALID');
    return;
  }
  if (isObject(b.web_app)) return checkHttpsUrl(b.web_app.url, 'inline keyboard button Web App');
  const otherActions = ['callback_game', 'pay', 'switch_inline_query', 'switch_inline_query_chosen_chat', 'switch_inline_query_current_chat', 'login_url', 'copy_text'];
  if (!otherActions.some((key) => key in b)) fail('Text buttons are unallowed in the inline keyboard');
}

function checkKeyboardButton(button: unknown, isPrivate: boolean): void {
  if (typeof button === 'string') {
    if (button === '') throw badRequest('keyboard button text must be non-empty');
    return;
  }
  if (!isObject(button)) throw badRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
  if (typeof button.text !== 'string' || button.text === '') throw badRequest('keyboard button text must be non-empty');
  if (button.request_contact && !isPrivate) throw badRequest('phone number can be requested in private chats only');
  if (button.request_location && !isPrivate) throw badRequest('location can be requested in private chats only');
  if (isObject(button.web_app)) {
    if (!isPrivate) throw badRequest('web App buttons can be used in private chats only');
    checkHttpsUrl(button.web_app.url, 'keyboard button Web App');
  }
}

function rows(value: unknown, error: string): unknown[][] {
  if (!Array.isArray(value) || !value.every(Array.isArray)) throw badRequest(error);
  return value as unknown[][];
}

/** Validates reply_markup and returns it decoded; undefined when absent. */
export function parseReplyMarkup(params: Record<string, unknown>, isPrivate: boolean): ReplyMarkup | undefined {
  const markup = jsonParam(params, 'reply_markup', "can't parse reply keyboard markup JSON object");
  if (markup === undefined) return undefined;
  if (!isObject(markup)) throw badRequest('object expected as reply markup');
  if ('inline_keyboard' in markup) {
    for (const row of rows(markup.inline_keyboard, 'Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')) {
      row.forEach(checkInlineButton);
    }
  }
  if ('keyboard' in markup) {
    for (const row of rows(markup.keyboard, 'Field "keyboard" must be an Array of Arrays')) row.forEach((b) => checkKeyboardButton(b, isPrivate));
  }
  return markup as unknown as ReplyMarkup;
}

/** The part of a reply markup that a returned Message carries: only a non-empty inline keyboard. */
export function inlineKeyboardOf(markup: ReplyMarkup | undefined): InlineKeyboardMarkup | undefined {
  if (!markup || !('inline_keyboard' in markup)) return undefined;
  return markup.inline_keyboard.some((row) => row.length > 0) ? markup : undefined;
}

/** Button texts by row as the person sees them (an empty row shows nothing). */
export function buttonTexts(markup: ReplyMarkup | undefined): string[][] {
  if (!markup) return [];
  if ('inline_keyboard' in markup) return markup.inline_keyboard.filter((row) => row.length > 0).map((row) => row.map((b) => b.text));
  if ('keyboard' in markup) {
    return markup.keyboard.filter((row) => row.length > 0).map((row) => row.map((b) => (typeof b === 'string' ? b : b.text)));
  }
  return [];
}
