/**
 * Names for the ids a person record carries (department, group, shops, lead, mentor). The
 * organisation lists are readable by everyone signed in; people only within the caller's scope,
 * so a lead or mentor outside it has no name to show.
 */
import { useMemo } from 'react';
import type { Department, Group, Shop } from '../../server/modules/org/org.schema.ts';
import type { Person } from '../../server/modules/people/people.schema.ts';
import { departments, groups, shops } from '../api/org.ts';
import { usePeople } from '../api/people.ts';
import { useAccess } from '../access.ts';

export interface Directory {
  loading: boolean;
  departments: Department[];
  groups: Group[];
  shops: Shop[];
  people: Person[];
  department(id: string | null): Department | undefined;
  group(id: string | null): Group | undefined;
  shop(id: string): Shop | undefined;
  person(id: string | null): Person | undefined;
}

function indexById<T extends { id: string }>(rows: T[] | undefined): Map<string, T> {
  return new Map((rows ?? []).map((r) => [r.id, r]));
}

export function useDirectory(): Directory {
  const { canReadPeople } = useAccess();
  const d = departments.useList();
  const g = groups.useList();
  const s = shops.useList();
  const p = usePeople({}, canReadPeople);
  return useMemo(() => {
    const [dm, gm, sm, pm] = [indexById(d.data), indexById(g.data), indexById(s.data), indexById(p.data)];
    return {
      loading: d.isLoading || g.isLoading || s.isLoading || p.isLoading,
      departments: d.data ?? [],
      groups: g.data ?? [],
      shops: s.data ?? [],
      people: p.data ?? [],
      department: (id) => (id ? dm.get(id) : undefined),
      group: (id) => (id ? gm.get(id) : undefined),
      shop: (id) => sm.get(id),
      person: (id) => (id ? pm.get(id) : undefined),
    };
  }, [d.data, g.data, s.data, p.data, d.isLoading, g.isLoading, s.isLoading, p.isLoading]);
}
