import { badRequest } from './state.js';
import type { UploadedFile } from './state.js';

export type ParsedRequest =
  | { kind: 'method'; token: string; method: string; params: Record<string, unknown> }
  | { kind: 'file'; token: string; filePath: string }
  | { kind: 'not-found' };

// Fields whose values are free text: a caption "123" must stay a string when a form is decoded.
const TEXT_FIELDS = new Set([
  'text', 'caption', 'parse_mode', 'title', 'description', 'short_description', 'name', 'query', 'url',
  'callback_query_id', 'inline_message_id', 'business_connection_id', 'message_effect_id', 'file_id', 'action',
  'language_code', 'secret_token', 'ip_address', 'emoji', 'performer', 'first_name', 'last_name',
  'phone_number', 'vcard', 'address', 'question', 'photo', 'document', 'video', 'audio', 'voice', 'animation',
  'sticker', 'thumbnail', 'certificate',
]);

/** Decodes one form or query field the way a handler wants it: JSON-typed fields parsed, text kept. */
export function decodeField(key: string, value: string): unknown {
  if (TEXT_FIELDS.has(key)) return value;
  if (/^\s*[[{]/.test(value) || /^-?\d+(\.\d+)?$/.test(value) || value === 'true' || value === 'false') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value; // left for the method to reject as Telegram would
    }
  }
  return value;
}

interface Part {
  name: string;
  filename?: string;
  mime?: string;
  body: Buffer;
}

/** Percent-decoding as TDLib's url_decode (no '+' to space); a malformed escape stays as typed. */
function percentDecode(value: string): string {
  if (!value.includes('%')) return value;
  const bytes = Buffer.from(value, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes.subarray(i + 1, i + 3).toString('latin1');
    if (bytes[i] === 0x25 && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(bytes[i]!);
  }
  return Buffer.from(out).toString('utf8');
}

/**
 * Content-Disposition parameters read the way Telegram's server reads them (TDLib HttpReader): a quoted
 * string with backslash escapes, or a token up to the next ';', then percent-decoded. grammY writes the
 * file name unquoted and unescaped, so a name with ';' is cut there and "%41" becomes "A", as in production.
 */
function dispositionParams(header: string): Map<string, string> {
  const fail = (message: string): never => {
    throw badRequest(message);
  };
  if (!header.startsWith('form-data;')) fail('expected form-data content disposition');
  const params = new Map<string, string>();
  let rest = header.slice('form-data;'.length);
  for (;;) {
    rest = rest.trim();
    const eq = rest.indexOf('=');
    if (eq === -1) break;
    const key = rest.slice(0, eq).trim();
    rest = rest.slice(eq + 1).trimStart();
    let value = '';
    if (rest.startsWith('"')) {
      let pos = 1;
      for (;;) {
        if (pos >= rest.length) fail('unclosed quoted string in Content-Disposition header');
        let c = rest[pos++]!;
        if (c === '"') break;
        if (c === '\\') {
          if (pos >= rest.length) fail('wrong escape sequence in Content-Disposition header');
          c = rest[pos++]!;
        }
        value += c;
      }
      rest = rest.slice(pos).trimStart();
      if (rest) {
        if (!rest.startsWith(';')) fail("expected ';' in Content-Disposition header");
        rest = rest.slice(1);
      }
    } else {
      const semicolon = rest.indexOf(';');
      value = (semicolon === -1 ? rest : rest.slice(0, semicolon)).trim();
      rest = semicolon === -1 ? '' : rest.slice(semicolon + 1);
    }
    params.set(key, percentDecode(value));
  }
  return params;
}

/**
 * A multipart/form-data reader. grammY writes part headers as `content-disposition:form-data;name="x"`
 * (no spaces, unquoted filename), which undici's Request.formData() rejects ("Failed to parse body as
 * FormData"); Telegram accepts it, so the fake must too.
 */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]!.trim()}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break;
    const headerStart = body.indexOf('\r\n', pos) + 2;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerStart < 2 || headerEnd === -1) break;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next === -1) break;
    const headers = new Map<string, string>();
    for (const line of body.subarray(headerStart, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = dispositionParams(headers.get('content-disposition') ?? '');
    const name = disposition.get('name');
    if (!name) throw badRequest('field name in multipart/form-data not found');
    parts.push({ name, filename: disposition.get('filename'), mime: headers.get('content-type'), body: body.subarray(headerEnd + 4, next) });
    pos = next + 2;
  }
  return parts;
}

/** Replaces `attach://name` references (at any depth, e.g. inside sendMediaGroup's media) with the files. */
function attachFiles(value: unknown, files: Map<string, UploadedFile>, used: Set<string>): unknown {
  if (typeof value === 'string' && value.startsWith('attach://')) {
    const name = value.slice('attach://'.length);
    const file = files.get(name);
    if (!file) return value;
    used.add(name);
    return file;
  }
  if (Array.isArray(value)) return value.map((v) => attachFiles(v, files, used));
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, attachFiles(v, files, used)]));
  }
  return value;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).bytes);
}

function formToParams(parts: Part[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  for (const part of parts) {
    if (part.filename !== undefined) {
      files.set(part.name, { filename: part.filename, bytes: Buffer.from(part.body), mime: part.mime ?? 'application/octet-stream' });
    } else {
      params[part.name] = decodeField(part.name, part.body.toString('utf8'));
    }
  }
  const used = new Set<string>();
  const resolved = attachFiles(params, files, used) as Record<string, unknown>;
  // A file part named like the parameter itself (curl -F document=@file.pdf) is the parameter.
  for (const [name, file] of files) if (!used.has(name) && !(name in resolved)) resolved[name] = file;
  return resolved;
}

async function readParams(request: Request): Promise<Record<string, unknown>> {
  const url = new URL(request.url);
  const params: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) params[key] = decodeField(key, value);
  if (request.method === 'GET' || request.method === 'HEAD') return params;
  const contentType = request.headers.get('content-type') ?? '';
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length === 0) return params;
  if (contentType.includes('multipart/form-data')) return { ...params, ...formToParams(parseMultipart(body, contentType)) };
  if (contentType.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params[key] = decodeField(key, value);
    return params;
  }
  try {
    const json = JSON.parse(body.toString('utf8')) as unknown;
    if (json && typeof json === 'object' && !Array.isArray(json)) return { ...params, ...(json as Record<string, unknown>) };
  } catch {
    // Telegram ignores a body it cannot read; the method then reports what is missing.
  }
  return params;
}

/** Splits `{apiRoot}/bot{token}/{method}` and `{apiRoot}/file/bot{token}/{path}`. */
export async function parseBotApiRequest(request: Request, apiRoot: string): Promise<ParsedRequest> {
  const rootPath = new URL(apiRoot).pathname.replace(/\/$/, '');
  const path = new URL(request.url).pathname.slice(rootPath.length);
  const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(path);
  if (file) return { kind: 'file', token: decodeURIComponent(file[1]!), filePath: decodeURIComponent(file[2]!) };
  const call = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(path);
  if (!call) return { kind: 'not-found' };
  return { kind: 'method', token: decodeURIComponent(call[1]!), method: call[2]!, params: await readParams(request) };
}
