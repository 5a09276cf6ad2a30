import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../core/errors.js';
import { detectType } from '../../../core/documents/detect.js';
import { heifHeader, pdfWithPages, windowsExecutable } from '../../support/document-fixtures.js';

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

const image = (format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'tiff') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
    .toFormat(format)
    .toBuffer();

describe('detectType', () => {
  it('recognises the accepted formats from their bytes', async () => {
    expect(await detectType(await image('jpeg'))).toEqual({ kind: 'image', format: 'jpeg' });
    expect(await detectType(await image('png'))).toEqual({ kind: 'image', format: 'png' });
    expect(await detectType(await image('webp'))).toEqual({ kind: 'image', format: 'webp' });
    expect(await detectType(await pdfWithPages(1))).toEqual({ kind: 'pdf' });
  });

  it('refuses an empty file', async () => {
    expect((await refusal(detectType(Buffer.alloc(0)))).code).toBe('empty_file');
  });

  it('refuses HEIC and HEIF with their own code, so the patient can be asked to send a photo instead', async () => {
    for (const brand of ['heic', 'mif1'] as const) expect((await refusal(detectType(heifHeader(brand)))).code).toBe('heic');
  });

  it('names what an unsupported file really is', async () => {
    const exe = await refusal(detectType(windowsExecutable()));
    expect(exe.code).toBe('unsupported_type');
    expect(exe.details).toEqual({ detected: 'exe' });
    for (const format of ['gif', 'avif', 'tiff'] as const) {
      const err = await refusal(detectType(await image(format)));
      expect(err.details.detected).toBe(format === 'tiff' ? 'tif' : format);
    }
  });

  it('calls bytes it cannot identify unknown', async () => {
    const err = await refusal(detectType(Buffer.from('Анализ крови: гемоглобин 130 г/л\n')));
    expect(err).toMatchObject({ code: 'unsupported_type', details: { detected: 'unknown' } });
  });
});
