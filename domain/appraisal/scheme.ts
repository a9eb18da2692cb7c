/**
 * Appraisal schemes (考核方案, SPEC APR-1): a versioned list of sections, each a list of weighted
 * indicators with a target, a direction and a scoring curve. A scheme is plain JSON-able data —
 * the server stores each version as a row and a finalised cycle keeps the version it ran with.
 *
 * Checking a scheme is validate.ts, scoring one indicator score.ts, the shipped schemes defaults.ts.
 *
 * Conventions (every function here and in score.ts/result.ts follows them):
 * - Targets, floors and band bounds are in the indicator's own unit (units.ts): rate 0.9, not 90.
 * - A section's `weight` is its percent of the whole; an indicator's `weight` is its percent of
 *   its section. Both lists sum to 100; the indicator's share of the total is the product / 100.
 * - Scores are points on a 0–100 scale; a `capped_bonus` curve may go above 100 up to its cap.
 */
import type { Level } from '../org.ts';
import { METRIC_DEFINITIONS, type MetricKey } from '../metrics/catalogue.ts';
import type { MetricSettings } from '../metrics/settings.ts';
import type { Bilingual, IndicatorUnit } from './units.ts';

/** The two kinds of section a scheme has (seed 004: 定量指标 / 定性指标). */
export const SECTION_KINDS = ['quantitative', 'qualitative'] as const;
/** 定量 quantitative (data from the engine) / 定性 qualitative (reviews and judgements). */
export type SectionKind = (typeof SECTION_KINDS)[number];

/** Review items later modules fill (QA, training…); until then entered by hand or imported. */
export const REVIEW_KINDS = [
  'self',
  'supervisor',
  'peer360',
  'customer_survey',
  'qa_score',
  'training_pass_rate',
  'case_contributions',
  'manual',
] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export type Direction = 'higher' | 'lower';

/** A target for each level (初级/资深/星级), e.g. immediate resolution junior 0.75, senior 0.9. */
export type PerLevel = Readonly<Record<Level, number>>;
export type Target = number | PerLevel;

export interface StepBand {
  /** lower-is-better: value ≤ bound; higher-is-better: value ≥ bound (stored unit) */
  bound: number;
  score: number;
}

/**
 * How a value becomes points.
 * - `linear`: `floor` → 0, target → 100, straight between, clamped to 0–100. For lower-is-better
 *   the floor is above the target (60 s → 0 … 30 s → 100).
 * - `capped_bonus`: as linear up to the target, then +`bonusPoints` for every `bonusPer` beyond
 *   it (continuous, not only whole steps), never above `cap` (e.g. 120).
 * - `steps`: the first band the value reaches gives the score; none reached → `otherwise`.
 *   Bands run from best to worst (lower-is-better: ascending bounds; higher: descending).
 */
export type Curve =
  | { type: 'linear'; floor: number }
  | { type: 'capped_bonus'; floor: number; bonusPer: number; bonusPoints: number; cap: number }
  | { type: 'steps'; bands: readonly StepBand[]; otherwise: number };
export type CurveType = Curve['type'];

interface IndicatorBase {
  /** stable across versions of a scheme family: results and bonus rules refer to it */
  id: string;
  label: Bilingual;
  direction: Direction;
  target: Target;
  /** percent of its section */
  weight: number;
  curve: Curve;
  /**
   * `per_month`: the target (and floor, bands) is a volume per month of full presence; it is
   * multiplied by the period's months and the agent's coverage (result.ts). Counts only.
   */
  scaling?: 'per_month';
  /** where the numbers come from (seed document, SPEC line), shown in the editor */
  basis?: string;
}

/** An indicator computed by the metric engine, optionally with its own metric settings. */
export interface MetricIndicator extends IndicatorBase {
  kind: 'metric';
  metric: MetricKey;
  settings?: Partial<MetricSettings>;
}

/** An indicator from a review or a hand-entered/imported figure; `unit` is required for `manual`. */
export interface ReviewIndicator extends IndicatorBase {
  kind: 'review';
  review: ReviewKind;
  unit?: IndicatorUnit;
}

export type Indicator = MetricIndicator | ReviewIndicator;

export interface Section {
  kind: SectionKind;
  label: Bilingual;
  /** percent of the whole scheme */
  weight: number;
  indicators: readonly Indicator[];
}

export interface Scheme {
  /** the scheme family (e.g. `default`); with `version` it names one frozen version */
  id: string;
  version: number;
  name: Bilingual;
  sections: readonly Section[];
}

/** The unit of each review kind (self/supervisor/360 and QA are 0–100 points; rates are fractions). */
export const REVIEW_UNITS: Readonly<Record<Exclude<ReviewKind, 'manual'>, IndicatorUnit>> = {
  self: 'score',
  supervisor: 'score',
  peer360: 'score',
  customer_survey: 'ratio',
  qa_score: 'score',
  training_pass_rate: 'ratio',
  case_contributions: 'count',
};

/** What each review kind measures, for the "why" of a score. */
export const REVIEW_DEFINITIONS: Readonly<Record<ReviewKind, Bilingual>> = {
  self: { zh: '自评（员工复盘总结）得分，0–100 分。', en: 'Self-review score (the agent’s own review), 0–100.' },
  supervisor: {
    zh: '上级评分（主管结合日常表现），0–100 分。',
    en: 'Supervisor review score from daily performance, 0–100.',
  },
  peer360: {
    zh: '360 度评价：主管指定的同事匿名评分的平均值，评价人数不足下限时不计。',
    en: 'Peer/360 review: mean of anonymous scores by colleagues the supervisor picked; not counted below the minimum number of raters.',
  },
  customer_survey: {
    zh: '客户回访：随机抽取的 10% 服务客户中给出满意评价的比例。',
    en: 'Customer survey: share of the random 10 % sample of served customers who answered satisfied.',
  },
  qa_score: {
    zh: '质检得分：本期质检复核会话的平均分（申诉改判后的分数），0–100 分；本期没有质检复核时取手工录入的数值。',
    en: 'QA score: mean of the review scores of the agent’s conversations reviewed by QA in the period (after any dispute), 0–100; when none was reviewed, the figure entered by hand.',
  },
  training_pass_rate: {
    zh: '培训考核通过率：通过的考核 ÷ 参加的考核。',
    en: 'Training pass rate: exams passed / exams taken.',
  },
  case_contributions: {
    zh: '案例分享贡献：本期输出并被认可的优质解决方案个数。',
    en: 'Case contributions: accepted good-solution write-ups this period.',
  },
  manual: {
    zh: '手工录入或导入的数值（相应模块上线前）。',
    en: 'A figure entered by hand or imported (until its module exists).',
  },
};

/** The unit an indicator's values, targets and bounds are in (null only for an invalid scheme). */
export function unitOf(indicator: Indicator): IndicatorUnit | null {
  if (indicator.kind === 'metric') return METRIC_DEFINITIONS[indicator.metric]?.unit ?? null;
  if (indicator.unit !== undefined) return indicator.unit;
  return indicator.review === 'manual' ? null : (REVIEW_UNITS[indicator.review] ?? null);
}

/** The target that applies to a level. */
export function targetFor(target: Target, level: Level): number {
  return typeof target === 'number' ? target : target[level];
}

/** What an indicator measures, in both languages (the metric catalogue's definition or the review's). */
export function definitionOf(indicator: Indicator): Bilingual {
  if (indicator.kind === 'metric') {
    const d = METRIC_DEFINITIONS[indicator.metric];
    return { zh: d.definitionZh, en: d.definitionEn };
  }
  return REVIEW_DEFINITIONS[indicator.review];
}

/** Every indicator with its section, in scheme order. */
export function indicatorsOf(scheme: Scheme): { section: Section; indicator: Indicator }[] {
  return scheme.sections.flatMap((section) => section.indicators.map((indicator) => ({ section, indicator })));
}

/** The largest score a curve can give (100, or a capped bonus's cap, or a step band above 100). */
export function maxScore(curve: Curve): number {
  switch (curve.type) {
    case 'linear':
      return 100;
    case 'capped_bonus':
      return curve.cap;
    case 'steps':
      return Math.max(curve.otherwise, ...curve.bands.map((b) => b.score));
  }
}
