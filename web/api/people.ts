/** People, a person's profile and history, status changes and the roster import. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ImportResult,
  Person,
  PersonDetail,
  type PersonCreate,
  type PersonListQuery,
  type PersonUpdate,
  type StatusChange,
} from '../../server/modules/people/people.schema.ts';
import { ORG_KEY } from './org.ts';
import { request } from './request.ts';

export const PEOPLE_KEY = ['people'] as const;
export type PeopleFilters = z.input<typeof PersonListQuery>;

/** The people the signed-in person may see, filtered. */
export function usePeople(filters: PeopleFilters = {}, enabled = true) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'list', filters],
    queryFn: () => request('/api/people', z.array(Person), { query: filters }),
    enabled,
  });
}

/** One profile with its employment history; 403/404 are shown by the page, not as a toast. */
export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'detail', id],
    queryFn: () => request(`/api/people/${encodeURIComponent(id ?? '')}`, PersonDetail),
    enabled: Boolean(id),
    meta: { quiet: [403, 404] },
  });
}

function useInvalidatePeople() {
  const qc = useQueryClient();
  // headcounts on departments and groups move with people
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: PEOPLE_KEY }), qc.invalidateQueries({ queryKey: ORG_KEY })]);
}

export function useCreatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: z.input<typeof PersonCreate>) => request('/api/people', Person, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdatePerson(id: string) {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: z.input<typeof PersonUpdate>) =>
      request(`/api/people/${encodeURIComponent(id)}`, Person, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useChangeStatus(id: string) {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: z.input<typeof StatusChange>) =>
      request(`/api/people/${encodeURIComponent(id)}/status`, Person, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export const ROSTER_TEMPLATE_URL = '/api/people/import/template.csv';

/** Validates (dryRun) or applies a roster file; a 400 with row/field details is shown as a table. */
export function useImportRoster() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request('/api/people/import', ImportResult, { method: 'POST', query: { dryRun }, form });
    },
    onSuccess: (result) => (result.dryRun ? undefined : invalidate()),
    meta: { quiet: [400] },
  });
}
