import { searchRegions, type Region } from '../../catalog/regions.js';
import { fold } from './fuzzy.js';
import { memoize } from './memo.js';

const KIND_WORDS = new Set(['г', 'город', 'обл', 'область', 'край', 'республика', 'респ', 'ао', 'автономный', 'автономная', 'округ', 'народная']);
const core = (text: string) =>
  fold(text)
    .split(' ')
    .filter((w) => w && !KIND_WORDS.has(w))
    .join(' ');

const indexes = new WeakMap<Region[], Map<string, Region | null>>();

/** Each region's names and aliases without kind words; null marks a name two regions share. */
function exactIndex(regions: Region[]): Map<string, Region | null> {
  let index = indexes.get(regions);
  if (!index) {
    index = new Map();
    for (const region of regions) {
      for (const name of [region.ru, region.en, ...(region.aliases ?? [])]) {
        const key = core(name);
        if (key) index.set(key, index.has(key) && index.get(key) !== region ? null : region);
      }
    }
    indexes.set(regions, index);
  }
  return index;
}

/**
 * The federal subject a table's region names, when it names exactly one: the only one the region search finds, or
 * the one whose name or alias is the written text ("г. Москва" is Moscow, not Moscow Oblast). Undefined otherwise;
 * the text is kept as written then.
 */
export const matchRegion = memoize(matchRegionOnce);

function matchRegionOnce(regions: Region[], written: string): Region | undefined {
  const text = core(written);
  if (!text) return undefined;
  // Most tables spell the subject out ("Свердловская область", "г. Москва"): a lookup, not a search of all 89.
  const named = exactIndex(regions).get(text);
  if (named !== undefined) return named ?? undefined;
  const found = searchRegions(regions, written, 5);
  if (found.length === 1) return found[0];
  const same = found.filter((r) => [r.ru, r.en, ...(r.aliases ?? [])].some((n) => core(n) === text));
  return same.length === 1 ? same[0] : undefined;
}
