/** Service-data import: start a job, follow its progress, and the history of runs. */
import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ImportJob, ImportRun, ImportStarted } from '../../server/modules/ingest/ingest.schema.ts';
import type { RecordType } from '../../server/modules/ingest/ingest.formats.ts';
import { KPI_KEY } from './kpi.ts';
import { request } from './request.ts';

export const IMPORT_KEY = ['import'] as const;

/**
 * The 202 answer of POST /api/import. ingest.schema.ts has no schema for it yet; this is the one
 * shape the console declares itself, and should move there.
 */

export interface ImportRequest {
  file: File;
  /** undefined: the server tells the type from the header */
  type?: RecordType;
  /** IANA zone for times written without an offset */
  tz?: string;
  keepGood: boolean;
}

/** Uploads a file and starts its import job; a file refused outright (400) is shown by the page. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ file, type, tz, keepGood }: ImportRequest) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request('/api/import', ImportStarted, {
        method: 'POST',
        query: { type, tz, keepGood: keepGood ? 'true' : 'false' },
        form,
      });
    },
    meta: { quiet: [400] },
  });
}

/** POLL_MS: how often a running job is asked for its progress. */
export const POLL_MS = 500;

/** A job, polled while it runs. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: [...IMPORT_KEY, 'job', id],
    queryFn: () => request(`/api/import/jobs/${encodeURIComponent(id ?? '')}`, ImportJob),
    enabled: Boolean(id),
    staleTime: 0,
    // poll until the job has an outcome (or asking fails: the handler has said why)
    refetchInterval: (q) =>
      q.state.status === 'error' || (q.state.data && q.state.data.status !== 'running') ? false : POLL_MS,
  });
}

/** Imported data moves the KPIs and the history: forget both once a job has finished. */
export function useAfterImport() {
  const qc = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: [...IMPORT_KEY, 'runs'] }),
        qc.invalidateQueries({ queryKey: KPI_KEY }),
      ]),
    [qc],
  );
}

/** Earlier imports, newest first. */
export function useImportRuns() {
  return useQuery({
    queryKey: [...IMPORT_KEY, 'runs'],
    queryFn: () => request('/api/import/runs', z.array(ImportRun)),
  });
}
