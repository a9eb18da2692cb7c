/** Calibration-session requests and responses (SPEC QA-5); shared by server and web. */
import { z } from 'zod';

const RatingsMap = z.record(z.string(), z.number().nullable());

/** A session: the conversations every reviewer scores blind, and optionally whose scores are the benchmark. */
export const CalibrationCreate = z.object({
  name: z.string().trim().min(1).max(200),
  scorecardId: z.string().default('default'),
  /** the latest version when omitted */
  scorecardVersion: z.number().int().positive().optional(),
  conversationIds: z.array(z.string()).min(1).max(50),
  reviewerIds: z.array(z.string()).min(2, 'calibration needs at least two reviewers'),
  /** one of the reviewers; null = each item's median is the benchmark */
  benchmarkReviewerId: z.string().nullable().default(null),
});
export type CalibrationCreate = z.infer<typeof CalibrationCreate>;

/** Whose ratings are the benchmark: one of the session's reviewers, or null for the median. */
export const BenchmarkSet = z.object({ benchmarkReviewerId: z.string().nullable() });

/** One reviewer's blind ratings of one of the session's conversations (replaces their earlier ones while open). */
export const CalibrationScoreBody = z.object({ conversationId: z.string(), ratings: RatingsMap });
export type CalibrationScoreBody = z.infer<typeof CalibrationScoreBody>;

/** A session as its participants see it. */
export const CalibrationOut = z.object({
  id: z.string(),
  name: z.string(),
  scorecardId: z.string(),
  scorecardVersion: z.number().int(),
  ownerId: z.string(),
  benchmarkReviewerId: z.string().nullable(),
  conversationIds: z.array(z.string()),
  reviewerIds: z.array(z.string()),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** who has scored which conversation (no values: the scoring is blind) */
  progress: z.array(z.object({ reviewerId: z.string(), conversationIds: z.array(z.string()) })),
  /** while open only the caller's own scores; everyone's once closed */
  scores: z.array(
    z.object({ reviewerId: z.string(), conversationId: z.string(), ratings: RatingsMap, score: z.number().nullable() }),
  ),
});
export type CalibrationOut = z.infer<typeof CalibrationOut>;

const Agreement = { alignment: z.number().nullable(), comparisons: z.number().int() };

/** The domain's CalibrationReport with names: alignment is a fraction (1 = 100 %), scoreGap in points. */
export const CalibrationReportOut = z.object({
  sessionId: z.string(),
  benchmarkReviewerId: z.string().nullable(),
  overall: z.object(Agreement),
  items: z.array(z.object({ itemId: z.string(), categoryId: z.string(), range: z.number(), ...Agreement })),
  reviewers: z.array(
    z.object({
      reviewerId: z.string(),
      name: z.string(),
      ...Agreement,
      scoreGap: z.number().nullable(),
      items: z.array(z.object({ itemId: z.string(), alignment: z.number().nullable() })),
    }),
  ),
  benchmarks: z.array(
    z.object({
      conversationId: z.string(),
      basis: z.enum(['benchmark', 'median']),
      ratings: RatingsMap,
      score: z.number().nullable(),
    }),
  ),
});
export type CalibrationReportOut = z.infer<typeof CalibrationReportOut>;
