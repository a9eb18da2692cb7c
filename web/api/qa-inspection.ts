/**
 * Automatic inspection and alerts (SPEC QA-3, SVC-7): a conversation's findings, the alert list,
 * its live stream, handling and success rate, and the manager's lexicons and settings. Every
 * type comes from the server's schemas.
 */
import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  AlertOut,
  AlertsPage,
  AlertStats,
  AlertStatsQuery,
  type AlertResolve,
  type AlertsQuery,
} from '../../server/modules/qa/qa.alerts.schema.ts';
import { InspectionOut, InspectionPreviewOut } from '../../server/modules/qa/qa.inspection.schema.ts';
import {
  InspectionSettingsSaved,
  InspectionSettingsSchema,
  LexiconsOut,
  LexiconWordsAdded,
  ReinspectState,
  type InspectionSettingsT,
  type LexiconWordsAdd,
} from '../../server/modules/qa/qa.lexicons.schema.ts';
import { request } from './request.ts';

const KEY = ['qa-inspection'] as const;
const ALERTS_KEY = [...KEY, 'alerts'] as const;
const LEXICONS_KEY = [...KEY, 'lexicons'] as const;
const SETTINGS_KEY = [...KEY, 'settings'] as const;
const REINSPECT_KEY = [...KEY, 'reinspect'] as const;
const enc = encodeURIComponent;

/** Alert-list filters as the page builds them (the server fills limit and offset defaults). */
export type AlertFilters = Partial<Omit<AlertsQuery, 'limit' | 'offset'>> & { limit?: number; offset?: number };

/** One conversation's inspection; 403 and 404 (not inspected yet) are the caller's to show. */
export function useInspection(conversationId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'inspection', conversationId],
    queryFn: () => request(`/api/qa/inspections/${enc(conversationId!)}`, InspectionOut),
    enabled: enabled && Boolean(conversationId),
    meta: { quiet: [403, 404] },
    retry: false,
  });
}

/** A page of alerts in the reader's scope; the previous page stays on screen while the next loads. */
export function useAlerts(filters: AlertFilters, enabled = true) {
  return useQuery({
    queryKey: [...ALERTS_KEY, 'list', filters],
    queryFn: () => request('/api/qa/alerts', AlertsPage, { query: { ...filters } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Alerts raised and handled and the intervention success rate. */
export function useAlertStats(q: z.input<typeof AlertStatsQuery>) {
  return useQuery({
    queryKey: [...ALERTS_KEY, 'stats', q],
    queryFn: () => request('/api/qa/alerts/stats', AlertStats, { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

function useAlertWrite<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ALERTS_KEY }),
    meta: { quiet: [409] },
  });
}

/** Acknowledges an alert. */
export const useAcknowledgeAlert = () =>
  useAlertWrite((id: string) => request(`/api/qa/alerts/${enc(id)}/acknowledge`, AlertOut, { method: 'POST' }));

/** Resolves an alert with its outcome. */
export const useResolveAlert = () =>
  useAlertWrite(({ id, ...body }: AlertResolve & { id: string }) =>
    request(`/api/qa/alerts/${enc(id)}/resolve`, AlertOut, { method: 'POST', body }),
  );

// ---- the live stream ----

/** What the stream delivers: a new alert, a burst of `count` alerts, or a changed alert. */
export type AlertEvent =
  { type: 'alert'; alert: AlertOut } | { type: 'alerts'; count: number } | { type: 'alert-updated'; alert: AlertOut };

const listeners = new Set<(e: AlertEvent) => void>();
let source: EventSource | null = null;

function parse(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}

/**
 * Listens to `GET /api/qa/alerts/stream` (one EventSource per tab, shared by every listener;
 * it reconnects by itself and closes with the last listener). Returns the unsubscribe.
 */
export function subscribeAlerts(listener: (e: AlertEvent) => void): () => void {
  listeners.add(listener);
  if (!source && typeof EventSource !== 'undefined') {
    source = new EventSource('/api/qa/alerts/stream');
    const emit = (e: AlertEvent) => listeners.forEach((l) => l(e));
    source.addEventListener('alert', (m) => {
      const a = AlertOut.safeParse(parse(m.data as string));
      if (a.success) emit({ type: 'alert', alert: a.data });
    });
    source.addEventListener('alert-updated', (m) => {
      const a = AlertOut.safeParse(parse(m.data as string));
      if (a.success) emit({ type: 'alert-updated', alert: a.data });
    });
    source.addEventListener('alerts', (m) => {
      const c = z.object({ count: z.number() }).safeParse(parse(m.data as string));
      if (c.success) emit({ type: 'alerts', count: c.data.count });
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}

/** Keeps the alert queries fresh from the stream and hands each event to `onEvent` (when enabled). */
export function useAlertStream(enabled: boolean, onEvent?: (e: AlertEvent) => void) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return subscribeAlerts((e) => {
      void qc.invalidateQueries({ queryKey: ALERTS_KEY });
      const inspection = [...KEY, 'inspection', ...(e.type === 'alerts' ? [] : [e.alert.conversationId])];
      void qc.invalidateQueries({ queryKey: inspection });
      onEvent?.(e);
    });
  }, [enabled, onEvent, qc]);
}

// ---- lexicons and settings ----

/** The manager's words, the shipped list sizes and the rules fingerprint. */
export function useLexicons() {
  return useQuery({ queryKey: LEXICONS_KEY, queryFn: () => request('/api/qa/lexicons', LexiconsOut) });
}

/** Adds words to a list; history is re-inspected in the background. */
export function useAddWords() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LexiconWordsAdd) =>
      request('/api/qa/lexicons/words', LexiconWordsAdded, { method: 'POST', body }),
    onSuccess: (r) => {
      qc.setQueryData(REINSPECT_KEY, r.reinspect);
      return qc.invalidateQueries({ queryKey: LEXICONS_KEY });
    },
  });
}

/** Removes an added word; history is re-inspected in the background. */
export function useRemoveWord() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      request(`/api/qa/lexicons/words/${enc(id)}`, z.object({ reinspect: ReinspectState }), { method: 'DELETE' }),
    onSuccess: (r) => {
      qc.setQueryData(REINSPECT_KEY, r.reinspect);
      return qc.invalidateQueries({ queryKey: LEXICONS_KEY });
    },
  });
}

/** The inspection settings in force. */
export function useInspectionSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => request('/api/qa/inspection/settings', InspectionSettingsSchema),
  });
}

/** Saves changed settings; history is re-inspected in the background. */
export function useSaveInspectionSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<InspectionSettingsT>) =>
      request('/api/qa/inspection/settings', InspectionSettingsSaved, { method: 'PUT', body }),
    onSuccess: (saved) => {
      qc.setQueryData(SETTINGS_KEY, InspectionSettingsSchema.parse(saved));
      qc.setQueryData(REINSPECT_KEY, saved.reinspect);
    },
  });
}

/** Where the re-inspection stands, polled every second while it runs; results are read again when it ends. */
export function useReinspect() {
  const qc = useQueryClient();
  return useQuery({
    queryKey: REINSPECT_KEY,
    queryFn: async () => {
      const before = qc.getQueryData<ReinspectState>(REINSPECT_KEY);
      const state = await request('/api/qa/inspection/reinspect', ReinspectState);
      if (before?.status === 'running' && state.status !== 'running') {
        await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === KEY[0] && q.queryKey[1] !== 'reinspect' });
      }
      return state;
    },
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
}

/** What inspection finds in a typed text (nothing stored). */
export function usePreview() {
  return useMutation({
    mutationFn: (body: { text: string; sender: 'customer' | 'agent' }) =>
      request('/api/qa/inspection/preview', InspectionPreviewOut, { method: 'POST', body }),
  });
}
