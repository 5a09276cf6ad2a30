import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../core/errors.js';
import { MAX_INPUT_PIXELS, processImage } from '../../../core/documents/images.js';
import { gpsTags, phoneJpeg, pixel, pixelBombPng, quadrants } from '../../support/document-fixtures.js';

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

const RED = [255, 0, 0];
const BLUE = [0, 0, 255];

function near(actual: number[], expected: number[]) {
  actual.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(40));
}

describe('processImage', () => {
  it('strips EXIF with GPS, XMP and the ICC profile from a phone photo', async () => {
    const input = await phoneJpeg();
    const before = await sharp(input).metadata();
    // The fixture must really carry what is to be removed, or the assertions below prove nothing.
    expect(gpsTags(before.exif)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();
    for (const marker of ['Exif', 'GPS', 'WGS-84', 'AcmePhone', 'ns.adobe.com']) expect(input.includes(marker)).toBe(true);

    const { data, thumbnail } = await processImage(input, 'jpeg');
    for (const output of [data, thumbnail]) {
      const after = await sharp(output).metadata();
      expect(after.format).toBe('jpeg');
      expect({ exif: after.exif, icc: after.icc, xmp: after.xmp, iptc: after.iptc, orientation: after.orientation }).toEqual({});
      for (const marker of ['Exif', 'GPS', 'WGS-84', 'AcmePhone', 'ns.adobe.com', 'ICC_PROFILE']) expect(output.includes(marker)).toBe(false);
    }
  });

  it('turns a photo tagged "rotate 90°" upright, so no viewer has to read the tag', async () => {
    // Stored 64x48 with red at top left; orientation 6 means the camera was turned: shown 48x64, red at top right.
    const { data, width, height } = await processImage(await phoneJpeg({ width: 64, height: 48, orientation: 6 }), 'jpeg');
    expect({ width, height }).toEqual({ width: 48, height: 64 });
    near(await pixel(data, 40, 8), RED);
    near(await pixel(data, 8, 8), BLUE);
    near(await pixel(data, 40, 56), BLUE);
  });

  it('keeps a PNG a PNG, pixel for pixel, since scans of text must stay lossless', async () => {
    const input = await quadrants(120, 80);
    const out = await processImage(input, 'png');
    expect(out.mime).toBe('image/png');
    expect((await sharp(out.data).metadata()).format).toBe('png');
    const raw = (image: Buffer) => sharp(image).removeAlpha().raw().toBuffer();
    expect((await raw(out.data)).equals(await raw(input))).toBe(true);
    expect((await sharp(out.thumbnail).metadata()).format).toBe('jpeg');
  });

  it('re-encodes WebP as JPEG and puts transparent areas on white, not black', async () => {
    const input = await sharp({ create: { width: 40, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .webp({ lossless: true })
      .toBuffer();
    const out = await processImage(input, 'webp');
    expect(out.mime).toBe('image/jpeg');
    expect((await sharp(out.data).metadata()).format).toBe('jpeg');
    near(await pixel(out.data, 20, 20), [255, 255, 255]);
    near(await pixel(out.thumbnail, 10, 10), [255, 255, 255]);
  });

  it('converts a CMYK scan to sRGB, so every phone and browser shows the same colours', async () => {
    const cmyk = await sharp({ create: { width: 100, height: 80, channels: 3, background: '#ff8800' } }).toColourspace('cmyk').jpeg().toBuffer();
    expect(await sharp(cmyk).metadata()).toMatchObject({ space: 'cmyk', channels: 4 });
    const out = await processImage(cmyk, 'jpeg');
    expect(await sharp(out.data).metadata()).toMatchObject({ space: 'srgb', channels: 3 });
    near(await pixel(out.data, 50, 40), [255, 136, 0]);
  });

  it('caps a 6000x4000 photo at 4096 on the long side and makes a 320 px thumbnail', async () => {
    const input = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#808080' } }).jpeg().toBuffer();
    const out = await processImage(input, 'jpeg');
    expect({ width: out.width, height: out.height }).toEqual({ width: 4096, height: 2731 });
    expect(await sharp(out.data).metadata()).toMatchObject({ width: 4096, height: 2731 });
    expect(await sharp(out.thumbnail).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 213 });
  });

  it('never enlarges a small image or its thumbnail', async () => {
    const out = await processImage(await sharp(await quadrants(200, 100)).jpeg().toBuffer(), 'jpeg');
    expect({ width: out.width, height: out.height }).toEqual({ width: 200, height: 100 });
    expect(await sharp(out.thumbnail).metadata()).toMatchObject({ width: 200, height: 100 });
  });

  it('refuses a 30000x30000 PNG pixel bomb from its header, without decoding it', async () => {
    const bomb = pixelBombPng(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ width: 30_000, height: 30_000 });
    const started = Date.now();
    expect((await refusal(processImage(bomb, 'png'))).code).toBe('image_too_large');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('applies its own 100 MP limit, below the 268 MP sharp would otherwise allow', async () => {
    expect(10_001 * 10_000).toBeGreaterThan(MAX_INPUT_PIXELS);
    const err = await refusal(processImage(pixelBombPng(10_001, 10_000), 'png'));
    expect(err.code).toBe('image_too_large');
    expect(err.details).toEqual({ maxPixels: MAX_INPUT_PIXELS });
  });

  it('refuses a truncated JPEG rather than storing a scan with a grey lower half', async () => {
    const whole = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } })
      .composite([{ input: await quadrants(200, 150), left: 10, top: 10 }])
      .jpeg()
      .toBuffer();
    expect((await refusal(processImage(whole.subarray(0, whole.length >> 1), 'jpeg'))).code).toBe('image_broken');
  });

  it('refuses bytes that only look like a JPEG as broken', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
    const err = await refusal(processImage(fake, 'jpeg'));
    expect(err.code).toBe('image_broken');
    expect(err.cause).toBeInstanceOf(Error);
  });
});
