/**
 * The p-th quantile (0 ≤ p ≤ 1) by linear interpolation between closest ranks (Hyndman–Fan type 7, the one
 * Excel's PERCENTILE.INC and numpy's default use), so a manager can check any figure in the XLSX by hand: the median
 * of an even count is the mean of the two middle values. Undefined for no values.
 */
export function quantile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be within [0, 1], not ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (h - lower) * (sorted[upper]! - sorted[lower]!);
}
