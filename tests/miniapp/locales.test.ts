import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../miniapp/src/lib/fluent.js';
import { LOCALES } from '../../miniapp/src/lib/locales.js';

type Message = NonNullable<ReturnType<FluentBundle['getMessage']>>;

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../miniapp/src');
const localesDir = path.join(src, 'locales');

function load(locale: string) {
  const dir = path.join(localesDir, locale);
  const files = readdirSync(dir).filter((name) => name.endsWith('.ftl')).sort();
  const texts = files.map((name) => readFileSync(path.join(dir, name), 'utf8'));
  const resources = texts.map((text) => new FluentResource(text));
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = resources.flatMap((r) => bundle.addResource(r));
  // The runtime parser skips an entry it cannot parse without a word; the ids written in the files show what it lost.
  const written = texts.flatMap((text) => [...text.matchAll(/^(-?[a-zA-Z][\w-]*)[ \t]*=/gm)].map((m) => m[1]!));
  const messages = resources.flatMap((r) => r.body).filter((entry): entry is Message => !entry.id.startsWith('-'));
  return { locale, files, bundle, errors, written, messages, ids: messages.map((m) => m.id), t: createTranslate(locale, texts) };
}

const locales = LOCALES.map(({ code }) => load(code));
const [ru] = locales;

type Node = unknown;
/** What a pattern refers to: its variables, and the variant keys of its selectors (status codes, plural forms). */
function walk(node: Node, into = { vars: new Set<string>(), variants: new Set<string>() }) {
  if (Array.isArray(node)) node.forEach((n: Node) => walk(n, into));
  else if (node && typeof node === 'object') {
    const n = node as { type?: string; name?: string; value?: unknown };
    if (n.type === 'var' && n.name) into.vars.add(n.name);
    if (n.type === 'select') for (const v of (node as { variants: Array<{ key: { value: unknown } }> }).variants) into.variants.add(String(v.key.value));
    for (const value of Object.values(node)) walk(value, into);
  }
  return into;
}
const sorted = (set: Set<string>) => [...set].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The text from just after a call's "(" to its ")", nested brackets and strings skipped over. */
function callArguments(code: string, start: number): string {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      i = code.indexOf(ch, i + 1);
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) {
      if (depth === 0) return code.slice(start, i);
      depth--;
    }
  }
  throw new Error('unbalanced call');
}

/** Top-level comma-separated parts of a text. */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

interface Use {
  id: string;
  /** The names the call passes, or undefined when it passes none. */
  args: string[] | undefined;
  where: string;
}

/** Every t('id', { … }) in the Mini App's source. */
function uses(): { found: Use[]; unreadable: string[] } {
  const found: Use[] = [];
  const unreadable: string[] = [];
  for (const file of sourceFiles(src)) {
    const code = readFileSync(file, 'utf8');
    const where = path.relative(src, file);
    for (const call of code.matchAll(/(?<![\w$.])t\(/g)) {
      const [first, second] = splitTop(callArguments(code, call.index + call[0].length));
      const id = /^'([a-z][\w-]*)'$/.exec(first ?? '')?.[1];
      if (!id) unreadable.push(`${where}: t(${first})`);
      else {
        const args = second === undefined ? undefined : /^\{(.*)\}$/s.exec(second)?.[1];
        if (second !== undefined && args === undefined) unreadable.push(`${where}: t('${id}', ${second})`);
        found.push({ id, where, args: args === undefined ? undefined : splitTop(args).map((p) => p.split(':')[0]!.trim()) });
      }
    }
  }
  return { found, unreadable };
}

describe('the Mini App’s locales', () => {
  it('has a folder for every language of the list, and no other, each with the same files', () => {
    expect(readdirSync(localesDir).sort()).toEqual(LOCALES.map((l) => l.code).sort());
    for (const { files } of locales) expect(files).toEqual(ru!.files);
    expect(ru!.files.length).toBeGreaterThan(3);
  });

  it('parses every file without a single error or a lost entry', () => {
    for (const { errors, written, messages } of locales) {
      expect(errors).toEqual([]);
      expect(messages.map((m) => m.id)).toEqual(written);
    }
    expect(ru!.ids.length).toBeGreaterThan(100);
  });

  it('defines the same messages in every language, each with a value, the same variables and the same variants', () => {
    for (const { locale, ids, bundle, messages } of locales) {
      expect([...ids].sort(), locale).toEqual([...ru!.ids].sort());
      expect(messages.filter((m) => m.value === null).map((m) => m.id)).toEqual([]);
      for (const message of ru!.messages) {
        const mine = walk(bundle.getMessage(message.id)!.value);
        const theirs = walk(message.value);
        expect(sorted(mine.vars), `${locale}: ${message.id}`).toEqual(sorted(theirs.vars));
        // Plural forms differ between languages (Russian has few and many); the variants of a code do not.
        if (!theirs.vars.has('count')) expect(sorted(mine.variants), `${locale}: ${message.id}`).toEqual(sorted(theirs.variants));
      }
    }
  });

  it('formats every message without an error', () => {
    for (const { locale, bundle, messages } of locales) {
      for (const message of messages) {
        const args = Object.fromEntries([...walk(message.value).vars].map((n) => [n, 2]));
        const errors: Error[] = [];
        bundle.formatPattern(message.value!, args, errors);
        expect(errors, `${locale}: ${message.id}`).toEqual([]);
      }
    }
  });

  it('has every text the screens ask for, given exactly the values it names, and none that no screen asks for', () => {
    const { found, unreadable } = uses();
    expect(unreadable).toEqual([]);
    expect(found.length).toBeGreaterThan(100);
    for (const { locale, bundle } of locales) {
      expect(found.filter((u) => !bundle.hasMessage(u.id)).map((u) => `${u.where}: ${u.id}`), locale).toEqual([]);
    }
    for (const use of found) {
      const vars = sorted(walk(ru!.bundle.getMessage(use.id)?.value).vars);
      expect(use.args ? [...use.args].sort() : [], `${use.where}: ${use.id}`).toEqual(vars);
    }
    const asked = new Set(found.map((u) => u.id));
    expect(ru!.ids.filter((id) => !asked.has(id))).toEqual([]);
  });

  it('falls back to the text’s name, not a blank, when a text is missing', () => {
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(ru!.t('no-such-text')).toBe('no-such-text');
    } finally {
      console.error = log;
    }
    expect(errors).toHaveLength(1);
  });
});
