import type { MessageEntity } from 'grammy/types';
import { badRequest } from './state.js';

// Text formatting as the Bot API applies it before a message is stored: parse_mode=HTML is a port
// of TDLib's parse_html (td/telegram/MessageEntity.cpp), so a tag Telegram rejects or an unescaped
// "<" in a patient's name fails here exactly as it would in production.

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

const HTML_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins', 'tg-spoiler', 'tg-emoji', 'tg-time', 'span',
  'pre', 'code', 'blockquote',
]);

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v';
const isAlpha = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);
const isNameTokenChar = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9.-]$/.test(c);

/** Decodes the entity at `pos` ("&" there); returns the code point and the position after it, or undefined. */
function decodeHtmlEntity(s: string, pos: number): { code: number; end: number } | undefined {
  let end = pos + 1;
  let code = 0;
  if (s[pos + 1] === '#') {
    end++;
    if (s[pos + 2] === 'x') {
      end++;
      while (end < s.length && /^[0-9A-Fa-f]$/.test(s[end]!)) code = code * 16 + parseInt(s[end++]!, 16);
    } else {
      while (end < s.length && /^[0-9]$/.test(s[end]!)) code = code * 10 + Number(s[end++]);
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return undefined;
  } else {
    while (isAlpha(s[end])) end++;
    const name = s.slice(pos + 1, end);
    const named: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };
    if (!(name in named)) return undefined;
    code = named[name]!;
  }
  return { code, end: s[end] === ';' ? end + 1 : end };
}

interface OpenTag {
  name: string;
  argument: string;
  offset: number;
}

function linkEntity(url: string, offset: number, length: number): MessageEntity | undefined {
  const mention = /^tg:(?:\/\/)?user\?id=(\d+)$/i.exec(url);
  if (mention) return { type: 'text_mention', offset, length, user: { id: Number(mention[1]), is_bot: false, first_name: '' } };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url}`;
  try {
    new URL(withScheme);
  } catch {
    return undefined; // TDLib silently drops a link it cannot check
  }
  // TDLib's check_link knows these schemes only (a javascript: or sftp: link is dropped the same way).
  if (!/^(https?|tg|ton|tonsite):/i.test(withScheme)) return undefined;
  return { type: 'text_link', offset, length, url: withScheme };
}

function closeTag(open: OpenTag, offset: number, result: string, entities: MessageEntity[]): void {
  const length = offset - open.offset;
  if (length <= 0) return;
  const at = { offset: open.offset, length };
  const last = entities.at(-1);
  switch (open.name) {
    case 'i': case 'em': entities.push({ type: 'italic', ...at }); break;
    case 'b': case 'strong': entities.push({ type: 'bold', ...at }); break;
    case 's': case 'strike': case 'del': entities.push({ type: 'strikethrough', ...at }); break;
    case 'u': case 'ins': entities.push({ type: 'underline', ...at }); break;
    case 'tg-spoiler': case 'span': entities.push({ type: 'spoiler', ...at }); break;
    case 'tg-time': break;
    case 'tg-emoji':
      if (!/^[1-9]\d*$/.test(open.argument)) throw badRequest("can't parse entities: Invalid custom emoji identifier specified");
      entities.push({ type: 'custom_emoji', ...at, custom_emoji_id: open.argument });
      break;
    case 'a': {
      const entity = linkEntity(open.argument || result.slice(open.offset), open.offset, length);
      if (entity) entities.push(entity);
      break;
    }
    case 'pre':
      if (last?.type === 'code' && last.offset === open.offset && last.length === length && 'language' in last) {
        entities[entities.length - 1] = { type: 'pre', ...at, language: (last as { language: string }).language };
      } else entities.push({ type: 'pre', ...at });
      break;
    case 'code':
      if (last?.type === 'pre' && last.offset === open.offset && last.length === length && open.argument) {
        entities[entities.length - 1] = { type: 'pre', ...at, language: open.argument };
      } else if (open.argument) {
        // kept only until a surrounding <pre> claims it, as TDLib does
        entities.push({ type: 'code', ...at, language: open.argument } as MessageEntity);
      } else entities.push({ type: 'code', ...at });
      break;
    case 'blockquote': entities.push({ type: open.argument ? 'expandable_blockquote' : 'blockquote', ...at }); break;
  }
}

/** parse_mode=HTML; throws the Bot API's "can't parse entities" errors. */
export function parseHtml(source: string): FormattedText {
  const fail = (message: string): never => {
    throw badRequest(`can't parse entities: ${message}`);
  };
  const byteOffset = (index: number) => Buffer.byteLength(source.slice(0, index));
  let result = '';
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const c = source[i]!;
    if (c === '&') {
      const decoded = decodeHtmlEntity(source, i);
      if (decoded) {
        result += String.fromCodePoint(decoded.code);
        i = decoded.end - 1;
        continue;
      }
    }
    if (c !== '<') {
      result += c;
      continue;
    }
    const begin = i++;
    if (source[i] !== '/') {
      while (i < n && !isSpace(source[i]) && source[i] !== '>') i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      const name = source.slice(begin + 1, i).toLowerCase();
      if (!HTML_TAGS.has(name)) fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(begin)}`);
      let argument = '';
      while (source[i] !== '>') {
        while (i < n && isSpace(source[i])) i++;
        if (source[i] === '>') break;
        const attrBegin = i;
        while (i < n && !isSpace(source[i]) && !'=>/"\''.includes(source[i]!)) i++;
        const attr = source.slice(attrBegin, i);
        if (!attr) fail(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(begin)}`);
        while (i < n && isSpace(source[i])) i++;
        if (source[i] !== '=') {
          if (i >= n) fail(`Unclosed start tag "${name}" at byte offset ${byteOffset(begin)}`);
          if (name === 'blockquote' && attr === 'expandable') argument = '1';
          continue;
        }
        i++;
        while (i < n && isSpace(source[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${name}" at byte offset ${byteOffset(begin)}`);
        let value = '';
        if (source[i] !== '"' && source[i] !== "'") {
          const tokenBegin = i;
          while (isNameTokenChar(source[i])) i++;
          value = source.slice(tokenBegin, i).toLowerCase();
          if (!isSpace(source[i]) && source[i] !== '>') fail(`Unexpected end of name token at byte offset ${byteOffset(tokenBegin)}`);
        } else {
          const quote = source[i++];
          while (i < n && source[i] !== quote) {
            const decoded = source[i] === '&' ? decodeHtmlEntity(source, i) : undefined;
            if (decoded) {
              value += String.fromCodePoint(decoded.code);
              i = decoded.end;
            } else value += source[i++];
          }
          if (source[i] === quote) i++;
        }
        if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        if (name === 'a' && attr === 'href') argument = value;
        else if (name === 'code' && attr === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (name === 'span' && attr === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (name === 'tg-emoji' && attr === 'emoji-id') argument = value;
        else if (name === 'blockquote' && attr === 'expandable') argument = '1';
      }
      if (name === 'span' && argument !== 'spoiler') fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
      open.push({ name, argument, offset: result.length });
    } else {
      if (open.length === 0) fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
      while (i < n && !isSpace(source[i]) && source[i] !== '>') i++;
      const endName = source.slice(begin + 2, i).toLowerCase();
      while (i < n && isSpace(source[i])) i++;
      if (source[i] !== '>') fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
      const top = open.pop()!;
      if (endName && endName !== top.name) {
        fail(`Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${top.name}>", found "</${endName}>"`);
      }
      closeTag(top, result.length, result, entities);
    }
  }
  if (open.length > 0) fail(`Can't find end tag corresponding to start tag "${open.at(-1)!.name}"`);
  const cleaned = entities.map((e) => (e.type === 'code' && 'language' in e ? { type: 'code' as const, offset: e.offset, length: e.length } : e));
  cleaned.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: result, entities: cleaned };
}

/** Applies parse_mode; Markdown and MarkdownV2 are passed through unparsed (not modelled by this fake). */
export function formatText(text: string, parseMode: unknown, entities: unknown): FormattedText {
  const mode = typeof parseMode === 'string' ? parseMode.toLowerCase() : '';
  if (text && mode && mode !== 'none') {
    if (mode === 'html') return parseHtml(text);
    if (mode !== 'markdown' && mode !== 'markdownv2') throw badRequest('unsupported parse_mode');
  }
  return { text, entities: Array.isArray(entities) ? (entities as MessageEntity[]) : [] };
}

/**
 * TDLib's fix_formatted_text for a sent text: trailing whitespace goes, leading spaces and newlines
 * before the first entity go, and a text left empty is refused.
 */
export function trimFormatted(formatted: FormattedText, allowEmpty: boolean): FormattedText {
  let { text } = formatted;
  let entities = formatted.entities;
  const end = text.trimEnd().length;
  if (end === 0) {
    if (allowEmpty) return { text: '', entities: [] };
    throw badRequest('text must be non-empty');
  }
  text = text.slice(0, end);
  entities = entities
    .filter((e) => e.offset < end)
    .map((e) => (e.offset + e.length > end ? { ...e, length: end - e.offset } : e));
  const firstEntity = entities.length > 0 ? Math.min(...entities.map((e) => e.offset)) : text.length;
  let start = 0;
  while (start < firstEntity && (text[start] === ' ' || text[start] === '\n')) start++;
  if (start > 0) {
    text = text.slice(start);
    entities = entities.map((e) => ({ ...e, offset: e.offset - start }));
  }
  return { text, entities };
}
