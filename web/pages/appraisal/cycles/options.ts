/**
 * A new cycle's options as a person fills them in (yuan, percentages) and as the API takes them
 * (integer cents, basis points, fractions): the defaults shown up front, and the conversion.
 * Pure, so the round trip is tested without a browser.
 */
import {
  DEFAULT_BONUS_SETTINGS,
  DEFAULT_GRADE_BANDS,
  DEFAULT_MIN_PEER_RATERS,
  DEFAULT_SURVEY_RATE,
  type Scheme,
} from '../../../../domain/appraisal/index.ts';
import { METRIC_DEFINITIONS, type MetricKey, type MetricUnit } from '../../../../domain/metrics/catalogue.ts';
import type { CycleOptionsIn } from '../../../../server/modules/appraisal/appraisal.schema.ts';

export interface TeamTargetValues {
  metric: MetricKey;
  direction: 'higher' | 'lower';
  /** as typed: a rate in %, money in yuan, anything else in its unit */
  target: number;
}

/** The options form's values, in the units people type. */
export interface OptionValues {
  grades: { S: number; A: number; B: number; C: number };
  baseYuan: { junior: number; senior: number; star: number };
  belowTarget: 'pro_rata' | 'zero';
  prorateByCoverage: boolean;
  excessIds: string[];
  excessPercentPerPoint: number;
  excessCapPercent: number;
  innovationYuan: number;
  teamSplit: 'equal' | 'coverage';
  commission: boolean;
  commissionPercent: number;
  aovBonus: boolean;
  aovMinUpliftPercent: number;
  aovYuan: number;
  teamAward: boolean;
  teamPoolYuan: number;
  teamTargets: TeamTargetValues[];
  minPeerRaters: number;
  surveyPercent: number;
}

const yuan = (cents: number) => cents / 100;
const cents = (yuanAmount: number) => Math.round(yuanAmount * 100);
const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/** How a metric's target is typed: rates as %, money as yuan. */
export const typedUnit = (metric: MetricKey): MetricUnit => METRIC_DEFINITIONS[metric].unit;

/** A typed team target in the metric's stored unit (90 % → 0.9, ¥150 → 15000 cents). */
export function storedTarget(metric: MetricKey, typed: number): number {
  const unit = typedUnit(metric);
  if (unit === 'ratio') return round(typed / 100, 8);
  if (unit === 'cents') return cents(typed);
  return typed;
}

/** The defaults every cycle gets unless changed; the excess award only names indicators the scheme has. */
export function defaultOptionValues(scheme: Scheme | undefined): OptionValues {
  const b = DEFAULT_BONUS_SETTINGS;
  const ids = new Set(scheme?.sections.flatMap((s) => s.indicators.map((i) => i.id)) ?? []);
  return {
    grades: { ...DEFAULT_GRADE_BANDS },
    baseYuan: { junior: yuan(b.baseCents.junior), senior: yuan(b.baseCents.senior), star: yuan(b.baseCents.star) },
    belowTarget: b.belowTarget,
    prorateByCoverage: b.prorateByCoverage,
    excessIds: b.excess.indicatorIds.filter((id) => ids.has(id)),
    excessPercentPerPoint: b.excess.percentPerPoint,
    excessCapPercent: b.excess.capPercent,
    innovationYuan: yuan(b.innovationCents),
    teamSplit: b.teamSplit,
    commission: b.commission !== null,
    commissionPercent: b.commission ? b.commission.rateBasisPoints / 100 : 1,
    aovBonus: Boolean(b.commission?.aovBonus),
    aovMinUpliftPercent: b.commission?.aovBonus ? b.commission.aovBonus.minUplift * 100 : 15,
    aovYuan: b.commission?.aovBonus ? yuan(b.commission.aovBonus.cents) : 200,
    teamAward: false,
    teamPoolYuan: 1000,
    teamTargets: [],
    minPeerRaters: DEFAULT_MIN_PEER_RATERS,
    surveyPercent: DEFAULT_SURVEY_RATE * 100,
  };
}

/** The API's options from the form's values (every field sent, so the cycle freezes what was shown). */
export function toCycleOptions(v: OptionValues): CycleOptionsIn {
  return {
    gradeBands: { ...v.grades },
    bonus: {
      baseCents: { junior: cents(v.baseYuan.junior), senior: cents(v.baseYuan.senior), star: cents(v.baseYuan.star) },
      belowTarget: v.belowTarget,
      prorateByCoverage: v.prorateByCoverage,
      excess: { indicatorIds: v.excessIds, percentPerPoint: v.excessPercentPerPoint, capPercent: v.excessCapPercent },
      innovationCents: cents(v.innovationYuan),
      teamSplit: v.teamSplit,
      commission: v.commission
        ? {
            rateBasisPoints: Math.round(v.commissionPercent * 100),
            aovBonus: v.aovBonus ? { minUplift: round(v.aovMinUpliftPercent / 100), cents: cents(v.aovYuan) } : null,
          }
        : null,
    },
    teamAward: v.teamAward
      ? {
          poolCents: cents(v.teamPoolYuan),
          targets: v.teamTargets.map((x) => ({
            metric: x.metric,
            direction: x.direction,
            target: storedTarget(x.metric, x.target),
          })),
        }
      : null,
    minPeerRaters: v.minPeerRaters,
    surveyRate: round(v.surveyPercent / 100),
  };
}
