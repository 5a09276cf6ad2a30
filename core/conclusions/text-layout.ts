/** Width of a string at the size being laid out, in points. */
export type Measure = (text: string) => number;

// Characters the font may lack but that have a faithful plain spelling; anything else missing becomes '?'.
const SUBSTITUTES: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '⇒': '=>',
  '↑': '^',
  '↓': 'v',
  '✓': '+',
  '✔': '+',
  '\u2212': '-',
};

/**
 * Makes typed text printable with a font whose character set is `has`: one line ending, tabs and unusual
 * spaces as plain spaces, invisible and control characters dropped, glyphs the font lacks spelled out or
 * replaced with '?' (a drawn .notdef box would look like a rendering fault on a medical document).
 */
export function printable(text: string, has: (codePoint: number) => boolean): string {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, '    ');
  let out = '';
  for (const ch of normalized) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n') out += ch;
    else if (/[\p{Cc}\p{Cf}]/u.test(ch)) continue;
    else if (/\p{Zs}/u.test(ch) && !has(cp)) out += ' ';
    else if (has(cp)) out += ch;
    else out += SUBSTITUTES[ch] ?? '?';
  }
  return out;
}

/**
 * Breaks text into lines no wider than maxWidth: at spaces, else after a hyphen, else (a long word or URL)
 * between characters. Line breaks of the text are kept; an empty line stays an empty line.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(' ').filter(Boolean);
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      let rest = word;
      // "сердечно-сосудистой": the part up to a hyphen may still fit on the current line.
      const head = line ? fittingHyphenPrefix(rest, line, maxWidth, measure) : undefined;
      if (head) {
        lines.push(`${line} ${head}`);
        rest = rest.slice(head.length);
      } else if (line) {
        lines.push(line);
      }
      line = '';
      while (measure(rest) > maxWidth) {
        const part = fittingHyphenPrefix(rest, '', maxWidth, measure) ?? fittingPrefix(rest, maxWidth, measure);
        lines.push(part);
        rest = rest.slice(part.length);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function fittingHyphenPrefix(word: string, line: string, maxWidth: number, measure: Measure): string | undefined {
  let best: string | undefined;
  for (let i = word.indexOf('-'); i > 0 && i < word.length - 1; i = word.indexOf('-', i + 1)) {
    const head = word.slice(0, i + 1);
    if (measure(line ? `${line} ${head}` : head) > maxWidth) break;
    best = head;
  }
  return best;
}

/** The longest prefix, at least one character (a code point, never half a surrogate pair), that fits. */
function fittingPrefix(word: string, maxWidth: number, measure: Measure): string {
  let prefix = '';
  for (const ch of word) {
    if (prefix && measure(prefix + ch) > maxWidth) break;
    prefix += ch;
  }
  return prefix;
}
