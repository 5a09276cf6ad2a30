import { DomainError } from '../errors.js';
import { detectType } from '../documents/detect.js';
import { imageMegapixels, processImage, tuneSharpForUploads } from '../documents/images.js';
import { createLimiter } from '../documents/limiter.js';
import { MAX_FILE_BYTES } from '../documents/service.js';
import { storageKeyFor, type FileStorage } from '../documents/storage.js';

export type ChatPhotoErrorCode = 'file_too_big' | 'empty_file' | 'heic' | 'unsupported_type' | 'image_too_large' | 'image_broken' | 'busy';

/**
 * Photos in the chat go through the documents' checks (real type from the bytes, pixel bomb, truncated data) and are
 * re-encoded the same way, which also drops EXIF with its GPS position before a doctor or a patient sees the picture.
 * Decodes run a few megapixels at a time: the chat has its own small budget beside the documents' one.
 */
export function createChatPhotos(storage: FileStorage, opts: { maxMegapixels?: number; maxQueued?: number } = {}) {
  tuneSharpForUploads();
  const limiter = createLimiter({
    concurrency: 2,
    capacity: opts.maxMegapixels ?? 25,
    maxQueue: opts.maxQueued ?? 16,
    rejectWhenFull: () => new DomainError('busy'),
  });

  return {
    /** Checks, cleans and stores one photo; returns its storage key. Refusals are DomainErrors with a ChatPhotoErrorCode. */
    async store(bytes: Buffer): Promise<string> {
      if (bytes.length > MAX_FILE_BYTES) throw new DomainError('file_too_big');
      const type = await detectType(bytes);
      // A PDF is a document: the chat takes pictures only.
      if (type.kind !== 'image') throw new DomainError('unsupported_type', { detected: 'pdf' });
      const weight = await imageMegapixels(bytes);
      const image = await limiter.run(() => processImage(bytes, type.format), weight);
      const key = storageKeyFor(image.data, image.mime === 'image/png' ? 'png' : 'jpg');
      await storage.put(key, image.data);
      return key;
    },
    read: (key: string) => storage.read(key),
    remove: (key: string) => storage.remove(key),
  };
}

export type ChatPhotos = ReturnType<typeof createChatPhotos>;
