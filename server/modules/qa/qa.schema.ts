/**
 * Scorecard, sampling-rule, sample and assignment requests and responses (SPEC QA-1, QA-2);
 * shared by server and web. Reviews and disputes: qa.reviews.schema.ts; calibration:
 * qa.calibration.schema.ts.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const Bilingual = z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });
const Slug = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, _ and -');

const Item = z.object({
  id: Slug,
  label: Bilingual,
  guide: Bilingual.optional(),
  /** standard item: percent of the scorecard (they sum to 100); bonus item: points at a full rating */
  weight: z.number(),
  scale: z.object({ min: z.number(), max: z.number(), step: z.number().optional() }),
  allowNa: z.boolean().default(false),
  critical: z.boolean().default(false),
  bonus: z.boolean().default(false),
});

const Category = z.object({ id: Slug, label: Bilingual, items: z.array(Item) });

/** A scorecard's content (the domain's Scorecard without id and version). */
export const ScorecardBody = z.object({
  name: Bilingual,
  categories: z.array(Category),
  /** the highest review score; 100 keeps bonus items from lifting a review above 100 */
  maxScore: z.number().default(100),
});
export type ScorecardBody = z.infer<typeof ScorecardBody>;

/** A new scorecard family; its first version is 1. */
export const ScorecardCreate = ScorecardBody.extend({ id: Slug });
export type ScorecardCreate = z.infer<typeof ScorecardCreate>;

/** A scorecard version as stored and shown (the domain's Scorecard). */
export const ScorecardOut = z.object({
  id: z.string(),
  version: z.number().int(),
  name: Bilingual,
  categories: z.array(Category),
  maxScore: z.number(),
  /** retired scorecards are kept for their reviews but take no new samples or sessions */
  retired: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type ScorecardOut = z.infer<typeof ScorecardOut>;

/** A scorecard version in the path. */
export const ScorecardParams = z.object({ id: z.string(), version: z.coerce.number().int().positive() });
/** An id in the path. */
export const IdParams = z.object({ id: z.string() });

/** The sampling rules (the domain's SamplingRules); rates and the threshold are fractions. */
export const SamplingRules = z.object({
  baseRate: z.number(),
  newHireRate: z.number(),
  complaintRateThreshold: z.number(),
  highComplaintRate: z.number(),
  minPerAgent: z.number().int(),
  salt: z.string(),
});
/** The rules in force with who saved them when (null: the defaults). */
export const SamplingRulesOut = SamplingRules.extend({
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type SamplingRulesOut = z.infer<typeof SamplingRulesOut>;
/** Changes to some of the rules; the rest stay. */
export const SamplingRulesUpdate = SamplingRules.partial();
export type SamplingRulesUpdate = z.infer<typeof SamplingRulesUpdate>;

const Scope = z.object({
  departmentIds: z.array(z.string()).default([]),
  groupIds: z.array(z.string()).default([]),
});

/** Draw a period's sample (of the agents in the caller's scope, narrowed by `scope`) and deal it to reviewers. */
export const SampleCreate = z.object({
  periodFrom: isoDate,
  periodTo: isoDate,
  scorecardId: z.string().default('default'),
  /** the latest version when omitted */
  scorecardVersion: z.number().int().positive().optional(),
  reviewerIds: z.array(z.string()).min(1, 'at least one reviewer'),
  scope: Scope.default({ departmentIds: [], groupIds: [] }),
});
export type SampleCreate = z.infer<typeof SampleCreate>;

/** Why a conversation is sampled: new hire, high complaint rate, or the random share. */
export const SAMPLE_REASONS = ['new_hire', 'high_complaints', 'random'] as const;

const AgentSample = z.object({
  agentId: z.string(),
  agentName: z.string(),
  conversations: z.number().int(),
  sampled: z.number().int(),
  complaintRate: z.number().nullable(),
  byReason: z.array(
    z.object({
      reason: z.enum(SAMPLE_REASONS),
      rate: z.number(),
      conversations: z.number().int(),
      sampled: z.number().int(),
    }),
  ),
});

/** The draw without saving it: what `POST /api/qa/samples` would assign. */
export const SamplePreview = z.object({
  seed: z.string(),
  periodFrom: isoDate,
  periodTo: isoDate,
  agents: z.array(AgentSample),
  conversations: z.array(
    z.object({
      conversationId: z.string(),
      agentId: z.string(),
      day: isoDate,
      shopId: z.string(),
      reason: z.enum(SAMPLE_REASONS),
      /** who would review it */
      reviewerId: z.string(),
    }),
  ),
});
export type SamplePreview = z.infer<typeof SamplePreview>;

/** A saved sample: what it ran with, per-agent figures in scope, and per-reviewer progress. */
export const SampleOut = z.object({
  id: z.string(),
  periodFrom: isoDate,
  periodTo: isoDate,
  seed: z.string(),
  scope: z.object({ departmentIds: z.array(z.string()), groupIds: z.array(z.string()) }),
  rules: SamplingRules,
  scorecardId: z.string(),
  scorecardVersion: z.number().int(),
  agents: z.array(AgentSample),
  /** per reviewer: assigned and done */
  reviewers: z.array(z.object({ reviewerId: z.string(), assigned: z.number().int(), done: z.number().int() })),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type SampleOut = z.infer<typeof SampleOut>;

/** One sampled conversation in a reviewer's queue. */
export const AssignmentOut = z.object({
  id: z.string(),
  sampleId: z.string(),
  conversationId: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  day: isoDate,
  shopId: z.string(),
  reason: z.enum(SAMPLE_REASONS),
  reviewerId: z.string(),
  status: z.enum(['open', 'done']),
  assignedAt: z.string(),
  doneAt: z.string().nullable(),
  scorecardId: z.string(),
  scorecardVersion: z.number().int(),
});
export type AssignmentOut = z.infer<typeof AssignmentOut>;

/** Which assignments of the queue: open (default), done or all. */
export const QueueQuery = z.object({ status: z.enum(['open', 'done', 'all']).default('open') });

/** A sample with the assignments the caller may see (their own, or of agents in their scope). */
export const SampleDetail = SampleOut.extend({ assignments: z.array(AssignmentOut) });
export type SampleDetail = z.infer<typeof SampleDetail>;

/** One assignment with the scorecard to fill in and its review once written. */
export const AssignmentDetail = AssignmentOut.extend({ scorecard: ScorecardOut, reviewId: z.string().nullable() });
export type AssignmentDetail = z.infer<typeof AssignmentDetail>;
