/**
 * Appraising one agent for one cycle (SPEC APR-4, APR-8): every indicator's value, score,
 * weight, points and "why"; the total, grade and what was left out. The result is a snapshot —
 * scheme id and version, values used, weights, options — that the server freezes on finalising.
 *
 * Rules:
 * - Missing parts re-weight, never count as 0 (APR-8): an indicator with no value (null: no
 *   self-review, fewer 360 raters than the minimum, no complaints to rate…) passes its weight to
 *   the other scored indicators of its section, in proportion to their weights; a section with
 *   nothing scored (or left out of the cycle, e.g. monthly cycles score only `quantitative`)
 *   passes its weight to the other sections the same way. Every such move is written in `notes`.
 * - A `'pending'` value (paid conversion before the payment window closes) is left out the same
 *   way, and the result is `provisional` until it settles.
 * - Pro-rating (new hires, long leave): `coverage` is the share of the period the agent was
 *   present. It scales only volumes stated per month (`scaling: 'per_month'`, e.g. case
 *   contributions ≥ 1/month → ≥ 0.5 at half presence; × 3 in a quarter). Rates, averages and
 *   per-day figures are already normalised and are not touched. The bonus base uses it too.
 * - Points = score × weight / 100, rounded to 2 decimals; the total is the sum of the points
 *   shown (so anyone can add them up by hand) and may pass 100 through capped bonuses.
 */
import type { Level } from '../org.ts';
import { reviewValue, DEFAULT_MIN_PEER_RATERS, type ReviewInputs } from './reviews.ts';
import {
  maxScore,
  targetFor,
  unitOf,
  type Direction,
  type Indicator,
  type Scheme,
  type SectionKind,
} from './scheme.ts';
import { validateScheme, type SchemeProblem } from './validate.ts';
import { scoreIndicator, targetScale, type ScoreWhy } from './score.ts';
import { DEFAULT_GRADE_BANDS, gradeFor, type Calibration, type Grade, type GradeBands } from './grade.ts';
import { roundTo, type Bilingual, type IndicatorUnit } from './units.ts';

export {
  calibrate,
  rankWithinGroups,
  gradeFor,
  validateGradeBands,
  CalibrationError,
  DEFAULT_GRADE_BANDS,
  GRADES,
} from './grade.ts';
export type { Calibration, CalibrationInput, Grade, GradeBands, RankRow, Ranked } from './grade.ts';

/** A value for an indicator: a number in its unit, null = no data, 'pending' = not settled yet. */
export type IndicatorValue = number | null | 'pending';

export interface AppraisalInputs {
  agentId: string;
  level: Level;
  /** by indicator id; an absent id takes its value from `reviews` (review kinds) or is null */
  values: Readonly<Record<string, IndicatorValue | undefined>>;
  reviews?: ReviewInputs;
}

export interface AppraisalOptions {
  /** the sections this cycle scores; default all (monthly cycles: ['quantitative']) */
  sections?: readonly SectionKind[];
  /** share of the period the agent was present, 0 < coverage ≤ 1; default 1 */
  coverage?: number;
  /** months in the period: 1 monthly, 3 quarterly; default 1 */
  periodMonths?: number;
  gradeBands?: GradeBands;
  /** fewer 360 raters than this and the 360 score is withheld; default 3 */
  minPeerRaters?: number;
}

export type IndicatorStatus = 'scored' | 'missing' | 'pending' | 'excluded';

export interface IndicatorResult {
  id: string;
  label: Bilingual;
  section: SectionKind;
  unit: IndicatorUnit;
  direction: Direction;
  value: IndicatorValue;
  status: IndicatorStatus;
  /** percent of the total the scheme gives it (section × indicator / 100) */
  declaredWeight: number;
  /** percent of the total it carried after re-weighting (0 unless scored) */
  weight: number;
  score: number | null;
  points: number | null;
  met: boolean | null;
  /** the target that applied (this level, scaled for per-month volumes) */
  target: number;
  /** one sentence: the score's reasoning, or why it was left out */
  why: Bilingual;
  detail: ScoreWhy | null;
}

export interface SectionResult {
  kind: SectionKind;
  label: Bilingual;
  declaredWeight: number;
  /** after passing on the weight of sections with nothing scored */
  weight: number;
  points: number;
  /** some indicator's weight was passed to the others */
  reweighted: boolean;
}

export interface AppraisalResult {
  agentId: string;
  schemeId: string;
  schemeVersion: number;
  level: Level;
  periodMonths: number;
  coverage: number;
  indicators: IndicatorResult[];
  sections: SectionResult[];
  /** the computed total (never changed by calibration); null when nothing could be scored */
  total: number | null;
  grade: Grade | null;
  /** the most this result could have reached with the weights it used */
  maxTotal: number;
  status: 'complete' | 'provisional' | 'empty';
  notes: Bilingual[];
  gradeBands: GradeBands;
  calibration: Calibration | null;
  /** what counts: the calibrated total and grade when calibrated, the computed ones otherwise */
  final: { total: number | null; grade: Grade | null };
}

/** The scheme given to `appraise` has problems; they are listed. */
export class SchemeInvalidError extends Error {
  constructor(readonly problems: SchemeProblem[]) {
    super(`invalid scheme: ${problems.map((p) => `${p.path.join('.')}: ${p.en}`).join('; ')}`);
    this.name = 'SchemeInvalidError';
  }
}

const pctText = (x: number): string => `${roundTo(x, 2)}%`;

function resolveValue(ind: Indicator, inputs: AppraisalInputs, minPeerRaters: number): IndicatorValue {
  const given = inputs.values[ind.id];
  if (typeof given === 'number' && !Number.isFinite(given)) {
    throw new RangeError(`value of indicator ${ind.id} is not a finite number: ${given}`);
  }
  if (given !== undefined) return given;
  if (ind.kind === 'review') return reviewValue(ind.review, inputs.reviews, minPeerRaters) ?? null;
  return null;
}

/** Appraises one agent with one scheme version; see the file comment for the rules. */
export function appraise(scheme: Scheme, inputs: AppraisalInputs, options: AppraisalOptions = {}): AppraisalResult {
  const problems = validateScheme(scheme);
  if (problems.length > 0) throw new SchemeInvalidError(problems);
  const coverage = options.coverage ?? 1;
  const periodMonths = options.periodMonths ?? 1;
  if (!(coverage > 0 && coverage <= 1)) throw new RangeError(`coverage must be in (0, 1], got ${coverage}`);
  if (!Number.isInteger(periodMonths) || periodMonths < 1)
    throw new RangeError(`periodMonths must be a whole number ≥ 1`);
  const bands = options.gradeBands ?? DEFAULT_GRADE_BANDS;
  const minPeerRaters = options.minPeerRaters ?? DEFAULT_MIN_PEER_RATERS;
  const included = new Set(options.sections ?? scheme.sections.map((s) => s.kind));
  const ctx = { coverage, periodMonths };
  const notes: Bilingual[] = [];

  // 1. value and score of every indicator
  const rows = scheme.sections.map((section) => ({
    section,
    items: section.indicators.map((ind) => {
      const value = resolveValue(ind, inputs, minPeerRaters);
      const status: IndicatorStatus = !included.has(section.kind)
        ? 'excluded'
        : value === null
          ? 'missing'
          : value === 'pending'
            ? 'pending'
            : 'scored';
      const scored =
        status === 'scored' && typeof value === 'number' ? scoreIndicator(ind, value, inputs.level, ctx) : null;
      return { ind, value, status, scored };
    }),
  }));

  // 2. weights: sections with something scored share 100; inside, scored indicators share the section
  const active = rows.filter((r) => r.items.some((i) => i.scored !== null));
  const activeSum = active.reduce((a, r) => a + r.section.weight, 0);
  const indicators: IndicatorResult[] = [];
  const sections: SectionResult[] = [];
  let totalHundredths = 0;
  let maxTotal = 0;
  for (const { section, items } of rows) {
    const isActive = active.some((r) => r.section === section);
    const sectionWeight = isActive ? (section.weight * 100) / activeSum : 0;
    const presentSum = items.reduce((a, i) => a + (i.scored !== null ? i.ind.weight : 0), 0);
    let sectionHundredths = 0;
    for (const { ind, value, status, scored } of items) {
      const declaredWeight = (section.weight * ind.weight) / 100;
      const weight = scored !== null ? (sectionWeight * ind.weight) / presentSum : 0;
      const points = scored !== null ? roundTo((scored.score * weight) / 100, 2) : null;
      if (points !== null) sectionHundredths += Math.round(points * 100);
      if (scored !== null) maxTotal += (maxScore(ind.curve) * weight) / 100;
      const target = scored?.target ?? targetFor(ind.target, inputs.level) * targetScale(ind, ctx);
      indicators.push({
        id: ind.id,
        label: ind.label,
        section: section.kind,
        unit: unitOf(ind) as IndicatorUnit,
        direction: ind.direction,
        value,
        status,
        declaredWeight,
        weight,
        score: scored?.score ?? null,
        points,
        met: scored?.met ?? null,
        target,
        why: scored ? scored.why.summary : leftOutWhy(ind, status, section.label, declaredWeight, isActive),
        detail: scored?.why ?? null,
      });
      if (status === 'missing' || status === 'pending') {
        notes.push(leftOutWhy(ind, status, section.label, declaredWeight, isActive));
      }
    }
    if (included.has(section.kind) && !isActive) {
      notes.push({
        zh: `“${section.label.zh}”本期没有可计分的指标：其 ${pctText(section.weight)} 权重按比例分给其余部分。`,
        en: `Nothing in "${section.label.en}" could be scored this period: its ${pctText(section.weight)} passes to the other sections in proportion.`,
      });
    } else if (!included.has(section.kind)) {
      notes.push({
        zh: `本周期不考核“${section.label.zh}”：其余部分按比例计满 100%。`,
        en: `This cycle does not appraise "${section.label.en}": the other sections make up 100% in proportion.`,
      });
    }
    totalHundredths += sectionHundredths;
    sections.push({
      kind: section.kind,
      label: section.label,
      declaredWeight: section.weight,
      weight: sectionWeight,
      points: sectionHundredths / 100,
      reweighted: isActive && presentSum < 100 - 1e-9,
    });
  }
  if (coverage < 1) {
    notes.push({
      zh: `本期在岗比例 ${roundTo(coverage * 100, 2)}%：按月计的数量目标按比例折算；比率、平均值和日均指标不受影响。`,
      en: `Present for ${roundTo(coverage * 100, 2)}% of the period: per-month volume targets are scaled down; rates, averages and per-day figures are not.`,
    });
  }

  const total = active.length > 0 ? totalHundredths / 100 : null;
  const grade = total === null ? null : gradeFor(total, bands);
  const pending = indicators.some((i) => i.status === 'pending');
  return {
    agentId: inputs.agentId,
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    level: inputs.level,
    periodMonths,
    coverage,
    indicators,
    sections,
    total,
    grade,
    maxTotal: roundTo(maxTotal, 2),
    status: total === null ? 'empty' : pending ? 'provisional' : 'complete',
    notes,
    gradeBands: bands,
    calibration: null,
    final: { total, grade },
  };
}

function leftOutWhy(
  ind: Indicator,
  status: IndicatorStatus,
  section: Bilingual,
  declaredWeight: number,
  sectionActive: boolean,
): Bilingual {
  if (status === 'excluded') {
    return { zh: `本周期不考核“${section.zh}”。`, en: `This cycle does not appraise "${section.en}".` };
  }
  const w = pctText(declaredWeight);
  const where = sectionActive
    ? {
        zh: `按比例分给“${section.zh}”中其余指标`,
        en: `passes to the other indicators of "${section.en}" in proportion`,
      }
    : { zh: `随“${section.zh}”一起分给其余部分`, en: `passes with "${section.en}" to the other sections` };
  if (status === 'pending') {
    return {
      zh: `“${ind.label.zh}”尚待结算（如付款窗口未结束）：暂不计分，其 ${w} 权重${where.zh}；结果为临时结果。`,
      en: `"${ind.label.en}" is pending (e.g. the payment window is still open): not scored yet, its ${w} ${where.en}; the result is provisional.`,
    };
  }
  return {
    zh: `“${ind.label.zh}”本期无数据：不按 0 分计，其 ${w} 权重${where.zh}。`,
    en: `"${ind.label.en}" has no data this period: it is not counted as 0; its ${w} ${where.en}.`,
  };
}
