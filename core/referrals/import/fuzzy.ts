/** Text folded for matching names: lower case, ё as е, quotes and punctuation gone, one space between words. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'“”„‘’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const wordsOf = (text: string) => fold(text).split(' ').filter(Boolean);

/** Edits (insert, delete, replace, swap of neighbours) between two words; stops counting past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Typos allowed in a word of this length: none in short words (where one letter makes another word), then 1, then 2. */
export const typosAllowed = (length: number) => (length < 5 ? 0 : length < 9 ? 1 : 2);

/**
 * Whether a word written in a table stands for a word of a catalog name: the same, a typo of it, or a cut of it at
 * least four letters long ("кардиомиоп", "хирург"); a word with an inflected ending ("Бакулеву") counts too.
 */
export function wordMatches(written: string, name: string): boolean {
  if (written === name) return true;
  if (written.length >= 4 && name.startsWith(written)) return true;
  if (name.length >= 5 && written.startsWith(name.slice(0, -1)) && written.length - name.length <= 2) return true;
  return editDistance(written, name, typosAllowed(Math.min(written.length, name.length))) <= typosAllowed(Math.min(written.length, name.length));
}
