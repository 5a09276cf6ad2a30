import { PDFDocument } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../../core/errors.js';
import { inspectPdf, PDF_LIMITS } from '../../../core/documents/pdf.js';
import { encryptedPdf, pdfWithInflationBomb, pdfWithPages, plainHandmadePdf } from '../../support/document-fixtures.js';

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('inspectPdf', () => {
  it('counts the pages of a PDF made by pdf-lib', async () => {
    await expect(inspectPdf(await pdfWithPages(3))).resolves.toEqual({ pageCount: 3 });
  });

  it('refuses a PDF whose trailer has /Encrypt, and accepts the same file without it', async () => {
    // The fixture must be one pdf-lib itself calls encrypted, or this test would prove nothing.
    await expect(PDFDocument.load(encryptedPdf())).rejects.toThrow(/encrypted/);
    expect((await refusal(inspectPdf(encryptedPdf()))).code).toBe('pdf_encrypted');
    await expect(inspectPdf(plainHandmadePdf())).resolves.toEqual({ pageCount: 1 });
  });

  it('refuses garbage that merely starts with %PDF as broken', async () => {
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 'not a pdf at all ')]);
    expect((await refusal(inspectPdf(garbage))).code).toBe('pdf_broken');
  });

  it('refuses a PDF cut off before its page tree as broken', async () => {
    const whole = await pdfWithPages(2);
    expect((await refusal(inspectPdf(whole.subarray(0, 40)))).code).toBe('pdf_broken');
  });

  it('refuses a small PDF whose object stream would inflate past the limit, instead of inflating it', async () => {
    const bomb = pdfWithInflationBomb(100);
    expect(bomb.length).toBeLessThan(200_000);
    // Unguarded pdf-lib inflates all 100 MB and calls the file fine: the limit is what refuses it.
    const quiet = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await PDFDocument.load(bomb)).getPageCount()).toBe(1);
    quiet.mockRestore();
    const err = await refusal(inspectPdf(bomb, { ...PDF_LIMITS, maxDecodedStreamBytes: 16 * 1024 * 1024 }));
    expect(err.code).toBe('pdf_broken');
    expect(err.details).toEqual({ reason: 'stream_too_large' });
  });

  it('stops a parse that outlives the time limit and refuses the file', async () => {
    const bomb = pdfWithInflationBomb(100);
    const err = await refusal(inspectPdf(bomb, { ...PDF_LIMITS, timeoutMs: 20, maxDecodedStreamBytes: Number.MAX_SAFE_INTEGER }));
    expect(err.details).toEqual({ reason: 'timeout' });
  });

  it('leaves the caller’s buffer intact after handing a copy to the worker', async () => {
    const pdf = await pdfWithPages(1);
    const before = Buffer.from(pdf);
    await inspectPdf(pdf);
    expect(pdf.equals(before)).toBe(true);
  });
});
