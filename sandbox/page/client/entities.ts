import type { MessageEntity } from 'grammy/types';
import type { Config } from './types.js';
import { localUrl, openLink, sandboxBotLink } from './links.js';

/** An element for one entity around a piece of text; offsets are UTF-16 code units, as in the Bot API. */
function wrap(config: Config, entity: MessageEntity, text: string, inner: Node): Node {
  const el = (tag: string, cls?: string) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    node.append(inner);
    return node;
  };
  switch (entity.type) {
    case 'bold':
      return el('b');
    case 'italic':
      return el('i');
    case 'underline':
      return el('u');
    case 'strikethrough':
      return el('s');
    case 'spoiler':
      return el('span', 'spoiler');
    case 'code':
      return el('code');
    case 'pre':
      return el('pre');
    case 'blockquote':
    case 'expandable_blockquote':
      return el('blockquote');
    case 'text_link':
    case 'url': {
      const target = entity.type === 'text_link' ? entity.url : /^[a-z]+:/i.test(text) ? text : `https://${text}`;
      // Entities a bot passes as JSON reach the page unchecked: never a javascript: (or any other) link on this page.
      if (!/^(https?|tg):/i.test(target)) return inner;
      const a = el('a') as HTMLAnchorElement;
      a.href = localUrl(config, target);
      a.target = '_blank';
      a.rel = 'noopener';
      if (sandboxBotLink(config, target)) {
        a.addEventListener('click', (event) => {
          event.preventDefault();
          openLink(config, target);
        });
      }
      return a;
    }
    case 'phone_number': {
      const a = el('a') as HTMLAnchorElement;
      a.href = `tel:${text}`;
      return a;
    }
    default:
      return inner;
  }
}

/** The message text with its entities applied, as nodes. */
export function renderText(config: Config, text: string, entities: MessageEntity[] = []): DocumentFragment {
  const bounds = new Set<number>([0, text.length]);
  for (const e of entities) {
    bounds.add(e.offset);
    bounds.add(Math.min(text.length, e.offset + e.length));
  }
  const points = [...bounds].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (from >= to) continue;
    let node: Node = document.createTextNode(text.slice(from, to));
    const active = entities.filter((e) => e.offset <= from && e.offset + e.length >= to);
    // Innermost first, so the entity that starts first ends up outermost.
    for (const entity of [...active].reverse()) node = wrap(config, entity, text.slice(entity.offset, entity.offset + entity.length), node);
    out.append(node);
  }
  return out;
}
