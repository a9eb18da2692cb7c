/** KPI figures, metric definitions, the rounds behind a figure, one conversation, and the metric settings. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ConversationDetail,
  KpiDataRange,
  KpiDefinitions,
  KpiResult,
  MetricSettingsSaved,
  MetricSettingsSchema,
  RecomputeStateSchema,
  RoundsResult,
  type KpiQuery,
  type RoundsQuery,
} from '../../server/modules/kpi/kpi.schema.ts';
import { apiUrl, request } from './request.ts';

export const KPI_KEY = ['kpi'] as const;

/** A KPI query as the page builds it (the server fills the defaults); `format` is the export's business. */
export type KpiFilters = Omit<z.input<typeof KpiQuery>, 'format'>;
/** `limit`/`offset` are coerced from the query string on the server; the console sends numbers. */
export type RoundsFilters = Omit<z.input<typeof RoundsQuery>, 'limit' | 'offset'> & { limit?: number; offset?: number };
export type MetricSettingsUpdate = Partial<z.input<typeof MetricSettingsSchema>>;

/** KPI rows for a range and breakdown; the previous rows stay on screen while new ones load. */
export function useKpi(filters: KpiFilters, enabled = true) {
  return useQuery({
    queryKey: [...KPI_KEY, 'rows', filters],
    queryFn: () => request('/api/kpi', KpiResult, { query: filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The answer of GET /api/kpi/range: the first and last day with figures. kpi.routes.ts declares
 * it inline; it belongs in kpi.schema.ts, and this copy with it.
 */

/** The days that have figures at all, to point an empty period at the data. */
export function useKpiDataRange(enabled = true) {
  return useQuery({
    queryKey: [...KPI_KEY, 'range'],
    queryFn: () => request('/api/kpi/range', KpiDataRange),
    enabled,
  });
}

/** The same figures as a CSV download. */
export function kpiCsvUrl(filters: KpiFilters): string {
  return apiUrl('/api/kpi', { ...filters, format: 'csv' });
}

/** Every metric's definition in both languages, with the settings in force. */
export function useKpiDefinitions() {
  return useQuery({
    queryKey: [...KPI_KEY, 'definitions'],
    queryFn: () => request('/api/kpi/definitions', KpiDefinitions),
    staleTime: 5 * 60_000,
  });
}

/** The rounds behind a figure (drill-down), one page at a time. */
export function useRounds(filters: RoundsFilters, enabled = true) {
  return useQuery({
    queryKey: [...KPI_KEY, 'rounds', filters],
    queryFn: () => request('/api/kpi/rounds', RoundsResult, { query: filters }),
    placeholderData: keepPreviousData,
    enabled,
    meta: { quiet: [403] },
  });
}

/** One conversation with its messages and rounds; 403 (HR, out of scope) and 404 are shown by the page. */
export function useConversation(id: string | undefined) {
  return useQuery({
    queryKey: [...KPI_KEY, 'conversation', id],
    queryFn: () => request(`/api/conversations/${encodeURIComponent(id ?? '')}`, ConversationDetail),
    enabled: Boolean(id),
    meta: { quiet: [403, 404] },
  });
}

const SETTINGS_KEY = [...KPI_KEY, 'settings'] as const;

/** The metric settings in force. */
export function useMetricSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => request('/api/kpi/settings', MetricSettingsSchema) });
}

const RECOMPUTE_KEY = [...KPI_KEY, 'recompute'] as const;

/** Saves changed settings; the server then recomputes every KPI in the background (useRecompute). */
export function useSaveMetricSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MetricSettingsUpdate) =>
      request('/api/kpi/settings', MetricSettingsSaved, { method: 'PUT', body }),
    onSuccess: (saved) => {
      // the settings alone (parsing drops `recompute`)
      qc.setQueryData(SETTINGS_KEY, MetricSettingsSchema.parse(saved));
      qc.setQueryData(RECOMPUTE_KEY, saved.recompute);
    },
  });
}

/**
 * Where the recompute after a settings change stands, polled every second while it runs; when
 * it finishes every cached figure is dropped, since all of them changed.
 */
export function useRecompute() {
  const qc = useQueryClient();
  return useQuery({
    queryKey: RECOMPUTE_KEY,
    queryFn: async () => {
      const before = qc.getQueryData<z.infer<typeof RecomputeStateSchema>>(RECOMPUTE_KEY);
      const state = await request('/api/kpi/recompute', RecomputeStateSchema);
      if (before?.status === 'running' && state.status !== 'running') {
        await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === KPI_KEY[0] && q.queryKey[1] !== 'recompute' });
      }
      return state;
    },
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
}
