/** Appraisal requests and responses (SPEC APR); shared by server and web. */
import { z } from 'zod';
import { LEVELS } from '../../../domain/org.ts';
import { METRIC_KEYS } from '../../../domain/metrics/catalogue.ts';
import {
  CYCLE_KINDS,
  CYCLE_STATES,
  GRADES,
  RED_LINE_KINDS,
  REVIEW_KINDS,
  SECTION_KINDS,
} from '../../../domain/appraisal/index.ts';
import { CycleOptionsIn, CycleOptionsOut } from './appraisal.options.schema.ts';

export * from './appraisal.options.schema.ts';
export * from './appraisal.reviews.schema.ts';
export * from './appraisal.history.schema.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const Bilingual = z.object({ zh: z.string(), en: z.string() });
const UNITS = ['ratio', 'seconds', 'per_day', 'count', 'cents', 'score'] as const;

/** A target for every level or one for all. */
const Target = z.union([
  z.number(),
  z.object(Object.fromEntries(LEVELS.map((l) => [l, z.number()])) as Record<(typeof LEVELS)[number], z.ZodNumber>),
]);

const Curve = z.discriminatedUnion('type', [
  z.object({ type: z.literal('linear'), floor: z.number() }),
  z.object({
    type: z.literal('capped_bonus'),
    floor: z.number(),
    bonusPer: z.number(),
    bonusPoints: z.number(),
    cap: z.number(),
  }),
  z.object({
    type: z.literal('steps'),
    bands: z.array(z.object({ bound: z.number(), score: z.number() })),
    otherwise: z.number(),
  }),
]);

const IndicatorBase = {
  id: z.string().min(1).max(64),
  label: Bilingual,
  direction: z.enum(['higher', 'lower']),
  target: Target,
  /** percent of its section */
  weight: z.number(),
  curve: Curve,
  scaling: z.literal('per_month').optional(),
  basis: z.string().optional(),
};

const Indicator = z.discriminatedUnion('kind', [
  z.object({
    ...IndicatorBase,
    kind: z.literal('metric'),
    metric: z.enum(METRIC_KEYS),
    settings: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({
    ...IndicatorBase,
    kind: z.literal('review'),
    review: z.enum(REVIEW_KINDS),
    unit: z.enum(UNITS).optional(),
  }),
]);

const Section = z.object({
  kind: z.enum(SECTION_KINDS),
  label: Bilingual,
  /** percent of the whole scheme */
  weight: z.number(),
  indicators: z.array(Indicator),
});

/** A scheme version as stored and shown (the domain's Scheme). */
export const SchemeOut = z.object({
  id: z.string(),
  version: z.number().int(),
  name: Bilingual,
  sections: z.array(Section),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type SchemeOut = z.infer<typeof SchemeOut>;

/** A new version of a scheme family (`id`); the server numbers it max + 1. */
export const SchemeCreate = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, _ and -'),
  name: Bilingual,
  sections: z.array(Section),
});
export type SchemeCreate = z.infer<typeof SchemeCreate>;

export const SchemeParams = z.object({ id: z.string(), version: z.coerce.number().int().positive() });

/** Departments and groups a cycle appraises (their agents). */
export const CycleScope = z.object({
  departmentIds: z.array(z.string()).default([]),
  groupIds: z.array(z.string()).default([]),
});

export const CycleCreate = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(CYCLE_KINDS),
  periodFrom: isoDate,
  periodTo: isoDate,
  scope: CycleScope,
  schemeId: z.string(),
  schemeVersion: z.number().int().positive(),
  /** grade bands, bonus rules, team award, peer raters, survey rate; defaults where left out */
  options: CycleOptionsIn.optional(),
});
export type CycleCreate = z.infer<typeof CycleCreate>;

const Missing = Bilingual.extend({ code: z.string(), agentIds: z.array(z.string()) });

export const CycleOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CYCLE_KINDS),
  periodFrom: isoDate,
  periodTo: isoDate,
  scope: z.object({ departmentIds: z.array(z.string()), groupIds: z.array(z.string()) }),
  schemeId: z.string(),
  schemeVersion: z.number().int(),
  state: z.enum(CYCLE_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the next forward state and what stands in its way (empty when ready); null when finalised */
  next: z.object({ state: z.enum(CYCLE_STATES), missing: z.array(Missing) }).nullable(),
  /** the options the cycle runs with (frozen at creation) */
  options: CycleOptionsOut,
});
export type CycleOut = z.infer<typeof CycleOut>;

export const StateChange = z.object({ to: z.enum(CYCLE_STATES) });

/** A review form: self (the agent, own only) or supervisor (a lead or supervisor in scope), 0–100. */
export const ReviewSubmit = z.object({
  personId: z.string(),
  kind: z.enum(['self', 'supervisor']),
  value: z.number().min(0).max(100),
  comment: z.string().max(2000).optional(),
});
export type ReviewSubmit = z.infer<typeof ReviewSubmit>;

/**
 * A hand-entered value for an indicator of the cycle's scheme (QA score, utilisation…) in the
 * indicator's own unit (rates as fractions), or an item outside the scheme: `adopted_suggestions`
 * (a count, for the innovation award), `aov_uplift` (a fraction, for the AOV bonus and star
 * criteria), `repeat_guidance_lift` (a fraction, for the star criteria).
 */
export const ValueSubmit = z.object({
  personId: z.string(),
  itemId: z.string(),
  value: z.number().finite().min(0),
  comment: z.string().max(2000).optional(),
});
export type ValueSubmit = z.infer<typeof ValueSubmit>;

export const CycleParams = z.object({ id: z.string() });
export const ResultParams = z.object({ id: z.string(), personId: z.string() });

export const Calibrate = z.object({ total: z.number(), reason: z.string().max(2000) });
export const AppealBody = z.object({ reason: z.string().trim().min(1, 'a reason is required').max(2000) });
export const AppealAnswer = z.object({ answer: z.string().trim().min(1, 'an answer is required').max(2000) });

export const Appeal = z.object({
  reason: z.string(),
  at: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type Appeal = z.infer<typeof Appeal>;

/** One agent's result in a cycle; `appraisal` is the domain's AppraisalResult (the "why"). */
export const ResultOut = z.object({
  cycleId: z.string(),
  personId: z.string(),
  personName: z.string(),
  groupId: z.string().nullable(),
  total: z.number().nullable(),
  grade: z.enum(GRADES).nullable(),
  finalTotal: z.number().nullable(),
  finalGrade: z.enum(GRADES).nullable(),
  rank: z.number().int().nullable(),
  rankOf: z.number().int(),
  calibration: z.object({ total: z.number(), reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  acknowledgedAt: z.string().nullable(),
  appeal: Appeal.nullable(),
  appraisal: z.unknown(),
  /** the domain's AgentBonus in cents; null when the caller may not see pay */
  bonus: z.unknown().nullable(),
  bonusCents: z.number().int().nullable(),
  /** consequence proposals (the domain's Proposal[]); empty for the agent themself */
  proposals: z.array(z.unknown()),
  computedAt: z.string(),
});
export type ResultOut = z.infer<typeof ResultOut>;

export const RedLineCreate = z.object({
  personId: z.string(),
  kind: z.enum(RED_LINE_KINDS),
  onDate: isoDate,
  note: z.string().max(2000).optional(),
  /** tie it to a cycle; otherwise it counts in every cycle whose period holds the date */
  cycleId: z.string().optional(),
});
export type RedLineCreate = z.infer<typeof RedLineCreate>;

export const RedLineOut = RedLineCreate.extend({
  id: z.string(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
  note: z.string().nullable(),
  cycleId: z.string().nullable(),
});
export type RedLineOut = z.infer<typeof RedLineOut>;
