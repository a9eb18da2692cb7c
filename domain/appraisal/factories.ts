/**
 * Test-data builders for appraisal (STYLE: factories, not hand-copied rows). Each builder gives a
 * valid default and takes overrides.
 */
import type { CycleReadiness } from './cycle.ts';
import type { Standing } from './redline.ts';
import type { AppraisalInputs, IndicatorValue } from './result.ts';
import type { Indicator, ReviewKind, Scheme, Section } from './scheme.ts';

/** Inputs for one agent; values by indicator id. */
export function buildInputs(
  overrides: Partial<AppraisalInputs> & Pick<AppraisalInputs, 'agentId' | 'level'>,
): AppraisalInputs {
  return { values: {}, ...overrides };
}

/** The default scheme's eleven values in scheme order (first response … case contributions). */
export function defaultSchemeValues(v: {
  firstResponseS: number;
  avgResponseS: number;
  immediateResolution: IndicatorValue;
  repeatComplaint: IndicatorValue;
  customersPerDay: number;
  utilisation: IndicatorValue;
  qa: IndicatorValue;
  satisfaction: IndicatorValue;
  positiveReviews: IndicatorValue;
  trainingPass: IndicatorValue;
  cases: IndicatorValue;
}): Record<string, IndicatorValue> {
  return {
    first_response: v.firstResponseS,
    avg_response: v.avgResponseS,
    immediate_resolution: v.immediateResolution,
    repeat_complaint: v.repeatComplaint,
    customers_per_day: v.customersPerDay,
    utilisation: v.utilisation,
    qa_score: v.qa,
    satisfaction: v.satisfaction,
    positive_reviews: v.positiveReviews,
    training_pass: v.trainingPass,
    case_contributions: v.cases,
  };
}

/** An average-response indicator with issue 4's bands (≤35 → 100, ≤45 → 80, ≤55 → 60, else 0). */
export function buildStepIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: 'avg_response',
    kind: 'metric',
    metric: 'avg_response_s',
    label: { zh: '平均响应时间', en: 'Average response time' },
    direction: 'lower',
    target: 35,
    weight: 100,
    curve: {
      type: 'steps',
      bands: [
        { bound: 35, score: 100 },
        { bound: 45, score: 80 },
        { bound: 55, score: 60 },
      ],
      otherwise: 0,
    },
    ...overrides,
  } as Indicator;
}

/** A 0–100 review item with a linear curve from `floor`. */
export function buildReviewIndicator(review: ReviewKind, weight: number, target = 90, floor = 60): Indicator {
  return {
    id: review,
    kind: 'review',
    review,
    label: { zh: review, en: review },
    direction: 'higher',
    target,
    weight,
    curve: { type: 'linear', floor },
  };
}

export function buildScheme(sections: Section[], overrides: Partial<Scheme> = {}): Scheme {
  return { id: 'test', version: 1, name: { zh: '测试方案', en: 'Test scheme' }, sections, ...overrides };
}

export function buildSection(kind: Section['kind'], weight: number, indicators: Indicator[]): Section {
  return {
    kind,
    weight,
    label: kind === 'quantitative' ? { zh: '定量指标', en: 'Quantitative' } : { zh: '定性指标', en: 'Qualitative' },
    indicators,
  };
}

export function buildReadiness(overrides: Partial<CycleReadiness> = {}): CycleReadiness {
  return {
    schemeVersion: 1,
    agentIds: ['a1', 'a2'],
    unenteredValues: [],
    openReviews: [],
    pendingValues: [],
    openAppeals: [],
    ...overrides,
  };
}

export const STAR_2: Standing = { level: 'star', star: 2 };
export const STAR_1: Standing = { level: 'star', star: 1 };
export const SENIOR: Standing = { level: 'senior', star: null };
export const JUNIOR: Standing = { level: 'junior', star: null };
