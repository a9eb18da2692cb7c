/** Review, dispute, conversation and QA-score requests and responses (SPEC QA-1, QA-4); shared by server and web. */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const RatingsMap = z.record(z.string(), z.number().nullable());

/** A review of an assigned conversation: a rating per item (null = N/A), comments per item, a coaching note. */
export const ReviewSubmit = z.object({
  ratings: RatingsMap,
  comments: z.record(z.string(), z.string().max(2000)).default({}),
  coachingNote: z.string().max(4000).optional(),
});
export type ReviewSubmit = z.infer<typeof ReviewSubmit>;

/** A review: submitted, disputed (awaiting a second reviewer), upheld or revised. */
export const REVIEW_STATUSES = ['submitted', 'disputed', 'upheld', 'revised'] as const;
/** How a second reviewer decides a dispute. */
export const DISPUTE_OUTCOMES = ['upheld', 'revised'] as const;

/** An agent's dispute of a review and its decision. */
export const DisputeOut = z.object({
  id: z.string(),
  reviewId: z.string(),
  agentId: z.string(),
  reason: z.string(),
  openedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  outcome: z.enum(DISPUTE_OUTCOMES).nullable(),
  note: z.string().nullable(),
  /** the revised score (points) when revised */
  score: z.number().nullable(),
  /** the second reviewer's ratings when revised (the review keeps the first reviewer's) */
  ratings: RatingsMap.nullable(),
});
export type DisputeOut = z.infer<typeof DisputeOut>;

/** A review as the caller may see it. */
export const ReviewOut = z.object({
  id: z.string(),
  assignmentId: z.string(),
  conversationId: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  day: isoDate,
  scorecardId: z.string(),
  scorecardVersion: z.number().int(),
  ratings: RatingsMap,
  /** per-item comments; null for HR (they quote the chat) */
  comments: z.record(z.string(), z.string()).nullable(),
  /** null for HR, like the comments */
  coachingNote: z.string().nullable(),
  /** the reviewer's score (points) */
  score: z.number(),
  /** the score that counts: the revised one after a dispute */
  finalScore: z.number(),
  criticalFail: z.boolean(),
  /** the domain's ReviewScore: each item's score and points, category means */
  breakdown: z.unknown(),
  status: z.enum(REVIEW_STATUSES),
  dispute: DisputeOut.nullable(),
  createdAt: z.string(),
});
export type ReviewOut = z.infer<typeof ReviewOut>;

/** Filters of the review list: one agent, the conversations' days, a limit. */
export const ReviewQuery = z.object({
  agentId: z.string().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Why the agent disputes the review. */
export const DisputeBody = z.object({ reason: z.string().trim().min(1, 'a reason is required').max(2000) });

/** A second reviewer's decision: upheld, or revised with new ratings (re-scored by the scorecard). */
export const DisputeDecide = z
  .object({
    outcome: z.enum(DISPUTE_OUTCOMES),
    ratings: RatingsMap.optional(),
    note: z.string().trim().min(1, 'a note is required').max(2000),
  })
  .refine((d) => d.outcome !== 'revised' || d.ratings !== undefined, {
    message: 'a revised review needs its new ratings',
    path: ['ratings'],
  });
export type DisputeDecide = z.infer<typeof DisputeDecide>;

/** Which disputes: open (default), decided or all. */
export const DisputeQuery = z.object({ status: z.enum(['open', 'decided', 'all']).default('open') });

/** A dispute in the list, with whether the caller may decide it. */
export const DisputeListOut = DisputeOut.extend({
  conversationId: z.string(),
  reviewerId: z.string(),
  /** the caller may decide it (qa.review, in scope, not the first reviewer) */
  canDecide: z.boolean(),
});

/** A conversation's messages for the reviewer workspace. */
export const ConversationOut = z.object({
  conversationId: z.string(),
  agentId: z.string().nullable(),
  day: isoDate,
  shopId: z.string(),
  messages: z.array(
    z.object({
      messageId: z.string(),
      sender: z.string(),
      agentId: z.string().nullable(),
      sentAt: z.string(),
      text: z.string(),
      event: z.string(),
    }),
  ),
});
export type ConversationOut = z.infer<typeof ConversationOut>;

/** The period of the QA scores: conversations' days from..to inclusive. */
export const ScoresQuery = z.object({ from: isoDate, to: isoDate });

/** An agent's QA score for a period: the mean of the scores that count of their reviews. */
/** An agent's automatic-inspection figures for the period (domain/qa/compliance.ts). */
export const AgentInspectionOut = z.object({
  conversations: z.number().int(),
  /** mean conversation sentiment index in [−1, 1]; null without customer messages */
  sentimentIndex: z.number().nullable(),
  /** share of conversations at or above the negative-share alert threshold */
  negativeRate: z.number().nullable(),
  /** share of conversations without a banned-word hit */
  complianceRate: z.number().nullable(),
  bannedHits: z.object({ rude: z.number(), promise: z.number(), privacy: z.number(), offPlatform: z.number(), total: z.number() }),
  bannedPer100: z.number().nullable(),
});

export const QaScoreOut = z.object({
  personId: z.string(),
  name: z.string(),
  score: z.number().nullable(),
  reviews: z.number().int(),
  /** automatic inspection of the agent's conversations in the period (KPI-12, KPI-15); null when none were inspected */
  inspection: AgentInspectionOut.nullable(),
});
export type QaScoreOut = z.infer<typeof QaScoreOut>;
