/**
 * Quality inspection (SPEC QA-1, QA-2, QA-4, QA-5): scorecards, sampling rules and samples, the
 * reviewer's queue, reviews and disputes, QA scores and calibration sessions. Every type comes
 * from the server's schemas or the domain; nothing is re-declared here.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Scorecard } from '../../domain/qa/scorecard.ts';
import type { ReviewScore } from '../../domain/qa/score.ts';
import {
  AssignmentDetail,
  AssignmentOut,
  SampleDetail,
  SampleOut,
  SamplePreview,
  SamplingRulesOut,
  ScorecardOut,
  SampleCreate,
  type SamplingRulesUpdate,
  type ScorecardBody,
  type ScorecardCreate,
} from '../../server/modules/qa/qa.schema.ts';
import {
  ConversationOut,
  DisputeListOut,
  QaScoreOut,
  ReviewOut,
  type DisputeDecide,
  type ReviewQuery,
  type ReviewSubmit,
} from '../../server/modules/qa/qa.reviews.schema.ts';
import {
  CalibrationOut,
  CalibrationReportOut,
  CalibrationCreate,
  type CalibrationScoreBody,
} from '../../server/modules/qa/qa.calibration.schema.ts';
import { command, request } from './request.ts';

export const QA_KEY = ['qa'] as const;
const SCORECARDS_KEY = [...QA_KEY, 'scorecards'] as const;
const RULES_KEY = [...QA_KEY, 'rules'] as const;
const SAMPLES_KEY = [...QA_KEY, 'samples'] as const;
const WORK_KEY = [...QA_KEY, 'work'] as const;
const CALIBRATION_KEY = [...QA_KEY, 'calibrations'] as const;

const enc = encodeURIComponent;

export type DisputeRow = z.infer<typeof DisputeListOut>;
export type ReviewFilters = Omit<z.input<typeof ReviewQuery>, 'limit'> & { limit?: number };
export type DisputeStatus = 'open' | 'decided' | 'all';
export type QueueStatus = 'open' | 'done' | 'all';
/** A sample request as the page builds it (the server fills the defaults). */
export type SampleRequest = z.input<typeof SampleCreate>;

/** A stored scorecard version as the domain's Scorecard (the schema checked every field it reads). */
export const scorecardOf = (s: ScorecardOut | (ScorecardBody & { id: string; version?: number })): Scorecard => ({
  id: s.id,
  version: s.version ?? 1,
  name: s.name,
  categories: s.categories,
  maxScore: s.maxScore,
});

/** ReviewOut.breakdown is declared `unknown` (a stored domain snapshot); this is its shape. */
export const breakdownOf = (r: ReviewOut): ReviewScore => r.breakdown as ReviewScore;

// ---- scorecards ----

/** Every version of every scorecard. */
export function useScorecards() {
  return useQuery({ queryKey: SCORECARDS_KEY, queryFn: () => request('/api/qa/scorecards', z.array(ScorecardOut)) });
}

/** One scorecard version (versions never change, so it is cached for good). */
export function useScorecard(id: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: [...SCORECARDS_KEY, id, version],
    queryFn: () => request(`/api/qa/scorecards/${enc(id ?? '')}/${version ?? 0}`, ScorecardOut),
    enabled: Boolean(id) && Boolean(version),
    staleTime: Infinity,
  });
}

/** Saves a scorecard: a new family (create) or the next version of one (revise). A 400 lists problems by path. */
export function useSaveScorecard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arg: { create: ScorecardCreate } | { id: string; body: ScorecardBody }) =>
      'create' in arg
        ? request('/api/qa/scorecards', ScorecardOut, { method: 'POST', body: arg.create })
        : request(`/api/qa/scorecards/${enc(arg.id)}`, ScorecardOut, { method: 'PUT', body: arg.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SCORECARDS_KEY }),
    meta: { quiet: [400] },
  });
}

/** Retires a scorecard family (kept for its reviews). */
export function useRetireScorecard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => command(`/api/qa/scorecards/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SCORECARDS_KEY }),
  });
}

// ---- sampling ----

export function useSamplingRules(enabled = true) {
  return useQuery({ queryKey: RULES_KEY, queryFn: () => request('/api/qa/sampling-rules', SamplingRulesOut), enabled });
}

export function useSaveSamplingRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SamplingRulesUpdate) =>
      request('/api/qa/sampling-rules', SamplingRulesOut, { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(RULES_KEY, saved),
  });
}

/** The sample a period would get, not saved. */
export function usePreviewSample() {
  return useMutation({
    mutationFn: (body: SampleRequest) => request('/api/qa/samples/preview', SamplePreview, { method: 'POST', body }),
  });
}

/** Draws and saves a period's sample, dealing it to the reviewers' queues. */
export function useCreateSample() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SampleRequest) => request('/api/qa/samples', SampleOut, { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: SAMPLES_KEY }), qc.invalidateQueries({ queryKey: WORK_KEY })]),
  });
}

export function useSamples(enabled = true) {
  return useQuery({ queryKey: SAMPLES_KEY, queryFn: () => request('/api/qa/samples', z.array(SampleOut)), enabled });
}

/** One sample with the assignments in the caller's scope. */
export function useSample(id: string | null) {
  return useQuery({
    queryKey: [...SAMPLES_KEY, id],
    queryFn: () => request(`/api/qa/samples/${enc(id ?? '')}`, SampleDetail),
    enabled: Boolean(id),
  });
}

// ---- the reviewer's queue and reviews ----

export function useQueue(status: QueueStatus) {
  return useQuery({
    queryKey: [...WORK_KEY, 'queue', status],
    queryFn: () => request('/api/qa/queue', z.array(AssignmentOut), { query: { status } }),
    placeholderData: keepPreviousData,
  });
}

/** One assignment with its scorecard; 403/404 are shown by the page. */
export function useAssignment(id: string | undefined) {
  return useQuery({
    queryKey: [...WORK_KEY, 'assignment', id],
    queryFn: () => request(`/api/qa/assignments/${enc(id ?? '')}`, AssignmentDetail),
    enabled: Boolean(id),
    meta: { quiet: [403, 404] },
  });
}

/** A conversation's messages (customer contact masked as the server decides); 403 is shown by the page. */
export function useQaConversation(id: string | undefined) {
  return useQuery({
    queryKey: [...QA_KEY, 'conversation', id],
    queryFn: () => request(`/api/qa/conversations/${enc(id ?? '')}`, ConversationOut),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
    meta: { quiet: [403, 404] },
  });
}

/** Everything a review changes: queues, reviews, disputes, scores, sample progress. */
function useInvalidateWork() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: WORK_KEY }), qc.invalidateQueries({ queryKey: SAMPLES_KEY })]);
}

/** Submits the review of an assignment; a 400 lists the ratings' problems. */
export function useSubmitReview(assignmentId: string) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (body: ReviewSubmit) =>
      request(`/api/qa/assignments/${enc(assignmentId)}/review`, ReviewOut, { method: 'POST', body }),
    onSuccess: invalidate,
    meta: { quiet: [400] },
  });
}

export function useReviews(filters: ReviewFilters) {
  return useQuery({
    queryKey: [...WORK_KEY, 'reviews', filters],
    queryFn: () => request('/api/qa/reviews', z.array(ReviewOut), { query: filters }),
    placeholderData: keepPreviousData,
  });
}

export function useReview(id: string | undefined) {
  return useQuery({
    queryKey: [...WORK_KEY, 'review', id],
    queryFn: () => request(`/api/qa/reviews/${enc(id ?? '')}`, ReviewOut),
    enabled: Boolean(id),
    meta: { quiet: [403, 404] },
  });
}

/** The agent disputes their review, once, with a reason. */
export function useDisputeReview(reviewId: string) {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: (reason: string) =>
      request(`/api/qa/reviews/${enc(reviewId)}/dispute`, ReviewOut, { method: 'POST', body: { reason } }),
    onSuccess: invalidate,
  });
}

export function useDisputes(status: DisputeStatus) {
  return useQuery({
    queryKey: [...WORK_KEY, 'disputes', status],
    queryFn: () => request('/api/qa/disputes', z.array(DisputeListOut), { query: { status } }),
    placeholderData: keepPreviousData,
  });
}

/** A second reviewer decides a dispute: upheld, or revised with new ratings. */
export function useDecideDispute() {
  const invalidate = useInvalidateWork();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DisputeDecide }) =>
      request(`/api/qa/disputes/${enc(id)}/decide`, ReviewOut, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** Agents' QA scores for a period, in the caller's scope. */
export function useQaScores(range: { from: string; to: string }) {
  return useQuery({
    queryKey: [...WORK_KEY, 'scores', range],
    queryFn: () => request('/api/qa/scores', z.array(QaScoreOut), { query: range }),
    placeholderData: keepPreviousData,
  });
}

// ---- calibration ----

export function useCalibrations() {
  return useQuery({
    queryKey: CALIBRATION_KEY,
    queryFn: () => request('/api/qa/calibrations', z.array(CalibrationOut)),
  });
}

export function useCalibration(id: string | undefined) {
  return useQuery({
    queryKey: [...CALIBRATION_KEY, id],
    queryFn: () => request(`/api/qa/calibrations/${enc(id ?? '')}`, CalibrationOut),
    enabled: Boolean(id),
    meta: { quiet: [403, 404] },
  });
}

/** The agreement report of a closed session. */
export function useCalibrationReport(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...CALIBRATION_KEY, id, 'report'],
    queryFn: () => request(`/api/qa/calibrations/${enc(id ?? '')}/report`, CalibrationReportOut),
    enabled: Boolean(id) && enabled,
  });
}

export function useCreateCalibration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CalibrationCreate>) =>
      request('/api/qa/calibrations', CalibrationOut, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: CALIBRATION_KEY }),
  });
}

/** The writes on one session (scores, benchmark, close); each answers the session as the caller now sees it. */
export function useCalibrationActions(id: string) {
  const qc = useQueryClient();
  const path = `/api/qa/calibrations/${enc(id)}`;
  const onSuccess = async (s: CalibrationOut) => {
    qc.setQueryData([...CALIBRATION_KEY, id], s);
    await qc.invalidateQueries({ queryKey: CALIBRATION_KEY });
  };
  return {
    score: useMutation({
      mutationFn: (body: CalibrationScoreBody) => request(`${path}/scores`, CalibrationOut, { method: 'PUT', body }),
      onSuccess,
    }),
    benchmark: useMutation({
      mutationFn: (benchmarkReviewerId: string | null) =>
        request(`${path}/benchmark`, CalibrationOut, { method: 'PUT', body: { benchmarkReviewerId } }),
      onSuccess,
    }),
    close: useMutation({
      mutationFn: () => request(`${path}/close`, CalibrationOut, { method: 'POST' }),
      onSuccess,
    }),
  };
}
