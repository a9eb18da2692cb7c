/**
 * Editing a scheme draft without mutating it (pure): one field of a section or an indicator,
 * switching an indicator's kind, target mode or curve type with sensible values, and finding
 * the problems (local or the server's) that belong to a place in the scheme.
 */
import { LEVELS } from '../../../../../domain/org.ts';
import { METRIC_DEFINITIONS, type MetricKey } from '../../../../../domain/metrics/catalogue.ts';
import {
  targetFor,
  unitOf,
  type Bilingual,
  type Curve,
  type CurveType,
  type Indicator,
  type PerLevel,
  type Scheme,
  type SchemePath,
  type SchemeProblem,
  type Section,
  type Target,
} from '../../../../../domain/appraisal/index.ts';

export function updateSection(s: Scheme, si: number, patch: Partial<Section>): Scheme {
  return { ...s, sections: s.sections.map((sec, i) => (i === si ? { ...sec, ...patch } : sec)) };
}

export function updateIndicator(s: Scheme, si: number, ii: number, next: Indicator): Scheme {
  const sec = s.sections[si];
  return updateSection(s, si, { indicators: sec.indicators.map((ind, i) => (i === ii ? next : ind)) });
}

export function removeIndicator(s: Scheme, si: number, ii: number): Scheme {
  return updateSection(s, si, { indicators: s.sections[si].indicators.filter((_, i) => i !== ii) });
}

/** A free id like `indicator_3` (ids are unique across the scheme and stable across versions). */
export function freeId(s: Scheme, base = 'indicator'): string {
  const used = new Set(s.sections.flatMap((sec) => sec.indicators.map((i) => i.id)));
  for (let n = 1; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The bilingual label a new indicator starts with (content of the scheme, renamed in the editor). */
const NEW_LABEL: Bilingual = { zh: '新指标', en: 'New indicator' };

/** Appends a new metric indicator (weight 0, so the sums say what is left to share). */
export function addIndicator(s: Scheme, si: number): Scheme {
  const ind: Indicator = {
    id: freeId(s),
    kind: 'metric',
    metric: 'reply_rate',
    label: NEW_LABEL,
    direction: 'higher',
    target: 0.9,
    weight: 0,
    curve: { type: 'linear', floor: 0.5 },
  };
  return updateSection(s, si, { indicators: [...s.sections[si].indicators, ind] });
}

/** Sum of the indicator weights of a section, in percent. */
export const sectionSum = (sec: Section): number =>
  Math.round(sec.indicators.reduce((a, i) => a + (Number.isFinite(i.weight) ? i.weight : 0), 0) * 1e4) / 1e4;

/** Sum of the section weights, in percent. */
export const schemeSum = (s: Scheme): number =>
  Math.round(s.sections.reduce((a, sec) => a + (Number.isFinite(sec.weight) ? sec.weight : 0), 0) * 1e4) / 1e4;

/** A metric's direction when it has one (a metric indicator must go the metric's way). */
function metricDirection(metric: MetricKey): 'higher' | 'lower' | null {
  const d = METRIC_DEFINITIONS[metric].direction;
  return d === 'neutral' ? null : d;
}

/** The fields every indicator has, without the kind-specific ones. */
function common(ind: Indicator) {
  const { id, label, direction, target, weight, curve, scaling, basis } = ind;
  return { id, label, direction, target, weight, curve, ...(scaling ? { scaling } : {}), ...(basis ? { basis } : {}) };
}

/** The indicator measuring another metric: direction follows the metric. */
export function withMetric(ind: Indicator, metric: MetricKey): Indicator {
  return { ...common(ind), kind: 'metric', metric, direction: metricDirection(metric) ?? ind.direction };
}

/** The indicator turned into a review item (or a metric); kind-specific fields are swapped. */
export function withKind(ind: Indicator, kind: Indicator['kind']): Indicator {
  if (kind === ind.kind) return ind;
  if (kind === 'metric') return withMetric(ind, 'reply_rate');
  return { ...common(ind), kind: 'review', review: 'manual', unit: unitOf(ind) ?? 'score' };
}

/** One target for all levels, or one per level (each starting at the junior target). */
export function withTargetMode(target: Target, perLevel: boolean): Target {
  if (perLevel === (typeof target !== 'number')) return target;
  if (!perLevel) return targetFor(target, 'junior');
  const t = target as number;
  return Object.fromEntries(LEVELS.map((l) => [l, t])) as unknown as PerLevel;
}

/** The curve of another type, keeping the floor and building bands from the target towards it (best first). */
export function withCurveType(curve: Curve, type: CurveType, target: number): Curve {
  if (curve.type === type) return curve;
  const floor = curve.type === 'steps' ? (curve.bands[curve.bands.length - 1]?.bound ?? target) : curve.floor;
  switch (type) {
    case 'linear':
      return { type, floor };
    case 'capped_bonus': {
      const step = Math.abs(target - floor) / 10 || 1;
      return { type, floor, bonusPer: step, bonusPoints: 2, cap: 120 };
    }
    case 'steps': {
      const gap = (floor - target) / 2;
      const bound = (k: number) => Math.round((target + gap * k) * 1e6) / 1e6;
      return {
        type,
        bands: [
          { bound: target, score: 100 },
          { bound: bound(1), score: 80 },
          { bound: bound(2), score: 60 },
        ],
        otherwise: 0,
      };
    }
  }
}

/** Whether `path` lies at or under `prefix`. */
export const under = (path: SchemePath, prefix: SchemePath): boolean =>
  prefix.every((p, i) => String(path[i]) === String(p));

/** The problems at or under a place (an indicator, a section, one field). */
export const problemsAt = (problems: SchemeProblem[], prefix: SchemePath): SchemeProblem[] =>
  problems.filter((p) => under(p.path, prefix));

/** The server's `field` of a problem (`sections.0.indicators.1.weight`) as a path. */
export const parseField = (field: string | undefined): SchemePath =>
  field ? field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];

export interface Place {
  section: Bilingual | null;
  indicator: Bilingual | null;
  /** what is left of the path after the section and indicator (`weight`, `curve.floor`, `target.junior`) */
  field: string;
}

/** Where a path points in a scheme, by name: section, indicator and the field inside. */
export function placeOf(s: Scheme, path: SchemePath): Place {
  const [a, si, b, ii] = path;
  if (a !== 'sections' || typeof si !== 'number') return { section: null, indicator: null, field: path.join('.') };
  const sec = s.sections[si];
  // `sections.i.indicators` is the section's indicators as a whole (their weight sum): the section itself
  if (b === 'indicators' && path.length === 3) return { section: sec?.label ?? null, indicator: null, field: '' };
  if (b !== 'indicators' || typeof ii !== 'number')
    return { section: sec?.label ?? null, indicator: null, field: path.slice(2).join('.') };
  return { section: sec?.label ?? null, indicator: sec?.indicators[ii]?.label ?? null, field: path.slice(4).join('.') };
}
