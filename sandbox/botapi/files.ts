import type { Document, File, PhotoSize } from 'grammy/types';
import { isUploadedFile } from './request.js';
import { BotApiError, badRequest } from './state.js';
import type { FakeState, MethodContext, MethodHandler, SentFile, StoredFile } from './state.js';

/** Bots download at most 20 MB (getFile) and upload at most 50 MB. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface AddFileOptions {
  fileUniqueId?: string;
  filePath?: string;
  fileSize?: number;
  /** Makes the file_id valid for this bot only, as file_ids are in Telegram. */
  token?: string;
}

export function storeFile(state: FakeState, bytes: Buffer, opts: AddFileOptions = {}): StoredFile {
  const n = ++state.counters.file;
  const serial = String(n).padStart(6, '0');
  const file: StoredFile = {
    // Shaped like real ids (base64url, version prefix) so code that stores them meets realistic lengths.
    fileId: `BQACAgIAAxkBAAI${serial}ZmFrZS1maWxl${Buffer.from(String(n)).toString('base64url')}`,
    fileUniqueId: opts.fileUniqueId ?? `AgAD${serial}`,
    bytes,
    size: opts.fileSize ?? bytes.length,
    filePath: opts.filePath ?? `documents/file_${n}`,
    owner: opts.token,
  };
  state.files.set(file.fileId, file);
  return file;
}

function extension(filename: string): string {
  return /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1]?.toLowerCase() ?? '';
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif',
  webp: 'image/webp', heic: 'image/heic', heif: 'image/heif', tif: 'image/tiff', tiff: 'image/tiff',
  txt: 'text/plain', csv: 'text/csv', zip: 'application/zip', json: 'application/json', mp4: 'video/mp4',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dcm: 'application/dicom',
};

/** Telegram sets a document's mime_type from its name; grammY always uploads as application/octet-stream. */
export function mimeFor(filename: string, declared?: string): string {
  return MIME_BY_EXTENSION[extension(filename)] ?? (declared && declared !== 'application/octet-stream' ? declared : 'application/octet-stream');
}

/** Width and height of a JPEG, PNG, GIF or WebP; undefined when the bytes are not such an image. */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length >= 10 && bytes.subarray(0, 3).toString('latin1') === 'GIF') return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if (bytes.length >= 30 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    const chunk = bytes.subarray(12, 16).toString('latin1');
    if (chunk === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
    if (chunk === 'VP8L') {
      const bits = bytes.readUInt32LE(21);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
    }
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let pos = 2;
    while (pos + 9 < bytes.length && bytes[pos] === 0xff) {
      const marker = bytes[pos + 1]!;
      const length = bytes.readUInt16BE(pos + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: bytes.readUInt16BE(pos + 7), height: bytes.readUInt16BE(pos + 5) };
      }
      pos += 2 + length;
    }
  }
  return undefined;
}

/**
 * The PhotoSize ladder Telegram derives from a photo sent "as photo" (boxes s 90, m 320, x 800, y 1280), smallest
 * first. Every size is backed by the original bytes: the fake neither resizes nor re-encodes to JPEG.
 */
export function photoSizes(state: FakeState, source: StoredFile, width: number, height: number): PhotoSize[] {
  const longest = Math.max(width, height, 1);
  const boxes = [90, 320, 800].filter((box) => box < longest);
  boxes.push(Math.min(longest, 1280));
  return boxes.map((box, index) => {
    const scale = Math.min(1, box / longest);
    const isLargest = index === boxes.length - 1;
    const file = isLargest ? source : storeFile(state, source.bytes, { token: source.owner, filePath: source.filePath.replace(/(\.\w+)?$/, `_${box}$1`) });
    return {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: isLargest ? file.size : Math.max(1, Math.round(file.size * scale * scale)),
      width: Math.max(1, Math.round(width * scale)),
      height: Math.max(1, Math.round(height * scale)),
    };
  });
}

/** A file_id this bot may use, or the Bot API's error for it. */
export function knownFile(ctx: MethodContext, fileId: string): StoredFile | undefined {
  const file = ctx.state.files.get(fileId);
  return file && (file.owner === undefined || file.owner === ctx.token) ? file : undefined;
}

export type InputMedia =
  | { kind: 'stored'; file: StoredFile; filename?: string; mime?: string; isNew: boolean }
  | { kind: 'url'; url: string };

/** Resolves a photo/document parameter: an upload (registered for a later getFile), a file_id, or a URL. */
export function resolveInputFile(ctx: MethodContext, value: unknown, kind: 'photo' | 'document'): InputMedia {
  if (isUploadedFile(value)) {
    if (value.bytes.length > MAX_UPLOAD_BYTES) throw new BotApiError(413, 'Request Entity Too Large');
    if (kind === 'photo' && !imageSize(value.bytes)) throw badRequest('IMAGE_PROCESS_FAILED');
    const n = ctx.state.counters.file + 1;
    const filePath = kind === 'photo' ? `photos/file_${n}.jpg` : `documents/file_${n}${extension(value.filename) ? `.${extension(value.filename)}` : ''}`;
    const file = storeFile(ctx.state, value.bytes, { token: ctx.token, filePath });
    return { kind: 'stored', file, filename: value.filename, mime: mimeFor(value.filename, value.mime), isNew: true };
  }
  const id = typeof value === 'string' ? value.trim() : '';
  if (/^https?:\/\//i.test(id)) return { kind: 'url', url: id };
  const file = id ? knownFile(ctx, id) : undefined;
  if (!file) throw badRequest('wrong file identifier/HTTP URL specified');
  return { kind: 'stored', file, isNew: false };
}

export function sentFile(kind: 'photo' | 'document', input: InputMedia, fileId: string, filename?: string, mime?: string): SentFile {
  return input.kind === 'url' ? { kind, fileId, filename, mime } : { kind, fileId, filename, mime, bytes: input.file.bytes };
}

export function documentFor(ctx: MethodContext, input: InputMedia, previous?: Document): Document {
  if (input.kind === 'url') {
    const name = decodeURIComponent(new URL(input.url).pathname.split('/').pop() || 'file');
    const file = storeFile(ctx.state, Buffer.alloc(0), { token: ctx.token });
    return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_name: name, mime_type: mimeFor(name), file_size: 0 };
  }
  const name = input.filename ?? previous?.file_name;
  return {
    file_id: input.file.fileId,
    file_unique_id: input.file.fileUniqueId,
    ...(name ? { file_name: name } : {}),
    ...(input.mime ?? previous?.mime_type ? { mime_type: input.mime ?? previous?.mime_type } : {}),
    file_size: input.file.size,
  };
}

export function getFile(ctx: MethodContext): File {
  const fileId = typeof ctx.params.file_id === 'string' ? ctx.params.file_id : '';
  const file = knownFile(ctx, fileId);
  if (!file) throw badRequest('invalid file_id');
  if (file.size > MAX_DOWNLOAD_BYTES) throw badRequest('file is too big');
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, file_path: file.filePath };
}

/** `GET {apiRoot}/file/bot{token}/{file_path}`: the bytes, or Telegram's 404. */
export function downloadFile(state: FakeState, token: string, filePath: string): Buffer | undefined {
  for (const file of state.files.values()) {
    if (file.filePath === filePath && (file.owner === undefined || file.owner === token) && file.size <= MAX_DOWNLOAD_BYTES) {
      return file.bytes;
    }
  }
  return undefined;
}

export const fileMethods: Record<string, MethodHandler> = { getfile: getFile };
