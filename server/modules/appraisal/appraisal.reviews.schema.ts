/**
 * Peer/360 reviews, the customer survey, performance-interview notes and consequence proposals
 * (SPEC APR-3, APR-7); shared by server and web.
 */
import { z } from 'zod';
import { CYCLE_STATES } from '../../../domain/appraisal/index.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const Bilingual = z.object({ zh: z.string(), en: z.string() });

// ---- peer/360 ----

/** The peer reviewers a supervisor picks for one agent; replaces the previous list. */
export const PeerReviewersSet = z.object({
  reviewerIds: z
    .array(z.string().min(1))
    .max(20, 'at most 20 reviewers')
    .refine((ids) => new Set(ids).size === ids.length, 'a reviewer is listed twice'),
});
export type PeerReviewersSet = z.infer<typeof PeerReviewersSet>;

/** One agent's peer reviewers and who has answered (never the scores: they stay anonymous). */
export const PeerAssignmentOut = z.object({
  personId: z.string(),
  personName: z.string(),
  reviewers: z.array(z.object({ reviewerId: z.string(), name: z.string(), submitted: z.boolean() })),
  submitted: z.number().int(),
  /** fewer answers than this and the 360 score is withheld */
  minRaters: z.number().int(),
});
export type PeerAssignmentOut = z.infer<typeof PeerAssignmentOut>;

/** A peer review by one of the reviewers the supervisor picked, 0–100. */
export const PeerReviewSubmit = z.object({
  personId: z.string(),
  value: z.number().min(0).max(100),
  comment: z.string().max(2000).optional(),
});
export type PeerReviewSubmit = z.infer<typeof PeerReviewSubmit>;

/** A peer review the caller was asked for and has not submitted yet. */
export const PendingPeerReview = z.object({
  cycleId: z.string(),
  cycleName: z.string(),
  cycleState: z.enum(CYCLE_STATES),
  periodFrom: isoDate,
  periodTo: isoDate,
  personId: z.string(),
  personName: z.string(),
  assignedAt: z.string(),
});
export type PendingPeerReview = z.infer<typeof PendingPeerReview>;

// ---- customer survey ----

export const SurveyAnswerOut = z.object({
  satisfied: z.boolean(),
  csat: z.number().int().nullable(),
  comment: z.string().nullable(),
  enteredAt: z.string(),
});

/** One customer of an agent's sample; `customerId` is masked for roles that may not see contact data. */
export const SurveyCustomer = z.object({
  /** stable reference to the customer in this cycle, for entering the answer */
  ref: z.string(),
  customerId: z.string(),
  answer: SurveyAnswerOut.nullable(),
});

export const SurveyAgent = z.object({
  personId: z.string(),
  personName: z.string(),
  /** distinct customers served in the period */
  served: z.number().int(),
  sampleSize: z.number().int(),
  answered: z.number().int(),
  satisfied: z.number().int(),
  /** the customer-survey indicator: satisfied ÷ answered, null before any answer */
  value: z.number().nullable(),
  customers: z.array(SurveyCustomer),
});

export const SurveyOut = z.object({ cycleId: z.string(), rate: z.number(), agents: z.array(SurveyAgent) });
export type SurveyOut = z.infer<typeof SurveyOut>;

/** One survey answer: the customer by `ref` (or raw `customerId`), satisfied yes/no or a 1–5 rating (≥ 4 = satisfied). */
export const SurveyAnswerIn = z
  .object({
    personId: z.string(),
    ref: z.string().optional(),
    customerId: z.string().optional(),
    satisfied: z.boolean().optional(),
    csat: z.number().int().min(1).max(5).optional(),
    comment: z.string().max(2000).optional(),
  })
  .superRefine((a, ctx) => {
    if (!a.ref && !a.customerId) ctx.addIssue({ code: 'custom', path: ['ref'], message: 'give ref or customerId' });
    if (a.satisfied === undefined && a.csat === undefined)
      ctx.addIssue({ code: 'custom', path: ['satisfied'], message: 'give satisfied or csat' });
    if (a.satisfied !== undefined && a.csat !== undefined && a.satisfied !== a.csat >= 4)
      ctx.addIssue({ code: 'custom', path: ['csat'], message: 'a rating of 4–5 is satisfied, 1–3 is not' });
  });
export type SurveyAnswerIn = z.infer<typeof SurveyAnswerIn>;

export const SurveyAnswers = z.object({ answers: z.array(SurveyAnswerIn).min(1).max(5000) });

export const SurveyImportResult = z.object({ answered: z.number().int(), skipped: z.number().int() });
export type SurveyImportResult = z.infer<typeof SurveyImportResult>;

// ---- performance interview (绩效面谈) ----

export const InterviewPut = z.object({
  heldOn: isoDate,
  summary: z.string().trim().min(1, 'a summary is required').max(5000),
  /** the actions agreed with the agent */
  actions: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
});
export type InterviewPut = z.infer<typeof InterviewPut>;

export const InterviewOut = z.object({
  cycleId: z.string(),
  personId: z.string(),
  personName: z.string(),
  heldOn: isoDate,
  summary: z.string(),
  actions: z.array(z.string()),
  recordedBy: z.string().nullable(),
  /** the recorder's name, for readers whose directory does not hold them (the agent) */
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InterviewOut = z.infer<typeof InterviewOut>;

// ---- consequence proposals ----

export const PROPOSAL_STATUSES = ['open', 'confirmed', 'rejected'] as const;

export const ProposalOut = z.object({
  id: z.string(),
  cycleId: z.string(),
  personId: z.string(),
  personName: z.string(),
  kind: z.string(),
  /** the domain's Proposal (kind, reason, and per kind: periods, mentorId, from/to standing…) */
  proposal: z.unknown(),
  reason: Bilingual,
  status: z.enum(PROPOSAL_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** improvement plan, once confirmed: the mentor and the re-appraisal date */
  mentorId: z.string().nullable(),
  reappraiseOn: isoDate.nullable(),
  /** what the confirmation changed (a level change: from, to, the history date) */
  applied: z.unknown().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProposalOut = z.infer<typeof ProposalOut>;

/** Confirm or reject a proposal; a rejection needs a reason; an improvement plan may name its mentor. */
export const ProposalDecision = z
  .object({
    decision: z.enum(['confirm', 'reject']),
    reason: z.string().trim().max(2000).optional(),
    mentorId: z.string().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'reject' && !d.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a rejection needs a reason' });
  });
export type ProposalDecision = z.infer<typeof ProposalDecision>;

export const ProposalParams = z.object({ id: z.string(), proposalId: z.string() });
