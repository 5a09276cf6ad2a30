/** WCAG contrast arithmetic, to keep Telegram's theme colours readable for weak eyes. */

type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const toHex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/**
 * The background, moved toward black (light text) or white (dark text) in small steps until the text on it reaches
 * the ratio. Telegram's default light button (#50a8eb under white) is only 2.6:1.
 */
export function readableBackground(bgHex: string, textHex: string, ratio = 4.5): string {
  const bg = parseHex(bgHex);
  const text = parseHex(textHex);
  if (!bg || !text) return bgHex;
  const toward: Rgb = luminance(text) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  let current: Rgb = bg;
  for (let step = 0; step < 20 && contrast(current, text) < ratio; step++) {
    current = current.map((v, i) => v + (toward[i]! - v) * 0.08) as Rgb;
  }
  return toHex(current);
}
