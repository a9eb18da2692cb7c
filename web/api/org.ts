/** Departments, groups, shops and channels: one list query and one save mutation each. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  Channel,
  ChannelInput,
  Department,
  DepartmentInput,
  Group,
  GroupInput,
  Shop,
  ShopInput,
} from '../../server/modules/org/org.schema.ts';
import { request } from './request.ts';

export const ORG_KEY = ['org'] as const;

/** Save = create when there is no id, change when there is one. */
export interface SaveArgs<Input> {
  id?: string;
  values: Input;
}

function orgResource<Item extends z.ZodType, Input extends z.ZodObject>(table: string, item: Item, input: Input) {
  const url = `/api/org/${table}`;
  const key = [...ORG_KEY, table] as const;
  return {
    key,
    /** the server's input schema; forms validate their fields with it */
    input,
    useList: () => useQuery({ queryKey: key, queryFn: () => request(url, z.array(item)) }),
    useSave: () => {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: ({ id, values }: SaveArgs<z.input<Input>>) =>
          id
            ? request(`${url}/${encodeURIComponent(id)}`, item, { method: 'PATCH', body: values })
            : request(url, item, { method: 'POST', body: values }),
        onSuccess: () => qc.invalidateQueries({ queryKey: ORG_KEY }),
      });
    },
  };
}

export const departments = orgResource('departments', Department, DepartmentInput);
export const groups = orgResource('groups', Group, GroupInput);
export const shops = orgResource('shops', Shop, ShopInput);
export const channels = orgResource('channels', Channel, ChannelInput);
