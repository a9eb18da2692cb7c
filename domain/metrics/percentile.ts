/**
 * Percentiles by the nearest-rank method: the p-th percentile of n values is the ⌈p·n⌉-th
 * smallest. Chosen because it is exact from a (value, count) histogram, which SQL can produce
 * with GROUP BY on any dialect (`SELECT duration_s, COUNT(*) … GROUP BY duration_s`).
 */

function rankOf(p: number, n: number): number {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1], got ${p}`);
  return Math.max(1, Math.ceil(p * n - 1e-9));
}

/** The p-th (0 < p ≤ 1) nearest-rank percentile of values sorted ascending; null when empty. */
export function percentileSorted(sortedAsc: ArrayLike<number>, p: number): number | null {
  const n = sortedAsc.length;
  return n === 0 ? null : sortedAsc[rankOf(p, n) - 1];
}

/** The p-th nearest-rank percentile of unsorted values; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  return percentileSorted(Float64Array.from(values).sort(), p);
}

/** The p-th nearest-rank percentile from (value, count) pairs in any order; null when empty. */
export function percentileOfCounts(
  pairs: ReadonlyArray<readonly [value: number, count: number]>,
  p: number,
): number | null {
  let sorted = true;
  let total = 0;
  for (let i = 0; i < pairs.length; i++) {
    total += pairs[i][1];
    if (i > 0 && pairs[i][0] < pairs[i - 1][0]) sorted = false;
  }
  if (total <= 0) return null;
  const list = sorted ? pairs : [...pairs].sort((a, b) => a[0] - b[0]);
  const rank = rankOf(p, total);
  let seen = 0;
  for (let i = 0; i < list.length; i++) {
    seen += list[i][1];
    if (seen >= rank) return list[i][0];
  }
  return list[list.length - 1][0];
}
