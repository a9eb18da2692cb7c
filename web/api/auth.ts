/** The signed-in person and the account actions (sign-in, sign-out, password, language). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { Me, type LocaleBody, type LoginBody, type PasswordChangeBody } from '../../server/modules/auth/auth.schema.ts';
import { KPI_KEY } from './kpi.ts';
import { command, hasStatus, request } from './request.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in person, or null when nobody is signed in (401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await request('/api/auth/me', Me);
      } catch (e) {
        if (hasStatus(e, 401)) return null;
        throw e;
      }
    },
    staleTime: Infinity,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof LoginBody>) => request('/api/auth/login', Me, { method: 'POST', body }),
    onSuccess: (me) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, me);
    },
    meta: { quiet: [401] },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => command('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: z.input<typeof PasswordChangeBody>) => command('/api/auth/password', { method: 'POST', body }),
  });
}

/** Remembers the language on the server so it follows the person to other devices. */
export function useSaveLocale() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof LocaleBody>) => command('/api/auth/locale', { method: 'PUT', body }),
    onSuccess: async (_r, body) => {
      qc.setQueryData<Me | null>(ME_KEY, (me) => (me ? { ...me, locale: body.locale } : me));
      // the server words round explanations in the account's language: ask again in the new one
      await qc.invalidateQueries({
        queryKey: KPI_KEY,
        predicate: (q) => q.queryKey[1] === 'rounds' || q.queryKey[1] === 'conversation',
      });
    },
  });
}
