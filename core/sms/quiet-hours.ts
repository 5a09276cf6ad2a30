import { zonedParts } from '../time.js';

/** The reason recorded on an SMS held for the recipient's daytime; staff views recognise it by this text. */
export const QUIET_HOURS_REASON = "quiet hours in the recipient's zone";

/** Local hours in which an SMS that can wait (an invite) may arrive: 09:00 to 21:00. */
const DAY_FROM_HOUR = 9;
const DAY_TO_HOUR = 21;
/**
 * Russia's westmost and eastmost zones (UTC+2, UTC+12): an hour that is daytime in both is daytime everywhere in
 * between, so a person whose zone is unknown is only texted then.
 */
export const RUSSIA_EXTREME_ZONES = ['Europe/Kaliningrad', 'Asia/Kamchatka'] as const;
const STEP_MS = 15 * 60_000;
const HORIZON_MS = 48 * 3600_000;

const isDaytime = (at: number, zone: string) => {
  const hour = Number(zonedParts(at, zone).time.slice(0, 2));
  return hour >= DAY_FROM_HOUR && hour < DAY_TO_HOUR;
};

/**
 * Undefined when `now` is daytime in every zone given; otherwise the first quarter hour from which it is. Invites are
 * not urgent, and a text at 3 a.m. to an elderly patient in Vladivostok is a call from a stranger in the night.
 */
export function quietUntil(now: number, zones: readonly string[]): number | undefined {
  if (zones.every((zone) => isDaytime(now, zone))) return undefined;
  const start = Math.ceil(now / STEP_MS) * STEP_MS;
  for (let at = start; at <= now + HORIZON_MS; at += STEP_MS) {
    if (zones.every((zone) => isDaytime(at, zone))) return at;
  }
  // Zones with no common daytime (cannot happen within Russia): do not hold the message forever.
  return undefined;
}
