import { FluentType, type FluentVariable } from '@fluent/bundle';
import type { Transformer } from 'grammy';

/*
 * Telegram HTML in the bots — the one way it is done (docs/i18n.md, "Bot messages are Telegram HTML"):
 *
 * - Every text and caption the bots send is parse_mode HTML (`htmlByDefault`, installed on every Api that sends:
 *   the bots', the conversations', the outbox's). So a literal <, > or & in a locale text is written &lt; &gt; &amp;,
 *   and only Telegram's tags are used (b, i, u, s, code, pre, a href, blockquote, tg-spoiler).
 * - `ctx.t` and the outbox renderers' `t` are for message texts: they escape every string argument exactly once
 *   (a patient's name, a complaint, a file name). Numbers pass as they are.
 * - A fragment that is already HTML (another translation, lines joined into a card) is passed as `html(fragment)`,
 *   so it is not escaped a second time.
 * - Button labels, callback-query answers and alerts, SMS, PDFs, the Mini App and /verify are NOT HTML: they use
 *   `ctx.tText` (the plain translation) or the i18n object's own `t`, and never show &amp;.
 */

/** Escapes the three characters Telegram's HTML parser treats as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What Telegram shows for an HTML text of ours: tags dropped, entities decoded (e.g. to recognise a message we sent). */
export function shownText(source: string): string {
  return source
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
}

/** A piece of text that is already Telegram HTML: passed to `t` it is inserted as it is. */
export class Html extends FluentType<string> {
  toString(): string {
    return this.value;
  }
}

export const html = (fragment: string): Html => new Html(fragment);

/** Fluent's arguments; an Html one is inserted as it is (Fluent calls its toString). */
export type HtmlArgs = Record<string, FluentVariable>;

/** Arguments for a message text: strings escaped, anything else (numbers, Html fragments) left to Fluent. */
export function escapeArgs<A extends HtmlArgs | undefined>(args: A): A {
  if (!args) return args;
  const out: HtmlArgs = {};
  for (const [key, value] of Object.entries(args)) out[key] = typeof value === 'string' ? escapeHtml(value) : value;
  return out as A;
}

/** A translation for message texts over a plain one (see the header). */
export function htmlTranslate<F extends (key: string, args?: HtmlArgs) => string>(plain: F): F {
  return ((key: string, args?: HtmlArgs) => plain(key, escapeArgs(args))) as F;
}

const TEXT_METHODS = new Set(['sendMessage', 'editMessageText']);
const CAPTION_METHODS = new Set([
  'sendPhoto', 'sendDocument', 'sendVideo', 'sendAudio', 'sendVoice', 'sendAnimation', 'editMessageCaption', 'copyMessage',
]);

/**
 * parse_mode HTML on every text and caption that does not bring its own formatting (parse_mode or entities: a relayed
 * message keeps the entities it came with). A caption-less copyMessage is left alone: the copy keeps its own.
 */
export const htmlByDefault: Transformer = (prev, method, payload, signal) => {
  const p = payload as Record<string, unknown>;
  const wants =
    (TEXT_METHODS.has(method) && p.entities === undefined) ||
    (CAPTION_METHODS.has(method) && typeof p.caption === 'string' && p.caption_entities === undefined);
  if (wants && p.parse_mode === undefined) return prev(method, { ...p, parse_mode: 'HTML' } as typeof payload, signal);
  return prev(method, payload, signal);
};
