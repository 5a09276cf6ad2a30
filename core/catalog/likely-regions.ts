import type { Region } from './regions.js';

// The most populous subjects, one or two per large time zone, for a service with no patients yet.
const POPULOUS = ['RU-MOW', 'RU-MOS', 'RU-SPE', 'RU-KDA', 'RU-SVE', 'RU-NVS'];

/**
 * The regions offered as buttons at registration: where the service's patients most often live, then the most
 * populous. A Russian mobile number cannot suggest a region (DEF codes are sold nationwide and numbers are ported),
 * nor can the Telegram language, so likely regions plus "another one" is the honest shortcut.
 */
export function likelyRegions(regions: Region[], frequent: string[], count = 6): Region[] {
  const codes = [...new Set([...frequent, ...POPULOUS])];
  return codes
    .map((code) => regions.find((r) => r.code === code))
    .filter((r): r is Region => r !== undefined)
    .slice(0, count);
}
