import { readFileSync } from 'node:fs';
import { z } from 'zod';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const regionSchema = z.object({
  code: z.string().regex(/^RU-[A-Z]{2,3}$/),
  ru: z.string().min(1),
  en: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  timeZones: z
    .array(
      z.object({
        tz: z.string().refine(isTimeZone, { message: 'not a time zone this runtime knows' }),
        ru: z.string().min(1),
        en: z.string().min(1),
      }),
    )
    .min(1),
});

const regionsFileSchema = z.object({
  about: z.string(),
  regions: z
    .array(regionSchema)
    .min(1)
    .refine((regions) => new Set(regions.map((r) => r.code)).size === regions.length, { message: 'region codes must be unique' }),
});

export type Region = z.infer<typeof regionSchema>;
export type RegionTimeZone = Region['timeZones'][number];

/** Loads and validates the federal subjects; a broken list or an unknown time zone stops the start. */
export function loadRegions(file: URL | string = new URL('./regions.json', import.meta.url)): Region[] {
  return regionsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).regions;
}

// Words that name the kind of subject, not the subject: typing them narrows nothing.
const STOP_WORDS = new Set([
  'область', 'край', 'республика', 'автономный', 'автономная', 'округ', 'народная', 'город', 'г', 'обл', 'респ',
  'oblast', 'krai', 'kray', 'republic', 'autonomous', 'okrug', 'region', 'city', 'of', 'the', 'peoples',
]);

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const words = (text: string) => normalize(text).split(' ').filter(Boolean);
const significant = (text: string) => words(text).filter((w) => !STOP_WORDS.has(w));

// A query typed with the wrong keyboard layout ("ghbvjh" for "примор") is common enough to undo.
const LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const CYRILLIC = 'йцукенгшщзхъфывапролджэячсмитьбюё';
function switchLayout(text: string): string {
  return [...text.toLowerCase()]
    .map((c) => {
      const latin = LATIN.indexOf(c);
      if (latin >= 0) return CYRILLIC[latin]!;
      const cyrillic = CYRILLIC.indexOf(c);
      return cyrillic >= 0 ? LATIN[cyrillic]! : c;
    })
    .join('');
}

interface Field {
  words: string[];
  /** 0: official name, 1: alias, 2: a city of one of its zones. */
  rank: number;
}

function fieldsOf(region: Region): Field[] {
  return [
    ...[region.ru, region.en].map((t) => ({ words: significant(t), rank: 0 })),
    ...(region.aliases ?? []).map((t) => ({ words: significant(t), rank: 1 })),
    ...region.timeZones.flatMap((z) => [z.ru, z.en]).map((t) => ({ words: significant(t), rank: 2 })),
  ];
}

/** Lower is better; undefined when the field does not match every query word. */
function scoreField(field: Field, query: string[]): number | undefined {
  let best: number | undefined;
  for (const q of query) {
    const index = field.words.findIndex((w) => w.startsWith(q));
    if (index === -1) {
      // A partly typed "обл"/"респ" is a stop word in the making, not a miss.
      if ([...STOP_WORDS].some((s) => s.startsWith(q))) continue;
      return undefined;
    }
    const word = field.words[index]!;
    const score = field.rank * 100 + (index === 0 ? 0 : 50) + (word === q ? 0 : 10) + Math.min(word.length - q.length, 9);
    best = best === undefined ? score : Math.min(best, score);
  }
  return best;
}

function search(regions: Region[], query: string, limit: number): Region[] {
  const queryWords = words(query);
  if (queryWords.join('').length < 2) return [];
  const scored: { region: Region; score: number }[] = [];
  for (const region of regions) {
    const scores = fieldsOf(region)
      .map((f) => scoreField(f, queryWords))
      .filter((s): s is number => s !== undefined);
    if (scores.length > 0) scored.push({ region, score: Math.min(...scores) });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.region.ru.localeCompare(b.region.ru, 'ru'))
    .slice(0, limit)
    .map((s) => s.region);
}

/**
 * Regions matching a few typed letters, Russian or English: every query word must start a word of a
 * region's name, alias or zone city ("примор", "моск", "якут", "спб"); kind words ("область", "край")
 * are ignored; a prefix of a name's first word ranks first. Empty or unmatched queries give [].
 */
export function searchRegions(regions: Region[], query: string, limit = 8): Region[] {
  const found = search(regions, query, limit);
  return found.length > 0 ? found : search(regions, switchLayout(query), limit);
}
