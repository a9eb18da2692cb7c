/**
 * The reviews around a cycle's results (SPEC APR-3, APR-6, APR-7): peer/360 reviewers and the
 * reviews they owe, the customer-survey sample with its answers and CSV round trip,
 * performance-interview notes, consequence proposals and red lines. Types come from the server's
 * schemas; every write drops the cycle's cached data (states, missing lists, results move together).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  InterviewOut,
  PeerAssignmentOut,
  PendingPeerReview,
  ProposalOut,
  RedLineOut,
  SurveyImportResult,
  SurveyOut,
  type InterviewPut,
  type PeerReviewSubmit,
  type ProposalDecision,
  type RedLineCreate,
  type SurveyAnswerIn,
} from '../../server/modules/appraisal/appraisal.schema.ts';
import { CYCLES_KEY, cyclePath, useInvalidateAppraisal } from './appraisal.ts';
import { request } from './request.ts';

const Ok = z.object({ ok: z.literal(true) });
const enc = encodeURIComponent;
const cycleKey = (id: string | undefined, part: string) => [...CYCLES_KEY, 'one', id, part] as const;

// ---- peer/360 ----

/** Every agent of a cycle in the caller's scope with their peer reviewers and who has answered. */
export function usePeerAssignments(cycleId: string | undefined) {
  return useQuery({
    queryKey: cycleKey(cycleId, 'peers'),
    queryFn: () => request(`${cyclePath(cycleId ?? '')}/peers`, z.array(PeerAssignmentOut)),
    enabled: Boolean(cycleId),
    meta: { quiet: [403, 404] },
  });
}

/** Replaces the peer reviewers of one agent. */
export function useSetPeerReviewers(cycleId: string) {
  const invalidate = useInvalidateAppraisal();
  return useMutation({
    mutationFn: ({ personId, reviewerIds }: { personId: string; reviewerIds: string[] }) =>
      request(`${cyclePath(cycleId)}/peers/${enc(personId)}`, PeerAssignmentOut, {
        method: 'PUT',
        body: { reviewerIds },
      }),
    onSuccess: invalidate,
  });
}

/** The peer reviews the signed-in person was asked for and has not submitted. */
export function useMyPeerReviews() {
  return useQuery({
    queryKey: [...CYCLES_KEY, 'peer-reviews', 'mine'],
    queryFn: () => request('/api/appraisal/peer-reviews/mine', z.array(PendingPeerReview)),
  });
}

export function useSubmitPeerReview() {
  const invalidate = useInvalidateAppraisal();
  return useMutation({
    mutationFn: ({ cycleId, ...body }: PeerReviewSubmit & { cycleId: string }) =>
      request(`${cyclePath(cycleId)}/peer-reviews`, Ok, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

// ---- customer survey ----

/** The survey sample of every agent in the caller's scope with the answers so far. */
export function useSurvey(cycleId: string | undefined) {
  return useQuery({
    queryKey: cycleKey(cycleId, 'survey'),
    queryFn: () => request(`${cyclePath(cycleId ?? '')}/survey`, SurveyOut),
    enabled: Boolean(cycleId),
    meta: { quiet: [403, 404] },
  });
}

/** The sending list as CSV (fill satisfied or csat and import it back). */
export const surveyCsvUrl = (cycleId: string) => `${cyclePath(cycleId)}/survey.csv`;

/** Enters answers (all or none); a 400 names the bad field of each answer. */
export function useSurveyAnswers(cycleId: string) {
  const invalidate = useInvalidateAppraisal();
  return useMutation({
    mutationFn: (answers: SurveyAnswerIn[]) =>
      request(`${cyclePath(cycleId)}/survey/answers`, z.object({ answered: z.number() }), {
        method: 'POST',
        body: { answers },
      }),
    onSuccess: invalidate,
  });
}

/** Imports the filled sending list; a 400 lists every bad line, shown by the page. */
export function useImportSurvey(cycleId: string) {
  const invalidate = useInvalidateAppraisal();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request(`${cyclePath(cycleId)}/survey/import`, SurveyImportResult, { method: 'POST', form });
    },
    onSuccess: invalidate,
    meta: { quiet: [400] },
  });
}

// ---- performance interviews ----

/** One agent's interview note; a 404 (none recorded yet) is an empty state, not an error. */
export function useInterview(cycleId: string | undefined, personId: string | undefined) {
  return useQuery({
    queryKey: [...cycleKey(cycleId, 'interviews'), personId],
    queryFn: () => request(`${cyclePath(cycleId ?? '')}/interviews/${enc(personId ?? '')}`, InterviewOut),
    enabled: Boolean(cycleId && personId),
    meta: { quiet: [400, 403, 404] },
  });
}

export function usePutInterview(cycleId: string, personId: string) {
  const invalidate = useInvalidateAppraisal();
  return useMutation({
    mutationFn: (body: InterviewPut) =>
      request(`${cyclePath(cycleId)}/interviews/${enc(personId)}`, InterviewOut, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

// ---- consequence proposals ----

export function useProposals(cycleId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: cycleKey(cycleId, 'proposals'),
    queryFn: () => request(`${cyclePath(cycleId ?? '')}/proposals`, z.array(ProposalOut)),
    enabled: Boolean(cycleId) && enabled,
    meta: { quiet: [403, 404] },
  });
}

/** Confirms or rejects a proposal (a rejection needs a reason). */
export function useDecideProposal(cycleId: string) {
  const invalidate = useInvalidateAppraisal();
  return useMutation({
    mutationFn: ({ id, ...body }: ProposalDecision & { id: string }) =>
      request(`${cyclePath(cycleId)}/proposals/${enc(id)}/decision`, ProposalOut, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

// ---- red lines ----

/** Records a red-line violation; open cycles holding it re-derive their bonuses and proposals at once. */
export function useRecordRedLine() {
  const invalidate = useInvalidateAppraisal();
  return useMutation({
    mutationFn: (body: RedLineCreate) => request('/api/appraisal/redlines', RedLineOut, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}
