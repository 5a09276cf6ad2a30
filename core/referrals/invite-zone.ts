import { loadRegions, type Region } from '../catalog/regions.js';

let byCode: Map<string, Region> | undefined;

/**
 * The one time zone of a referral's region, for the invite's quiet hours; undefined when the region is unknown or
 * spans several zones (the SMS then waits for an hour that is daytime all over Russia).
 */
export function inviteTimeZone(regionCode: string | null): string | undefined {
  if (!regionCode) return undefined;
  byCode ??= new Map(loadRegions().map((r) => [r.code, r]));
  const zones = byCode.get(regionCode)?.timeZones ?? [];
  return zones.length === 1 ? zones[0]!.tz : undefined;
}

/** An invite SMS's params: the code, and the zone its quiet hours are counted in when one is known. */
export function inviteParams(code: string, regionCode: string | null): { code: string; timeZone?: string } {
  const timeZone = inviteTimeZone(regionCode);
  return timeZone ? { code, timeZone } : { code };
}
