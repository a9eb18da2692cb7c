/**
 * Scoring one indicator (SPEC APR-1, APR-4): a value → points on the indicator's curve, with the
 * plain-language "why" — what is measured, the target used (and for which level), the value, and
 * the curve segment or step band that produced the score. Scores are rounded to 2 decimals.
 */
import type { Level } from '../org.ts';
import { definitionOf, targetFor, unitOf, type Curve, type Indicator } from './scheme.ts';
import { formatPoints, formatValue, roundTo, type Bilingual } from './units.ts';

/** The period an indicator is scored over; only `per_month` indicators use it. */
export interface ScoreContext {
  /** months in the period (1 monthly, 3 quarterly); default 1 */
  periodMonths?: number;
  /** share of the period the agent was present, 0 < coverage ≤ 1; default 1 */
  coverage?: number;
}

export type CurveSegment = 'floor' | 'linear' | 'target' | 'bonus' | 'cap' | 'band' | 'otherwise';

export interface ScoreWhy {
  definition: Bilingual;
  target: {
    /** the target compared with, after per-month scaling */
    value: number;
    /** the level whose target applied, null when the target is the same for all */
    level: Level | null;
    /** multiplier applied to the target and curve (1 unless `per_month`) */
    scale: number;
    text: Bilingual;
  };
  value: { value: number; text: Bilingual };
  curve: { segment: CurveSegment; /** 1-based, for `band` */ band?: number; text: Bilingual };
  /** one sentence joining the parts */
  summary: Bilingual;
}

export interface IndicatorScore {
  /** points, 0–100 (up to a capped bonus's cap), 2 decimals */
  score: number;
  /** the value reaches the target (≤ for lower-is-better, ≥ for higher) */
  met: boolean;
  /** the target used (scaled), in the indicator's unit */
  target: number;
  why: ScoreWhy;
}

const LEVEL_NAME: Readonly<Record<Level, Bilingual>> = {
  junior: { zh: '初级', en: 'junior' },
  senior: { zh: '资深', en: 'senior' },
  star: { zh: '星级', en: 'star' },
};

/** Multiplier for a `per_month` indicator: months × coverage; 1 for every other indicator. */
export function targetScale(indicator: Indicator, ctx: ScoreContext = {}): number {
  if (indicator.scaling !== 'per_month') return 1;
  return (ctx.periodMonths ?? 1) * (ctx.coverage ?? 1);
}

/** The curve with every threshold in value units multiplied by `k` (per-month volumes). */
function scaleCurve(curve: Curve, k: number): Curve {
  if (k === 1) return curve;
  switch (curve.type) {
    case 'linear':
      return { ...curve, floor: curve.floor * k };
    case 'capped_bonus':
      return { ...curve, floor: curve.floor * k, bonusPer: curve.bonusPer * k };
    case 'steps':
      return { ...curve, bands: curve.bands.map((b) => ({ ...b, bound: b.bound * k })) };
  }
}

const cmp = (lower: boolean): Bilingual => (lower ? { zh: '≤', en: '≤' } : { zh: '≥', en: '≥' });

/**
 * Scores `value` (in the indicator's unit) for an agent of `level`. Throws on an indicator
 * validateScheme would reject (unknown unit); call it on validated schemes.
 */
export function scoreIndicator(
  indicator: Indicator,
  value: number,
  level: Level,
  ctx: ScoreContext = {},
): IndicatorScore {
  const unit = unitOf(indicator);
  if (unit === null) throw new TypeError(`indicator ${indicator.id} has no unit`);
  const k = targetScale(indicator, ctx);
  const target = targetFor(indicator.target, level) * k;
  const curve = scaleCurve(indicator.curve, k);
  const lower = indicator.direction === 'lower';
  const fmt = (x: number): Bilingual => formatValue(unit, x);
  const c = cmp(lower);

  // "goodness": higher is better after flipping a lower-is-better scale
  const g = (x: number): number => (lower ? -x : x);
  const met = g(value) >= g(target);
  const { score, segment, band, text } = evaluate(curve, value, target, lower, fmt);

  const perLevel = typeof indicator.target !== 'number';
  const tf = fmt(target);
  const levelNote = perLevel
    ? { zh: `（${LEVEL_NAME[level].zh}）`, en: ` (${LEVEL_NAME[level].en})` }
    : { zh: '', en: '' };
  const scaleNote =
    k === 1
      ? { zh: '', en: '' }
      : {
          zh: `，按 ${ctx.periodMonths ?? 1} 个月 × 在岗 ${roundTo((ctx.coverage ?? 1) * 100, 2)}% 折算`,
          en: `, scaled for ${ctx.periodMonths ?? 1} month(s) × ${roundTo((ctx.coverage ?? 1) * 100, 2)}% presence`,
        };
  const targetText = {
    zh: `目标 ${c.zh} ${tf.zh}${levelNote.zh}${scaleNote.zh}`,
    en: `target ${c.en} ${tf.en}${levelNote.en}${scaleNote.en}`,
  };
  const vf = fmt(value);
  const rounded = roundTo(score, 2);
  return {
    score: rounded,
    met,
    target,
    why: {
      definition: definitionOf(indicator),
      target: { value: target, level: perLevel ? level : null, scale: k, text: targetText },
      value: { value, text: vf },
      curve: { segment, band, text },
      summary: {
        zh: `${indicator.label.zh}为 ${vf.zh}，${targetText.zh}；${text.zh}。`,
        en: `${indicator.label.en} is ${vf.en}, ${targetText.en}; ${text.en}.`,
      },
    },
  };
}

interface Evaluated {
  score: number;
  segment: CurveSegment;
  band?: number;
  text: Bilingual;
}

function evaluate(
  curve: Curve,
  value: number,
  target: number,
  lower: boolean,
  fmt: (x: number) => Bilingual,
): Evaluated {
  const g = (x: number): number => (lower ? -x : x);
  const c = cmp(lower);
  switch (curve.type) {
    case 'linear':
    case 'capped_bonus': {
      const f = curve.floor;
      if (g(value) > g(target) && curve.type === 'capped_bonus') {
        const beyond = Math.abs(value - target);
        const raw = 100 + (beyond / curve.bonusPer) * curve.bonusPoints;
        const extra = roundTo(raw - 100, 2);
        const per = fmt(curve.bonusPer);
        const by = fmt(beyond);
        if (raw >= curve.cap) {
          return {
            score: curve.cap,
            segment: 'cap',
            text: {
              zh: `超出目标 ${by.zh}，每 ${per.zh} 加 ${curve.bonusPoints} 分，封顶 ${curve.cap} 分`,
              en: `${by.en} beyond the target, +${curve.bonusPoints} per ${per.en}, capped at ${curve.cap}`,
            },
          };
        }
        return {
          score: raw,
          segment: 'bonus',
          text: {
            zh: `超出目标 ${by.zh}，每 ${per.zh} 加 ${curve.bonusPoints} 分：100 + ${extra} = ${roundTo(raw, 2)} 分（封顶 ${curve.cap}）`,
            en: `${by.en} beyond the target, +${curve.bonusPoints} per ${per.en}: 100 + ${extra} = ${roundTo(raw, 2)} (cap ${curve.cap})`,
          },
        };
      }
      if (g(value) >= g(target)) {
        return { score: 100, segment: 'target', text: { zh: '达到目标，得 100 分', en: 'meets the target: 100' } };
      }
      const ff = fmt(f);
      if (g(value) <= g(f)) {
        return {
          score: 0,
          segment: 'floor',
          text: { zh: `未过 0 分线 ${ff.zh}，得 0 分`, en: `at or past the zero line of ${ff.en}: 0` },
        };
      }
      const score = ((g(value) - g(f)) / (g(target) - g(f))) * 100;
      const [v, t, fl] = [fmt(value), fmt(target), ff];
      const num = lower ? `${fl.zh} − ${v.zh}` : `${v.zh} − ${fl.zh}`;
      const den = lower ? `${fl.zh} − ${t.zh}` : `${t.zh} − ${fl.zh}`;
      const numEn = lower ? `${fl.en} − ${v.en}` : `${v.en} − ${fl.en}`;
      const denEn = lower ? `${fl.en} − ${t.en}` : `${t.en} − ${fl.en}`;
      const s = formatPoints(score);
      return {
        score,
        segment: 'linear',
        text: {
          zh: `在 0 分线 ${fl.zh}与目标之间按比例计分：(${num}) ÷ (${den}) × 100 = ${s.zh}`,
          en: `pro rata between the zero line ${fl.en} and the target: (${numEn}) / (${denEn}) × 100 = ${s.en}`,
        },
      };
    }
    case 'steps': {
      for (let i = 0; i < curve.bands.length; i++) {
        const b = curve.bands[i];
        if (g(value) >= g(b.bound)) {
          const bf = fmt(b.bound);
          return {
            score: b.score,
            segment: 'band',
            band: i + 1,
            text: {
              zh: `落在第 ${i + 1} 档（${c.zh} ${bf.zh} → ${b.score} 分）`,
              en: `falls in band ${i + 1} (${c.en} ${bf.en} → ${b.score})`,
            },
          };
        }
      }
      const last = fmt(curve.bands[curve.bands.length - 1].bound);
      return {
        score: curve.otherwise,
        segment: 'otherwise',
        text: {
          zh: `未达任何档位（最末档 ${c.zh} ${last.zh}），得 ${curve.otherwise} 分`,
          en: `reaches no band (the last is ${c.en} ${last.en}): ${curve.otherwise}`,
        },
      };
    }
  }
}
