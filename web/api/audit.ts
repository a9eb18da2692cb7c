/** The audit log (admins), paged backwards with `before`. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { AuditEntry } from '../../server/modules/audit/audit.schema.ts';
import { request } from './request.ts';

export const AUDIT_PAGE = 50;

export function useAuditLog(filters: { entity?: string; actorId?: string }) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      request('/api/audit', z.array(AuditEntry), { query: { ...filters, before: pageParam, limit: AUDIT_PAGE } }),
    getNextPageParam: (last) => (last.length < AUDIT_PAGE ? undefined : last[last.length - 1]?.id),
  });
}
