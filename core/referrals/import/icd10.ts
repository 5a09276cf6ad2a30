// Russian keyboards type Cyrillic twins of the Latin capitals ICD-10 codes start with.
const CYRILLIC_TWINS: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X',
};

const CODE = /^[A-Z]\d{2}(\.\d{1,2})?$/;

/**
 * One or a few ICD-10 codes as written ("I25.1", "i25,1", "І10; E11.9", Cyrillic look-alikes), in canonical form
 * joined by ", "; undefined when any part is not shaped like a code (a letter, two digits, an optional .d or .dd).
 */
export function parseIcd10(written: string): string | undefined {
  const parts = written
    .trim()
    .split(/\s*;\s*|,\s+|\s+/)
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 5) return undefined;
  const codes: string[] = [];
  for (const part of parts) {
    let code = '';
    for (const ch of part.toUpperCase()) code += CYRILLIC_TWINS[ch] ?? (ch === 'І' ? 'I' : ch);
    code = code.replace(',', '.').replace(/\.$/, '');
    if (!CODE.test(code)) return undefined;
    if (!codes.includes(code)) codes.push(code);
  }
  return codes.join(', ');
}
