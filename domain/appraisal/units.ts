/**
 * Units of appraisal values and how they are written. A scheme stores every target, floor and
 * band bound in the indicator's own unit — the metric engine's unit (a rate is a fraction: 90 %
 * is stored as 0.9; times in seconds; money in cents) — so a value from the engine is compared
 * with a target without conversion. People type and read rates as percentages: the editor
 * converts with `toDisplay` / `fromDisplay`, and every explanation formats with `formatValue`.
 */
import type { MetricUnit } from '../metrics/catalogue.ts';

/** A unit of an indicator: the metric units (`score` = points 0–100, e.g. a QA score or a review). */
export type IndicatorUnit = MetricUnit;

/** A text in both languages of the product. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * Rounds to `digits` decimals, half away from zero, after removing binary noise
 * (0.61 − 0.4 = 0.21000000000000002 must round like 0.21).
 */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Number((x * f).toPrecision(12));
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / f;
}

/** A fraction in basis points (1/10000) as an integer, free of binary noise: 0.9549 → 9549. */
export function basisPoints(fraction: number): number {
  return Math.round(roundTo(fraction * 10_000, 6));
}

/** Stored value → the number a person types (ratio 0.9 → 90); other units unchanged. */
export function toDisplay(unit: IndicatorUnit, stored: number): number {
  return unit === 'ratio' ? roundTo(stored * 100, 6) : stored;
}

/** The number a person typed → stored value (90 → 0.9 for a ratio); other units unchanged. */
export function fromDisplay(unit: IndicatorUnit, typed: number): number {
  return unit === 'ratio' ? roundTo(typed / 100, 8) : typed;
}

const trim = (x: number, digits: number): string => String(roundTo(x, digits));

function groupThousands(s: string): string {
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Money in integer cents as `¥1,234.56`. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const yuan = Math.floor(abs / 100);
  const fen = String(abs % 100).padStart(2, '0');
  return `${sign}¥${groupThousands(String(yuan))}.${fen}`;
}

/** A stored value as people read it, in both languages (0.9 → 90%, 35 → 35 秒 / 35 s). */
export function formatValue(unit: IndicatorUnit, value: number): Bilingual {
  switch (unit) {
    case 'ratio': {
      const t = `${trim(value * 100, 2)}%`;
      return { zh: t, en: t };
    }
    case 'seconds':
      return { zh: `${trim(value, 1)} 秒`, en: `${trim(value, 1)} s` };
    case 'per_day':
      return { zh: `${trim(value, 2)} 人/天`, en: `${trim(value, 2)} per day` };
    case 'count':
      return { zh: `${trim(value, 2)} 个`, en: trim(value, 2) };
    case 'cents': {
      const t = formatCents(Math.round(value));
      return { zh: t, en: t };
    }
    case 'score':
      return { zh: `${trim(value, 2)} 分`, en: `${trim(value, 2)} pts` };
  }
}

/** A score in points (the 0–100 scale of an indicator), both languages. */
export function formatPoints(points: number): Bilingual {
  return { zh: `${trim(points, 2)} 分`, en: `${trim(points, 2)} points` };
}
