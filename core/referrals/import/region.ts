import { searchRegions, type Region } from '../../catalog/regions.js';
import { fold } from './fuzzy.js';

const KIND_WORDS = new Set(['г', 'город', 'обл', 'область', 'край', 'республика', 'респ', 'ао', 'автономный', 'автономная', 'округ', 'народная']);
const core = (text: string) =>
  fold(text)
    .split(' ')
    .filter((w) => w && !KIND_WORDS.has(w))
    .join(' ');

/**
 * The federal subject a table's region names, when it names exactly one: the only one the region search finds, or
 * the one whose name or alias is the written text ("г. Москва" is Moscow, not Moscow Oblast). Undefined otherwise;
 * the text is kept as written then.
 */
export function matchRegion(regions: Region[], written: string): Region | undefined {
  const found = searchRegions(regions, written, 5);
  if (found.length === 1) return found[0];
  const text = core(written);
  if (!text) return undefined;
  const same = found.filter((r) => [r.ru, r.en, ...(r.aliases ?? [])].some((n) => core(n) === text));
  return same.length === 1 ? same[0] : undefined;
}
