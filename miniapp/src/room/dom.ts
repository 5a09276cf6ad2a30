type Child = Node | string | false | null | undefined;

/** A small element builder: the page has a handful of screens and needs no framework. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}

export function button(text: string, onClick: () => void, kind: 'primary' | 'secondary' = 'primary'): HTMLButtonElement {
  const b = h('button', { type: 'button', class: `btn btn-${kind}` }, text);
  b.addEventListener('click', onClick);
  return b;
}

export function linkButton(text: string, href: string, kind: 'primary' | 'secondary' = 'primary'): HTMLAnchorElement {
  return h('a', { class: `btn btn-${kind}`, href, target: '_blank', rel: 'noopener noreferrer' }, text);
}
