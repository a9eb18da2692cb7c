/** Names for a cycle's scope and the agents it appraises, from the organisation directory. */
import { useCallback } from 'react';
import type { CycleOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import type { Directory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { inCycleScope } from './cycle.ts';
import type { Agent } from './EntryModals.tsx';

/** `scope → "售前一组、售后组"`: the departments and groups a cycle appraises, by name. */
export function useScopeText(dir: Directory): (scope: CycleOut['scope']) => string {
  const { t, localName } = useT();
  return useCallback(
    (scope) => {
      const names = [
        ...scope.departmentIds.map((id) => {
          const d = dir.department(id);
          return d ? localName(d) : id;
        }),
        ...scope.groupIds.map((id) => {
          const g = dir.group(id);
          return g ? localName(g) : id;
        }),
      ];
      return names.length ? names.join(t('appraisal.listSep')) : t('common.none');
    },
    [dir, t, localName],
  );
}

/** The agents the caller can see in a cycle's scope (the server decides who is appraised; this fills pickers). */
export function agentsOf(cycle: CycleOut, dir: Directory): Agent[] {
  return dir.people
    .filter((p) => p.role === 'agent' && p.status !== 'left' && inCycleScope(cycle.scope, p))
    .map((p) => ({ id: p.id, name: p.name }));
}
