/**
 * The weekly QA report (质检周报, SPEC QA-6): the week's report, its XLSX, improvement actions
 * and the report's settings. Every type comes from the server's schemas.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ActionOut,
  WeeklyOut,
  WeeklySettings,
  type ActionClose,
  type ActionCreate,
  type ActionUpdate,
} from '../../server/modules/qa/qa.weekly.schema.ts';
import { apiUrl, request } from './request.ts';

const WEEKLY_KEY = ['qa', 'weekly'] as const;
const enc = encodeURIComponent;

/** The report of an ISO week (2026-W47) for the signed-in reader's scope. */
export function useWeeklyReport(week: string) {
  return useQuery({
    queryKey: [...WEEKLY_KEY, 'report', week],
    queryFn: () => request('/api/qa/weekly', WeeklyOut, { query: { week } }),
    placeholderData: keepPreviousData,
  });
}

/** Where the week's workbook downloads from. */
export const weeklyXlsxUrl = (week: string) => apiUrl('/api/qa/weekly.xlsx', { week });

/** The report's settings (flag share, failure items listed, QA-score target). */
export function useWeeklySettings() {
  return useQuery({
    queryKey: [...WEEKLY_KEY, 'settings'],
    queryFn: () => request('/api/qa/weekly/settings', WeeklySettings),
  });
}

/** Everything weekly is read again after a write: flags, actions and effects move together. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: WEEKLY_KEY });
}

/** Changes the report's settings (QA managers). */
export function useSaveWeeklySettings() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Partial<WeeklySettings>) =>
      request('/api/qa/weekly/settings', WeeklySettings, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

/** Raises an improvement action on a complaint category (QA managers). */
export function useCreateAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ActionCreate) => request('/api/qa/weekly/actions', ActionOut, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** Changes an open action's description, owner or due date. */
export function useUpdateAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ActionUpdate }) =>
      request(`/api/qa/weekly/actions/${enc(id)}`, ActionOut, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

/** Closes an action (done) with its outcome. */
export function useCloseAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ActionClose }) =>
      request(`/api/qa/weekly/actions/${enc(id)}/close`, ActionOut, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}
