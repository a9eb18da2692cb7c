/**
 * Appraisal (SPEC APR): scheme versions, cycles and their states, reviews and hand-entered
 * values, results with the "why", calibration, acknowledgement, appeals and the payroll export.
 * Every type comes from the server's schemas or the domain; nothing is re-declared here.
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { AgentBonus, AppraisalInputs, AppraisalResult, CycleState, Scheme } from '../../domain/appraisal/index.ts';
import {
  AppealItem,
  CycleCreate,
  CycleOut,
  ResultEvent,
  ResultOut,
  SchemeOut,
  ValueOut,
  type ReviewSubmit,
  type SchemeCreate,
  type ValueSubmit,
} from '../../server/modules/appraisal/appraisal.schema.ts';
import { request } from './request.ts';

export const APPRAISAL_KEY = ['appraisal'] as const;
const SCHEMES_KEY = [...APPRAISAL_KEY, 'schemes'] as const;
/** Everything under a cycle (results, reviews, proposals, the appeal inbox) sits under this key, dropped after any write. */
export const CYCLES_KEY = [...APPRAISAL_KEY, 'cycles'] as const;
const Ok = z.object({ ok: z.literal(true) });

const enc = encodeURIComponent;
export const cyclePath = (id: string) => `/api/appraisal/cycles/${enc(id)}`;
const resultPath = (cycleId: string, personId: string) => `${cyclePath(cycleId)}/results/${enc(personId)}`;

// ---- the parts the schema leaves as `unknown` (the domain's own types, stored as JSON snapshots) ----

/** The appraisal of a result: the domain's AppraisalResult plus what it was computed from. */
export type ResultAppraisal = AppraisalResult & { inputs?: AppraisalInputs; kpiAsOf?: string };

/** ResultOut.appraisal is declared `unknown` (a frozen domain snapshot); this is its shape. */
export const appraisalOf = (r: ResultOut): ResultAppraisal => r.appraisal as ResultAppraisal;

/** ResultOut.bonus is the domain's AgentBonus, null when the caller may not see pay. */
export const bonusOf = (r: ResultOut): AgentBonus | null => (r.bonus ?? null) as AgentBonus | null;

/** A stored scheme version as the domain's Scheme (the schema checked every field the domain reads). */
export const schemeOf = (s: SchemeOut | SchemeCreate): Scheme => ({ version: 1, ...s }) as unknown as Scheme;

/** The domain's Scheme as the body of a new version (metric settings travel as a plain record). */
export const schemeBody = (s: Scheme): SchemeCreate => ({
  id: s.id,
  name: s.name,
  sections: s.sections as unknown as SchemeCreate['sections'],
});

// ---- schemes ----

/** Every version of every scheme, as the server lists them. */
export function useSchemes(enabled = true) {
  return useQuery({
    queryKey: SCHEMES_KEY,
    queryFn: () => request('/api/appraisal/schemes', z.array(SchemeOut)),
    enabled,
  });
}

/** Saves a new version of a scheme family; a 400 lists the problems by path and the page shows them. */
export function useSaveScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SchemeCreate) => request('/api/appraisal/schemes', SchemeOut, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SCHEMES_KEY }),
    meta: { quiet: [400] },
  });
}

// ---- cycles ----

export function useCycles(enabled = true) {
  return useQuery({
    queryKey: [...CYCLES_KEY, 'list'],
    queryFn: () => request('/api/appraisal/cycles', z.array(CycleOut)),
    enabled,
  });
}

/** One cycle with its next state and what is missing before it. */
export function useCycle(id: string | undefined) {
  return useQuery({
    queryKey: [...CYCLES_KEY, 'one', id],
    queryFn: () => request(cyclePath(id ?? ''), CycleOut),
    enabled: Boolean(id),
    meta: { quiet: [403, 404] },
  });
}

export function useCreateCycle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CycleCreate>) =>
      request('/api/appraisal/cycles', CycleOut, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: CYCLES_KEY }),
  });
}

/** Everything about cycles and results is dropped after a write: states, missing lists, totals and ranks move together. */
export function useInvalidateAppraisal() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: CYCLES_KEY });
}

/** Moves a cycle one step (entering reviewing or calibration computes the results). */
export function useChangeState(id: string) {
  const invalidate = useInvalidateAppraisal();
  return useMutation({
    mutationFn: (to: CycleState) => request(`${cyclePath(id)}/state`, CycleOut, { method: 'POST', body: { to } }),
    onSuccess: invalidate,
  });
}

/** A self-review (own) or a supervisor review. */
export function useSubmitReview(cycleId: string) {
  const invalidate = useInvalidateAppraisal();
  return useMutation({
    mutationFn: (body: ReviewSubmit) => request(`${cyclePath(cycleId)}/reviews`, Ok, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** A hand-entered value, in the indicator's stored unit (rates as fractions). */
export function useSubmitValue(cycleId: string) {
  const invalidate = useInvalidateAppraisal();
  return useMutation({
    mutationFn: (body: ValueSubmit) => request(`${cyclePath(cycleId)}/values`, Ok, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

// ---- results ----

/** The results of a cycle the caller may see (the server scopes them by role). */
export function useResults(cycleId: string | undefined) {
  return useQuery({
    queryKey: [...CYCLES_KEY, 'one', cycleId, 'results'],
    queryFn: () => request(`${cyclePath(cycleId ?? '')}/results`, z.array(ResultOut)),
    enabled: Boolean(cycleId),
    meta: { quiet: [403, 404] },
  });
}

/** The results of several cycles at once (my appraisal, the appeal inbox); one query per cycle. */
export function useResultsOf(cycleIds: string[]) {
  return useQueries({
    queries: cycleIds.map((id) => ({
      queryKey: [...CYCLES_KEY, 'one', id, 'results'],
      queryFn: () => request(`${cyclePath(id)}/results`, z.array(ResultOut)),
    })),
    combine: (qs) => ({
      data: qs.flatMap((q) => q.data ?? []),
      isPending: qs.some((q) => q.isPending),
      error: qs.find((q) => q.isError)?.error ?? null,
      refetch: () => Promise.all(qs.map((q) => q.refetch())),
    }),
  });
}

/** One result with the why of every indicator. */
export function useResult(cycleId: string | undefined, personId: string | undefined) {
  return useQuery({
    queryKey: [...CYCLES_KEY, 'one', cycleId, 'results', personId],
    queryFn: () => request(resultPath(cycleId ?? '', personId ?? ''), ResultOut),
    enabled: Boolean(cycleId && personId),
    meta: { quiet: [403, 404] },
  });
}

type ResultAction =
  | { kind: 'calibrate'; total: number; reason: string }
  | { kind: 'acknowledge' }
  | { kind: 'appeal'; reason: string }
  | { kind: 'answer'; answer: string };

function actionRequest(cycleId: string, personId: string, a: ResultAction) {
  const base = resultPath(cycleId, personId);
  switch (a.kind) {
    case 'calibrate':
      return request(`${base}/calibrate`, ResultOut, { method: 'POST', body: { total: a.total, reason: a.reason } });
    case 'acknowledge':
      return request(`${base}/acknowledge`, ResultOut, { method: 'POST' });
    case 'appeal':
      return request(`${base}/appeal`, ResultOut, { method: 'POST', body: { reason: a.reason } });
    case 'answer':
      return request(`${base}/appeal/answer`, ResultOut, { method: 'POST', body: { answer: a.answer } });
  }
}

/** Calibrate, acknowledge, appeal or answer an appeal; ranks, bonuses and the cycle's readiness follow. */
export function useResultAction(cycleId: string, personId: string) {
  const invalidate = useInvalidateAppraisal();
  return useMutation({
    mutationFn: (a: ResultAction) => actionRequest(cycleId, personId, a),
    onSuccess: invalidate,
  });
}

/** The payroll export (XLSX) of a cycle, for pay.read holders. */
export const payrollUrl = (cycleId: string) => `${cyclePath(cycleId)}/payroll.xlsx`;

// ---- what stands behind results ----

/** The appeals of the caller's scope across cycles, open or answered: the appeal inbox in one request. */
export function useAppeals(status: 'open' | 'answered') {
  return useQuery({
    queryKey: [...CYCLES_KEY, 'appeals', status],
    queryFn: () => request('/api/appraisal/appeals', z.array(AppealItem), { query: { status } }),
  });
}

/** The hand-entered values of a person in a cycle: who entered what, when (the agent's own from calibration on). */
export function useValues(cycleId: string | undefined, personId: string | undefined) {
  return useQuery({
    queryKey: [...CYCLES_KEY, 'one', cycleId, 'values', personId],
    queryFn: () => request(`${cyclePath(cycleId ?? '')}/values/${enc(personId ?? '')}`, z.array(ValueOut)),
    enabled: Boolean(cycleId && personId),
    meta: { quiet: [400, 403, 404] },
  });
}

/** Every calibration, appeal, answer and acknowledgement of a result, oldest first. */
export function useResultHistory(cycleId: string | undefined, personId: string | undefined) {
  return useQuery({
    queryKey: [...CYCLES_KEY, 'one', cycleId, 'results', personId, 'history'],
    queryFn: () => request(`${resultPath(cycleId ?? '', personId ?? '')}/history`, z.array(ResultEvent)),
    enabled: Boolean(cycleId && personId),
    meta: { quiet: [403, 404] },
  });
}
