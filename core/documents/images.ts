import sharp, { type JpegOptions, type SharpOptions } from 'sharp';
import type { ImageFormat } from './detect.js';
import { documentError } from './errors.js';

/** Larger images are refused before decoding: 100 MP is ~300 MB of pixels, far beyond any phone or scanner page. */
export const MAX_INPUT_PIXELS = 100_000_000;
/** Long side of the stored image: keeps a scanned page legible while bounding what doctors download. */
export const MAX_LONG_SIDE = 4096;
export const THUMBNAIL_LONG_SIDE = 320;
export const JPEG_QUALITY = 85;
export const THUMBNAIL_QUALITY = 80;

export type ImageMime = 'image/jpeg' | 'image/png';

export interface ProcessedImage {
  data: Buffer;
  mime: ImageMime;
  width: number;
  height: number;
  /** JPEG, at most THUMBNAIL_LONG_SIDE on its long side. */
  thumbnail: Buffer;
}

/**
 * Input options for untrusted uploads. failOn 'error' refuses truncated and undecodable data (a half-grey
 * scan must not reach a doctor) yet accepts the harmless warnings many phone JPEGs carry.
 */
export const inputOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' } as const satisfies SharpOptions;

const WHITE = { r: 255, g: 255, b: 255 };

/**
 * Huffman optimisation makes libjpeg keep every DCT coefficient of the image for a second pass: measured
 * on 12 MP photos it cost ~70 MB of peak RSS per encode and 40% more time for 11% smaller files.
 */
export const mainJpegOptions = { quality: JPEG_QUALITY, mozjpeg: false, optimiseCoding: false } as const satisfies JpegOptions;

let tuned = false;

/**
 * Process-wide sharp settings for a server of unique uploads: libvips' operation cache would keep up to
 * 50 MB of pixels of images that never come again, so it is off. Thread count is left to sharp, which
 * already uses one libvips thread per image on glibc to limit heap fragmentation.
 */
export function tuneSharpForUploads(): void {
  if (tuned) return;
  sharp.cache(false);
  tuned = true;
}

/**
 * Pixel count from the header alone, in megapixels: what decoding will cost in memory (about 3-4 MB per
 * megapixel, twice that when a rotation needs the whole image). Refuses a pixel bomb or an unreadable header.
 */
export async function imageMegapixels(bytes: Buffer): Promise<number> {
  try {
    const { width, height } = await sharp(bytes, inputOptions).metadata();
    return (width * height) / 1e6;
  } catch (err) {
    throw toImageError(err);
  }
}

/**
 * Orients by EXIF, caps the long side, drops every piece of metadata (EXIF with GPS, XMP, IPTC; colour is
 * converted to sRGB so the ICC profile is not needed) and re-encodes. PNG stays PNG: scans of text
 * stay lossless. Refuses pixel bombs (image_too_large) and undecodable data (image_broken).
 */
export async function processImage(bytes: Buffer, format: ImageFormat): Promise<ProcessedImage> {
  try {
    const pipeline = sharp(bytes, inputOptions)
      .rotate()
      .resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      format === 'png'
        ? pipeline.png()
        : // JPEG has no alpha: transparent WebP areas become white paper, not libvips' default black.
          pipeline.flatten({ background: WHITE }).jpeg(mainJpegOptions);
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    // From the processed image rather than the upload: it is already upright and at most 4096 px, and
    // a JPEG shrinks on load, so this second decode is a fraction of the first.
    const thumbnail = await sharp(data, inputOptions)
      .resize({ width: THUMBNAIL_LONG_SIDE, height: THUMBNAIL_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: WHITE })
      .jpeg({ quality: THUMBNAIL_QUALITY, mozjpeg: false })
      .toBuffer();
    return {
      data,
      mime: format === 'png' ? 'image/png' : 'image/jpeg',
      width: info.width,
      height: info.height,
      thumbnail,
    };
  } catch (err) {
    throw toImageError(err);
  }
}

function toImageError(err: unknown): Error {
  const message = err instanceof Error ? err.message : '';
  // sharp reports the limit only through its message; it is checked from the header, before any pixel is decoded.
  const error = message.includes('exceeds pixel limit')
    ? documentError('image_too_large', { maxPixels: MAX_INPUT_PIXELS })
    : documentError('image_broken');
  // Kept for the logs: libvips' own words tell a corrupt upload from, say, memory exhaustion.
  error.cause = err;
  return error;
}
