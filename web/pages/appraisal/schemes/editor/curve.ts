/**
 * Points of an indicator's score curve for the editor's live preview, computed with the
 * domain's own `scoreIndicator` — so the preview is exactly what a result would score. x is in
 * the unit people type (rates as percentages), y in points.
 */
import { LEVELS, type Level } from '../../../../../domain/org.ts';
import { scoreIndicator, toDisplay, unitOf, type Indicator } from '../../../../../domain/appraisal/index.ts';

export interface CurveSeries {
  /** the levels whose target the series uses (levels sharing a target share a series); empty when one target fits all */
  levels: Level[];
  /** [x in display units, points], ascending x */
  points: [number, number][];
  /** the target in display units */
  target: number;
}

/** The values where the curve bends: targets, floor, band bounds, where a capped bonus reaches its cap. */
function breakpoints(ind: Indicator): number[] {
  const t = ind.target;
  const targets = typeof t === 'number' ? [t] : LEVELS.map((l) => t[l]);
  const c = ind.curve;
  const lower = ind.direction === 'lower';
  const out = [...targets];
  if (c.type === 'linear' || c.type === 'capped_bonus') out.push(c.floor);
  if (c.type === 'capped_bonus' && c.bonusPer > 0 && c.bonusPoints > 0) {
    const reach = ((c.cap - 100) / c.bonusPoints) * c.bonusPer;
    for (const t of targets) out.push(lower ? t - reach : t + reach);
  }
  if (c.type === 'steps') out.push(...c.bands.map((b) => b.bound));
  return out.filter(Number.isFinite);
}

/** The x range shown: every breakpoint with a margin, not below 0 (no unit here is negative), rates ≤ 100 %. */
export function curveDomain(ind: Indicator): [number, number] {
  const xs = breakpoints(ind);
  if (xs.length === 0) return [0, 1];
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  const pad = hi > lo ? (hi - lo) * 0.2 : Math.abs(hi) * 0.2 || 1;
  lo = Math.max(0, lo - pad);
  hi = hi + pad;
  if (unitOf(ind) === 'ratio') hi = Math.min(1, hi);
  return [lo, hi > lo ? hi : lo + 1];
}

/**
 * The curve for each level that has its own target (one series when the target is shared),
 * sampled evenly plus at every breakpoint and just beside it, so steps stand upright. Empty
 * when the indicator cannot be scored yet (no unit, no bands): the editor lists why.
 */
export function curveSeries(ind: Indicator, samples = 120): CurveSeries[] {
  const unit = unitOf(ind);
  if (unit === null) return [];
  const [lo, hi] = curveDomain(ind);
  const eps = (hi - lo) / 10_000;
  const xs = new Set<number>();
  for (let i = 0; i <= samples; i++) xs.add(lo + ((hi - lo) * i) / samples);
  for (const b of breakpoints(ind)) for (const x of [b - eps, b, b + eps]) if (x >= lo && x <= hi) xs.add(x);
  const sorted = [...xs].sort((a, b) => a - b);
  const groups = new Map<number, Level[]>();
  if (typeof ind.target !== 'number')
    for (const l of LEVELS) groups.set(ind.target[l], [...(groups.get(ind.target[l]) ?? []), l]);
  const series: Level[][] = typeof ind.target === 'number' ? [[]] : [...groups.values()];
  try {
    return series.map((levels) => {
      const level = levels[0] ?? 'junior';
      const points = sorted.map((x): [number, number] => [toDisplay(unit, x), scoreIndicator(ind, x, level).score]);
      return { levels, points, target: toDisplay(unit, scoreIndicator(ind, lo, level).target) };
    });
  } catch {
    return [];
  }
}
