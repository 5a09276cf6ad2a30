import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { PATIENT_COMMANDS } from '../../bot/patient/index.js';
import { LOCALES } from '../../bot/shared/i18n.js';
import { STAFF_ERROR_CODES } from '../../bot/staff/consultations/errors.js';
import { SLOTS_ERROR_CODES } from '../../bot/staff/slots/errors.js';
import { STAFF_COMMANDS } from '../../bot/staff/index.js';
import { STAFF_ROLES } from '../../core/staff/repository.js';
import { escapeArgs } from '../../bot/shared/html.js';
import { parseHtml } from '../../sandbox/botapi/text.js';

type Message = NonNullable<ReturnType<FluentBundle['getMessage']>>;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const botDir = path.join(root, 'bot');

/** Every .ftl under a folder, nested folders included, in a stable order. */
function ftlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return ftlFiles(full);
      return name.endsWith('.ftl') ? [full] : [];
    });
}

function load(locale: string) {
  // Each bot feature keeps its texts in its own file (bot/locales/<locale>/{patient,staff,shared}/<feature>.ftl);
  // @grammyjs/i18n walks the nested folders and joins every file of a locale the same way.
  const files = ftlFiles(path.join(botDir, 'locales', locale));
  const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  const resource = new FluentResource(text);
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(resource);
  // The runtime parser skips an entry it cannot parse without a word; the ids written in the file show what it lost.
  const written = [...text.matchAll(/^(-?[a-zA-Z][\w-]*)[ \t]*=/gm)].map((m) => m[1]!);
  const messages = resource.body.filter((entry): entry is Message => !entry.id.startsWith('-'));
  return { files, text, resource, bundle, errors, written, ids: messages.map((m) => m.id), messages };
}

const ru = load('ru');
const en = load('en');

type Node = unknown;
/** Variables a pattern refers to, through selectors, variants and function arguments. */
function variables(node: Node, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n: Node) => variables(n, into));
  else if (node && typeof node === 'object') {
    const n = node as { type?: string; name?: string };
    if (n.type === 'var' && n.name) into.add(n.name);
    for (const value of Object.values(node)) variables(value, into);
  }
  return into;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** The text of a call's arguments from just after its "(", with strings and nested brackets skipped over. */
function argumentsFrom(src: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = start; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      let braces = 0;
      while (j < src.length && !(src[j] === ch && braces === 0)) {
        if (src[j] === '\\') j++;
        else if (ch === '`' && src[j] === '$' && src[j + 1] === '{') braces++;
        else if (ch === '`' && src[j] === '}' && braces > 0) braces--;
        j++;
      }
      current += src.slice(i, j + 1);
      i = j;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) {
      if (depth === 0) {
        args.push(current.trim());
        return args;
      }
      depth--;
    }
    if (ch === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  throw new Error('unbalanced call');
}

const quoted = (text: string) => [...text.matchAll(/'([^'\\]*)'|"([^"\\]*)"/g)].map((m) => m[1] ?? m[2]!);

/** Keys whose name is built at run time, with every name they can take. */
const TEMPLATE_KEYS: Record<string, string[]> = {
  'rel-${relation}': ['rel-self', 'rel-child', 'rel-relative'],
  'lang-btn-${locale}': LOCALES.map((l) => `lang-btn-${l}`),
  'cmd-${command}': [...PATIENT_COMMANDS, ...STAFF_COMMANDS].map((c) => `cmd-${c}`),
  'staff-role-${member.role}': STAFF_ROLES.map((r) => `staff-role-${r}`),
  "docs-${err.code.replaceAll('_', '-')}": fileErrorCodes().map((code) => `docs-${code.replaceAll('_', '-')}`),
  "staff-err-${err.code.replaceAll('_', '-')}": STAFF_ERROR_CODES.map((code) => `staff-err-${code.replaceAll('_', '-')}`),
  "slots-err-${refused.code.replaceAll('_', '-')}": SLOTS_ERROR_CODES.map((code) => `slots-err-${code.replaceAll('_', '-')}`),
};

/** The upload's own file errors, each shown as docs-<code> (bot/patient/documents/upload.ts). */
function fileErrorCodes(): string[] {
  const src = readFileSync(path.join(botDir, 'patient/documents/upload.ts'), 'utf8');
  const set = /const fileErrors = new Set\(\[([\s\S]*?)\]\)/.exec(src);
  if (!set) throw new Error('fileErrors not found in upload.ts');
  return quoted(set[1]!);
}

/** Domain errors a person can meet while typing their details; domainErrorText shows code a_b as message a-b. */
function personDetailErrorCodes(): string[] {
  const files = [
    ...['full-name.ts', 'birth-date.ts', 'phone.ts', 'service.ts'].map((f) => path.join(root, 'core/patients', f)),
    path.join(root, 'core/staff/invites.ts'),
  ];
  const codes = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/new DomainError\('([a-z_]+)'/g)].map((m) => m[1]!));
  // An update of a profile that is gone happens inside the edit conversation, which says profile-not-found itself.
  return codes.filter((code) => code !== 'patient_not_found');
}

/**
 * Refusals of scheduling, video and conclusions: every one the staff bot can meet must be among the codes it has a
 * text for (a patient-only refusal excepted), or a doctor would get "something went wrong" for a plain "no".
 */
function staffFacingErrorCodes(): string[] {
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  const thrown = (src: string) => [...src.matchAll(/new DomainError(?:<\w+>)?\('([a-z_]+)'/g)].map((m) => m[1]!);
  const union = /export type ConclusionErrorCode =([^;]+);/.exec(read('core/conclusions/service.ts'));
  if (!union) throw new Error('ConclusionErrorCode not found in core/conclusions/service.ts');
  const patientOnly = ['consultation_started'];
  return [...thrown(read('core/scheduling/service.ts')), ...thrown(read('core/video/service.ts')), ...quoted(union[1]!)].filter(
    (code) => !patientOnly.includes(code),
  );
}

interface KeyUse {
  key: string;
  where: string;
}

function keysUsedInBot(): { keys: KeyUse[]; templates: KeyUse[]; unreadable: KeyUse[] } {
  const keys: KeyUse[] = [];
  const templates: KeyUse[] = [];
  const unreadable: KeyUse[] = [];
  for (const file of sourceFiles(botDir)) {
    const src = readFileSync(file, 'utf8');
    const where = path.relative(root, file);
    for (const call of src.matchAll(/(?<![\w$])(t|hears)\(/g)) {
      const args = argumentsFrom(src, call.index + call[0].length);
      // i18n.t(locale, key) names the locale first.
      const arg = /^[\w.]+$/.test(args[0] ?? '') && args.length > 1 && /^['"`]/.test(args[1]!) ? args[1]! : args[0]!;
      if (arg.startsWith('`')) templates.push({ key: arg.slice(1, -1), where });
      else if (/^'[^']*'$|^"[^"]*"$/.test(arg)) keys.push({ key: arg.slice(1, -1), where });
      else if (arg.includes('?') && quoted(arg).length > 0) {
        for (const key of quoted(arg.slice(arg.indexOf('?')))) keys.push({ key, where });
      } else unreadable.push({ key: arg, where });
    }
    // Keys kept in tables (menu buttons, field labels) and passed to t() by variable.
    const callbackPrefixes = new Set([...src.matchAll(/createCallbackData\('([^']+)'/g)].map((m) => m[1]!));
    const modules = new Set([...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]!));
    for (const literal of src.matchAll(/'([a-z][a-z0-9]*(?:-[a-z0-9_]+)+)'/g)) {
      const key = literal[1]!;
      if (callbackPrefixes.has(key) || modules.has(key) || key === 'content-length') continue;
      keys.push({ key, where });
    }
  }
  return { keys, templates, unreadable };
}

describe('locales', () => {
  it('both files parse without a single error or a lost entry', () => {
    for (const { errors, written, resource } of [ru, en]) {
      expect(errors).toEqual([]);
      expect(resource.body.map((entry) => entry.id)).toEqual(written);
    }
    expect(ru.ids.length).toBeGreaterThan(100);
  });

  it('ru and en are split into the same files, one per bot and feature', () => {
    const relative = (locale: string, files: string[]) => files.map((f) => path.relative(path.join(botDir, 'locales', locale), f));
    const ruFiles = relative('ru', ru.files);
    expect(relative('en', en.files)).toEqual(ruFiles);
    for (const file of ruFiles) expect(file, 'a text file sits under patient/, staff/ or shared/').toMatch(/^(patient|staff|shared)\/[a-z-]+\.ftl$/);
    // Each file holds the same keys in both languages, so a key is found where its feature is.
    const keysOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^([a-zA-Z][\w-]*)[ \t]*=/gm)].map((m) => m[1]!).sort();
    ru.files.forEach((file, i) => expect(keysOf(en.files[i]!), ruFiles[i]).toEqual(keysOf(file)));
  });

  it('ru and en define exactly the same messages, each with a value', () => {
    expect([...en.ids].sort()).toEqual([...ru.ids].sort());
    for (const { messages } of [ru, en]) expect(messages.filter((m) => m.value === null).map((m) => m.id)).toEqual([]);
  });

  it('a message uses the same variables in both languages, and formats without errors', () => {
    for (const message of ru.messages) {
      const other = en.bundle.getMessage(message.id)!;
      const names = variables(message.value);
      // Russian declines names and agrees verbs with them (nameGen, nameDat, nameAcc, nameGender); English needs only the name.
      const base = (n: string) => n.replace(/(Gen|Dat|Acc|Gender)$/, '');
      const comparable = (all: Set<string>) => [...new Set([...all].map(base))].sort();
      expect(comparable(variables(other.value)), message.id).toEqual(comparable(names));
      const args = Object.fromEntries([...names, ...[...names].map(base)].map((n) => [n, 2]));
      for (const { bundle } of [ru, en]) {
        const errors: Error[] = [];
        bundle.formatPattern(bundle.getMessage(message.id)!.value!, args, errors);
        expect(errors, `${bundle.locales[0]}: ${message.id}`).toEqual([]);
      }
    }
  });

  it('every message is Telegram HTML: only its tags, balanced, & < > written as entities, whatever the arguments', () => {
    // Bot texts are sent with parse_mode HTML (bot/shared/html.ts); Telegram refuses the whole message over one stray "<".
    // Several argument sets walk the plural and select variants; string arguments arrive escaped, as ctx.t passes them.
    const samples: Array<string | number> = [1, 2, 5, 0, 'yes', 'no', 'male', 'female', 'video', 'audio', '<b>&"\'Ann'];
    const bad: string[] = [];
    for (const { bundle, messages } of [ru, en]) {
      for (const message of messages) {
        const names = [...variables(message.value)];
        const base = names.map((n) => n.replace(/(Gen|Dat|Acc|Gender)$/, ''));
        for (const sample of samples) {
          const args = escapeArgs(Object.fromEntries([...names, ...base].map((n) => [n, sample])));
          const text = bundle.formatPattern(bundle.getMessage(message.id)!.value!, args, []);
          try {
            parseHtml(text);
          } catch (error) {
            bad.push(`${bundle.locales[0]}: ${message.id} (${String(sample)}): ${(error as Error).message}`);
          }
        }
      }
    }
    expect([...new Set(bad)]).toEqual([]);
  });

  it('every refusal a doctor can meet in scheduling, video and conclusions has a staff text', () => {
    const codes = staffFacingErrorCodes();
    expect(codes.length).toBeGreaterThan(15);
    expect([...new Set(codes)].filter((code) => !(STAFF_ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  it('every key the bot asks for exists in both languages', () => {
    const { keys, templates, unreadable } = keysUsedInBot();
    expect(keys.length).toBeGreaterThan(80);
    const expanded = templates.flatMap(({ key, where }) => {
      const names = TEMPLATE_KEYS[key];
      if (!names) throw new Error(`${where}: t(\`${key}\`) builds a key this test does not know how to expand; add it to TEMPLATE_KEYS`);
      expect(names.length, key).toBeGreaterThan(0);
      return names.map((name) => ({ key: name, where }));
    });
    const errorKeys = personDetailErrorCodes().map((code) => ({ key: code.replaceAll('_', '-'), where: 'core/patients' }));
    const used = [...keys, ...expanded, ...errorKeys];
    for (const locale of [ru, en]) {
      const missing = used.filter(({ key }) => !locale.bundle.hasMessage(key)).map(({ key, where }) => `${where}: ${key}`);
      expect(missing, locale.bundle.locales[0]).toEqual([]);
    }
    // A key passed by variable is fine only when the variable's values are literals that the check above saw.
    expect(unreadable.map((u) => `${u.where}: ${u.key}`).sort()).toEqual(
      [
        'bot/patient/flow-guard.ts: key',
        'bot/patient/profile/index.ts: fieldLabel[field]',
        // Literal keys of FILE_ERROR_KEYS, one per referral file error code.
        'bot/staff/referrals/import.ts: key',
        "bot/shared/domain-error-text.ts: err.code.replaceAll('_', '-')",
      ].sort(),
    );
  });
});
