/**
 * Telegram caps a message at 4096 characters and a caption at 1024, and each relayed message carries a header. Longer
 * texts are split into parts, at a paragraph, line or word break where one is near, so nothing a person wrote is lost.
 */
export const TEXT_PART = 3500;
/** The part of a photo's caption that travels with it; a longer caption follows as text. */
export const CAPTION_PART = 500;

export function splitText(text: string, max = TEXT_PART): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (Array.from(rest).length > max) {
    // Code points, not UTF-16 units: an emoji is never cut in half.
    const head = Array.from(rest).slice(0, max).join('');
    const floor = Math.floor(head.length / 2);
    const at = ['\n\n', '\n', ' '].map((sep) => head.lastIndexOf(sep)).find((i) => i >= floor) ?? head.length;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
