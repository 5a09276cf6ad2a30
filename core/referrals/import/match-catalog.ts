import type { Catalog, Center } from '../../catalog/index.js';
import { editDistance, fold, wordMatches, wordsOf } from './fuzzy.js';
import { memoize } from './memo.js';

export type Condition = Center['conditions'][number];

export type Match<T> = { kind: 'found'; value: T } | { kind: 'none' } | { kind: 'ambiguous'; options: T[] };

// Words of institutions' official names in general, and of where they are: they tell the centers apart not at all.
const CENTER_NOISE = new Set([
  'фгбу', 'нмиц', 'нии', 'центр', 'имени', 'им', 'минздрава', 'минздрав', 'россии', 'рф', 'федеральный', 'федеральное',
  'государственное', 'бюджетное', 'учреждение', 'национальный', 'медицинский', 'исследовательский', 'научный',
  'москва', 'москвы', 'город', 'national', 'medical', 'research', 'center', 'centre', 'for', 'of', 'the', 'and',
]);

const centerNames = (c: Center) => [c.code, c.name.ru, c.name.en, c.shortName.ru, c.shortName.en];

/** A written word standing for a word of a center's names; an abbreviation containing one counts ("НЦССХ" → ССХ). */
const standsFor = (written: string, name: string) =>
  wordMatches(written, name) || (name.length >= 3 && written.length <= 6 && written !== name && written.includes(name));

/**
 * A center written in a table: its code or one of its names exactly (case, ё, quotes and spacing aside), else by the
 * words only that center's names hold ("Бакулева", "НМИЦ ССХ", "акушерства", a typo of them), provided every other
 * word written is one of its names' too: "Центр хирургии им. Вишневского" is another institution, not a typo. Words
 * of two centers at once make it ambiguous.
 */
export const matchCenter = memoize(matchCenterOnce);

function matchCenterOnce(catalog: Catalog, written: string): Match<Center> {
  const text = fold(written);
  if (!text) return { kind: 'none' };
  const exact = catalog.centers.filter((c) => centerNames(c).some((n) => fold(n) === text));
  if (exact.length === 1) return { kind: 'found', value: exact[0]! };
  const vocabulary = new Map(catalog.centers.map((c) => [c, [...new Set(centerNames(c).flatMap(wordsOf))]]));
  const distinctive = new Map(
    catalog.centers.map((c) => {
      const others = catalog.centers.filter((o) => o !== c).flatMap((o) => vocabulary.get(o)!);
      return [c, vocabulary.get(c)!.filter((w) => w.length >= 3 && !CENTER_NOISE.has(w) && !others.includes(w))];
    }),
  );
  const words = wordsOf(written).filter((w) => w.length >= 3 && !CENTER_NOISE.has(w));
  const hits = catalog.centers.filter((c) => words.some((w) => distinctive.get(c)!.some((d) => standsFor(w, d))));
  if (hits.length > 1) return { kind: 'ambiguous', options: hits };
  const center = hits[0];
  if (!center || !words.every((w) => vocabulary.get(center)!.some((v) => standsFor(w, v)))) return { kind: 'none' };
  return { kind: 'found', value: center };
}

// Prepositions and conjunctions inside condition names ("у взрослых и детей", "во время").
const SHORT = (w: string) => w.length < 3;

const acronym = (name: string) =>
  wordsOf(name)
    .filter((w) => !SHORT(w))
    .map((w) => w[0])
    .join('');

/**
 * A condition written in a table, among the given ones (one center's): its code or name exactly; its usual
 * abbreviation ("ИБС", "ВПС"); or words that each stand for a word of exactly one name ("Кардиомиопатия",
 * "нарушение ритма", "сосудистая патология артериальная"). Words fitting several names ("пороки сердца") are
 * ambiguous, never guessed.
 */
export const matchCondition = memoize(matchConditionOnce);

function matchConditionOnce(conditions: readonly Condition[], written: string): Match<Condition> {
  const text = fold(written);
  if (!text) return { kind: 'none' };
  const names = (c: Condition) => [c.ru, c.en];
  const exact = conditions.filter((c) => fold(c.code) === text || names(c).some((n) => fold(n) === text));
  if (exact.length === 1) return { kind: 'found', value: exact[0]! };
  const words = wordsOf(written).filter((w) => !SHORT(w));
  if (words.length === 0) return { kind: 'none' };
  if (words.length === 1 && words[0]!.length >= 2 && words[0]!.length <= 5) {
    const byAcronym = conditions.filter((c) => acronym(c.ru) === words[0]);
    if (byAcronym.length === 1) return { kind: 'found', value: byAcronym[0]! };
  }
  const covered = conditions
    .map((c) => {
      // The name (ru or en) whose words best take the written ones, each written word used against one name word.
      const best = names(c)
        .map((n) => wordsOf(n).filter((w) => !SHORT(w)))
        .filter((nameWords) => words.every((w) => nameWords.some((n) => wordMatches(w, n))))
        .sort((a, b) => a.length - b.length)[0];
      return best ? { condition: c, full: best.length === words.length } : undefined;
    })
    .filter((x) => x !== undefined);
  if (covered.length === 1) return { kind: 'found', value: covered[0]!.condition };
  const full = covered.filter((x) => x.full);
  if (full.length === 1) return { kind: 'found', value: full[0]!.condition };
  if (covered.length > 1) return { kind: 'ambiguous', options: covered.map((x) => x.condition) };
  // A typo spread over the whole phrase ("ишемичекая болзнь сердца") still differs by a few letters only.
  const close = conditions.filter((c) => names(c).some((n) => editDistance(fold(n), text, 2) <= 2 && fold(n).length >= 10));
  return close.length === 1 ? { kind: 'found', value: close[0]! } : { kind: 'none' };
}
