import type { Catalog } from '../catalog/index.js';
import type { Clock } from '../clock.js';
import { specialtyOfCenter } from '../duty/specialty.js';
import type { Db } from '../../db/client.js';
import type { ReportPeriod } from './period.js';
import { quantile } from './percentile.js';
import { heldDuration } from '../room/attendance.js';
import { applicationCounts, consultationOutcomes, dutyBookings, heldCalls, referralCounts, schedulingDelays, type ConsultationPlace } from './queries.js';

/** The three paths of the service; duty consultations (path 2) have no application. */
export const REPORT_PATHS = ['own', 'referral', 'duty'] as const;
export type ReportPath = (typeof REPORT_PATHS)[number];

export interface DelayStats {
  /** How many scheduled applications were measured. */
  count: number;
  medianHours: number;
  p90Hours: number;
}

/** One center's figures on one path. `null` marks what the path does not have (a duty booking is never declined). */
export interface ReportRow {
  /** A catalog center, or null for consultations of a duty doctor with neither a center nor a specialty. */
  centerCode: string | null;
  path: ReportPath;
  submitted: number | null;
  taken: number | null;
  scheduled: number;
  completed: number;
  declined: number | null;
  noShows: number;
  /** Submission to scheduling; null on the duty path (booking is scheduling) and when nothing was scheduled. */
  toScheduling: DelayStats | null;
  /** Calls both sides joined on the room page, and their lengths in minutes (null when none was held). */
  calls: CallStats;
  /** Referral path only. */
  referrals: { imported: number; invited: number; linked: number } | null;
}

export interface CallStats {
  held: number;
  medianMinutes: number | null;
  totalMinutes: number;
}

export interface Report {
  period: ReportPeriod;
  generatedAt: number;
  rows: ReportRow[];
}

const HOUR = 3_600_000;

function emptyRow(centerCode: string | null, path: ReportPath): ReportRow {
  const application = path !== 'duty';
  return {
    centerCode,
    path,
    submitted: application ? 0 : null,
    taken: application ? 0 : null,
    scheduled: 0,
    completed: 0,
    declined: application ? 0 : null,
    noShows: 0,
    toScheduling: null,
    calls: { held: 0, medianMinutes: null, totalMinutes: 0 },
    referrals: path === 'referral' ? { imported: 0, invited: 0, linked: 0 } : null,
  };
}

/** Whether a row has anything to say: the text view leaves out an empty row, the table keeps every one. */
export function isEmptyRow(row: ReportRow): boolean {
  const numbers = [row.submitted, row.taken, row.scheduled, row.completed, row.declined, row.noShows, row.calls.held, row.referrals?.imported, row.referrals?.invited, row.referrals?.linked];
  return numbers.every((n) => !n);
}

/**
 * Figures per catalog center and path for a period (see queries.ts for which timestamp counts where). `centers`
 * narrows the report (a center's doctor sees their own); every catalog center in scope gets its three rows, zeros
 * included, in catalog order.
 */
export function buildReport(deps: { db: Db; catalog: Catalog; clock: Clock }, period: ReportPeriod, scope: { centers?: readonly string[] } = {}): Report {
  const { db, catalog } = deps;
  const { from, to } = period;
  const known = catalog.centers.map((c) => c.code);
  const inScope = (code: string | null) => (scope.centers ? code !== null && scope.centers.includes(code) : true);
  const rows = new Map<string, ReportRow>();
  const key = (center: string | null, path: ReportPath) => `${center ?? ''}|${path}`;
  for (const center of known.filter(inScope)) for (const path of REPORT_PATHS) rows.set(key(center, path), emptyRow(center, path));
  // Something outside the catalog (a center since removed, a duty doctor without one) still counts, on a row of its own.
  const row = (center: string | null, path: ReportPath): ReportRow | undefined => {
    const code = center !== null && known.includes(center) ? center : null;
    if (!inScope(code)) return undefined;
    const k = key(code, path);
    if (!rows.has(k)) rows.set(k, emptyRow(code, path));
    return rows.get(k)!;
  };
  const dutyCenter = (p: Pick<ConsultationPlace, 'staffCenter' | 'staffSpecialty'>) =>
    p.staffCenter ?? known.find((code) => p.staffSpecialty !== null && specialtyOfCenter(code) === p.staffSpecialty) ?? null;

  for (const a of applicationCounts(db, from, to)) {
    const r = row(a.centerCode, a.path);
    if (!r) continue;
    r.submitted! += a.submitted;
    r.taken! += a.taken;
    r.scheduled += a.scheduled;
    r.declined! += a.declined;
  }

  const delays = new Map<ReportRow, number[]>();
  for (const d of schedulingDelays(db, from, to)) {
    const r = row(d.centerCode, d.path);
    if (!r) continue;
    const list = delays.get(r);
    if (list) list.push(d.ms / HOUR);
    else delays.set(r, [d.ms / HOUR]);
  }
  for (const [r, hours] of delays) r.toScheduling = { count: hours.length, medianHours: quantile(hours, 0.5)!, p90Hours: quantile(hours, 0.9)! };

  // An application slot whose application is gone cannot be placed; it cannot happen while deletion cascades.
  const placeRow = (c: ConsultationPlace) =>
    c.applicationPath ? row(c.applicationCenter, c.applicationPath) : c.slotKind === 'duty' ? row(dutyCenter(c), 'duty') : undefined;
  for (const c of consultationOutcomes(db, from, to)) {
    const r = placeRow(c);
    if (!r) continue;
    r.completed += c.completed;
    r.noShows += c.noShows;
  }

  // A call still going on counts up to the report's own time.
  const now = deps.clock.now();
  const lengths = new Map<ReportRow, number[]>();
  for (const c of heldCalls(db, from, to)) {
    const r = placeRow(c);
    const held = heldDuration(c, now);
    if (!r || !held) continue;
    const list = lengths.get(r) ?? [];
    list.push(held.seconds / 60);
    lengths.set(r, list);
  }
  for (const [r, minutes] of lengths) {
    r.calls = { held: minutes.length, medianMinutes: quantile(minutes, 0.5)!, totalMinutes: minutes.reduce((a, b) => a + b, 0) };
  }

  for (const b of dutyBookings(db, from, to)) {
    const r = row(dutyCenter(b), 'duty');
    if (r) r.scheduled += b.booked;
  }

  for (const f of referralCounts(db, from, to)) {
    const r = row(f.centerCode, 'referral');
    if (!r) continue;
    r.referrals!.imported += f.imported;
    r.referrals!.invited += f.invited;
    r.referrals!.linked += f.linked;
  }

  const order = (r: ReportRow) => (r.centerCode === null ? known.length : known.indexOf(r.centerCode)) * REPORT_PATHS.length + REPORT_PATHS.indexOf(r.path);
  return { period, generatedAt: now, rows: [...rows.values()].sort((a, b) => order(a) - order(b)) };
}
