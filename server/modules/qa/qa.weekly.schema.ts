/** Weekly QA report (质检周报, SPEC QA-6) requests and responses; shared by server and web. */
import { z } from 'zod';
import { COMPLAINT_CATEGORIES } from '../../../domain/qa/complaints.ts';
import { isoWeekRange } from '../../../domain/qa/weekly.ts';
import { isCalendarDate } from '../../lib/dates.ts';

/** An ISO week key, e.g. 2026-W47 (Monday–Sunday in the organisation's time zone). */
export const WeekKey = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, 'expected an ISO week like 2026-W47')
  .refine((w) => isoWeekRange(w) !== null, 'no such ISO week');

const isoDate = z.string().refine(isCalendarDate, 'expected a YYYY-MM-DD date');
const Bilingual = z.object({ zh: z.string(), en: z.string() });
const share = z.number().nullable();

export const WeekQuery = z.object({ week: WeekKey });

/** Complaint categories an improvement action may target (`other` names no cause to act on). */
export const ACTIONABLE_CATEGORIES = COMPLAINT_CATEGORIES.filter((c) => c !== 'other') as Exclude<
  (typeof COMPLAINT_CATEGORIES)[number],
  'other'
>[];
export const ACTION_STATUSES = ['open', 'done'] as const;

/** The report's settings; each has a default a QA manager may change. */
export const WeeklySettings = z.object({
  /** a complaint category above this share of the week's complaints is flagged (0.2 = 20 %) */
  flagShare: z.number().min(0).lt(1),
  /** how many failure items the report lists */
  topItems: z.number().int().min(1).max(100),
  /** QA-score target (KPI-15: ≥ 90); agents and groups below it are marked */
  scoreTarget: z.number().min(0).max(200),
});
export type WeeklySettings = z.infer<typeof WeeklySettings>;
export const WeeklySettingsUpdate = WeeklySettings.partial();

/** The complaints an action tracks: both lists empty = the whole organisation. */
export const ActionScope = z.object({ departmentIds: z.array(z.string()), groupIds: z.array(z.string()) });
export type ActionScope = z.infer<typeof ActionScope>;

/** A new improvement action on a (flagged) complaint category; its scope is the creator's. */
export const ActionCreate = z.object({
  category: z.enum(ACTIONABLE_CATEGORIES),
  /** the week the category was flagged in: the effect's baseline */
  week: WeekKey,
  description: z.string().trim().min(1).max(2000),
  ownerId: z.string().min(1),
  /** on or after the flagged week's Monday */
  dueDate: isoDate,
});
export type ActionCreate = z.infer<typeof ActionCreate>;

/** Changes to an open action. */
export const ActionUpdate = z.object({
  description: z.string().trim().min(1).max(2000).optional(),
  ownerId: z.string().min(1).optional(),
  dueDate: isoDate.optional(),
});
export type ActionUpdate = z.infer<typeof ActionUpdate>;

/** Closing an action (status done), with what it achieved. */
export const ActionClose = z.object({ outcome: z.string().trim().max(2000).optional() });
export type ActionClose = z.infer<typeof ActionClose>;

export const ActionQuery = z.object({ status: z.enum([...ACTION_STATUSES, 'all']).default('all') });

/** An improvement action as stored. */
export const ActionOut = z.object({
  id: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  week: z.string(),
  scope: ActionScope,
  description: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  outcome: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type ActionOut = z.infer<typeof ActionOut>;

/** The category's share of the complaints in the action's scope in one week. */
export const EffectWeek = z.object({ week: z.string(), count: z.number(), total: z.number(), share });

/** An action with its tracked effect: the flagged week (baseline) and every later week up to the report's. */
export const TrackedAction = ActionOut.extend({
  overdue: z.boolean(),
  effect: z.array(EffectWeek),
  baseline: share,
  /** the share in the latest later week with complaints */
  latest: share,
  /** latest − baseline (negative = fewer complaints of this kind) */
  change: share,
});
export type TrackedAction = z.infer<typeof TrackedAction>;

const ScoreLine = z.object({ reviews: z.number(), score: z.number().nullable(), belowTarget: z.boolean() });

/** A week's QA report for the reader's scope (definitions in domain/qa/weekly.ts). */
export const WeeklyOut = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  /** what the report covers: the reader's scope */
  scope: z.object({ kind: z.enum(['all', 'department', 'groups']), ids: z.array(z.string()) }),
  settings: WeeklySettings,
  reviews: z.object({
    due: z.number(),
    done: z.number(),
    rate: share,
    byReviewer: z.array(
      z.object({ reviewerId: z.string(), reviewerName: z.string(), due: z.number(), done: z.number(), rate: share }),
    ),
  }),
  scores: z.object({
    target: z.number(),
    overall: ScoreLine,
    groups: z.array(
      ScoreLine.extend({ groupId: z.string().nullable(), groupName: z.string().nullable(), agents: z.number() }),
    ),
    agents: z.array(ScoreLine.extend({ agentId: z.string(), agentName: z.string(), groupId: z.string().nullable() })),
  }),
  failureItems: z.array(
    z.object({
      itemId: z.string(),
      label: Bilingual,
      categoryLabel: Bilingual.nullable(),
      failures: z.number(),
      rated: z.number(),
      share: z.number(),
    }),
  ),
  findings: z.object({
    /** false when there are no automatic-inspection results to read */
    available: z.boolean(),
    /** conversations of the week with an inspection result */
    conversations: z.number(),
    /** banned-word hits per category (banned_*), repeated questions, unanswered customers, upset endings */
    total: z.number(),
    kinds: z.array(z.object({ kind: z.string(), count: z.number() })),
  }),
  complaints: z.object({
    total: z.number(),
    bySource: z.object({ attribute: z.number(), lexicon: z.number(), none: z.number() }),
    categories: z.array(
      z.object({
        category: z.enum(COMPLAINT_CATEGORIES),
        label: Bilingual,
        count: z.number(),
        share,
        flagged: z.boolean(),
        /** open actions on this category the reader can see */
        actionIds: z.array(z.string()),
      }),
    ),
    flagged: z.array(z.enum(COMPLAINT_CATEGORIES)),
  }),
  actions: z.array(TrackedAction),
});
export type WeeklyOut = z.infer<typeof WeeklyOut>;
