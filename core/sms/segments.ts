// GSM 03.38: the default alphabet (one septet each) and its extension table (an escape plus one septet each).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '\f^{}\\[~]|€';
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export interface SmsSegments {
  encoding: 'gsm7' | 'ucs2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/**
 * How many SMS a text is billed and delivered as. One message holds 160 GSM-7 septets or 70 UCS-2 units; a longer
 * one is split into parts of 153 / 67 (the rest is the concatenation header), and a part never splits an escaped
 * GSM character or a UTF-16 surrogate pair, so parts are packed character by character.
 */
export function countSegments(text: string): SmsSegments {
  const chars = [...text];
  const gsm = chars.every((c) => basic.has(c) || extended.has(c));
  const cost = gsm ? (c: string) => (extended.has(c) ? 2 : 1) : (c: string) => c.length;
  const [single, part] = gsm ? [160, 153] : [70, 67];
  const units = chars.reduce((n, c) => n + cost(c), 0);
  if (units <= single) return { encoding: gsm ? 'gsm7' : 'ucs2', units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const c of chars) {
    const n = cost(c);
    if (used + n > part) {
      segments++;
      used = 0;
    }
    used += n;
  }
  return { encoding: gsm ? 'gsm7' : 'ucs2', units, segments };
}
