/** Organisation settings (new-hire period, time zone). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { Settings, type SettingsUpdate } from '../../server/modules/settings/settings.schema.ts';
import { PEOPLE_KEY } from './people.ts';
import { request } from './request.ts';

const KEY = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: KEY, queryFn: () => request('/api/settings', Settings) });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SettingsUpdate>) => request('/api/settings', Settings, { method: 'PUT', body }),
    onSuccess: (saved) => {
      qc.setQueryData(KEY, saved);
      // the new-hire flag on people depends on new_hire_days
      return qc.invalidateQueries({ queryKey: PEOPLE_KEY });
    },
  });
}
