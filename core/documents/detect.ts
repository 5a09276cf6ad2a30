import { fileTypeFromBuffer } from 'file-type';
import { documentError } from './errors.js';

export type ImageFormat = 'jpeg' | 'png' | 'webp';

export type DetectedType = { kind: 'image'; format: ImageFormat } | { kind: 'pdf' };

/**
 * The real type of an upload, read from its bytes. The file name and the MIME type a client claims
 * are never consulted: both are chosen by the sender.
 */
export async function detectType(bytes: Uint8Array): Promise<DetectedType> {
  if (bytes.length === 0) throw documentError('empty_file');
  const found = await fileTypeFromBuffer(bytes);
  switch (found?.ext) {
    case 'jpg':
      return { kind: 'image', format: 'jpeg' };
    // An animated PNG is still a PNG; the decoder reads its first frame like any viewer without APNG support.
    case 'png':
    case 'apng':
      return { kind: 'image', format: 'png' };
    case 'webp':
      return { kind: 'image', format: 'webp' };
    case 'pdf':
      return { kind: 'pdf' };
    // iPhones send HEIC "as file"; the bundled libvips cannot decode it, so the patient is asked to send a photo.
    case 'heic':
      throw documentError('heic');
    default:
      throw documentError('unsupported_type', { detected: found?.ext ?? 'unknown' });
  }
}
