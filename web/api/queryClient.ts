/** TanStack Query wired to the one error handler; a query or mutation may say which statuses it shows itself. */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { handleError, hasStatus } from './request.ts';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: QuietMeta;
    mutationMeta: QuietMeta;
  }
}

export interface QuietMeta extends Record<string, unknown> {
  /** statuses the page renders itself (403 → a forbidden page, 400 → an errors table); no toast for them */
  quiet?: number[];
}

function report(err: unknown, meta: QuietMeta | undefined) {
  if (meta?.quiet && hasStatus(err, ...meta.quiet)) return;
  handleError(err);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (err, query) => report(err, query.meta) }),
  mutationCache: new MutationCache({ onError: (err, _vars, _ctx, mutation) => report(err, mutation.meta) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // retrying a 4xx never helps; retry once for a flaky network or a 5xx
      retry: (count, err) => count < 1 && !hasStatus(err, 400, 401, 403, 404, 409),
    },
  },
});
