/** Pure facts about a cycle the pages share: its scheme, the agents it appraises, what is entered by hand. */
import {
  CYCLE_KIND_SCOPE,
  CYCLE_STATES,
  TRANSITIONS,
  unitOf,
  WRITABLE_IN,
  type CycleWrite,
  type CycleKind,
  type CycleState,
  type IndicatorUnit,
  type Scheme,
  type Bilingual,
} from '../../../../domain/appraisal/index.ts';
import type { CycleOut, SchemeOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';

/** Review kinds that come from forms, never typed in as a value (appraisal.service FORM_ONLY). */
const FORM_ONLY: readonly string[] = ['self', 'supervisor', 'peer360', 'customer_survey'];

/** The hand-entered item for the innovation award (appraisal.compute ADOPTED_SUGGESTIONS). */
export const ADOPTED_SUGGESTIONS = 'adopted_suggestions';

export interface HandEnteredItem {
  id: string;
  /** null for the innovation award's count (its label comes from the dictionary) */
  label: Bilingual | null;
  unit: IndicatorUnit;
}

/** What a reviewer may type in for a cycle: the scheme's hand-entered indicators of the cycle's sections, then adopted suggestions. */
export function handEnteredItems(scheme: Scheme, kind: CycleKind): HandEnteredItem[] {
  const sections = CYCLE_KIND_SCOPE[kind].sections;
  const items: HandEnteredItem[] = scheme.sections
    .filter((s) => sections.includes(s.kind))
    .flatMap((s) => s.indicators)
    .filter((i) => i.kind === 'review' && !FORM_ONLY.includes(i.review))
    .map((i) => ({ id: i.id, label: i.label, unit: unitOf(i) ?? 'score' }));
  return [...items, { id: ADOPTED_SUGGESTIONS, label: null, unit: 'count' }];
}

/** Whether the scheme counts a review form (self or supervisor) in a cycle of this kind. */
export function usesReview(scheme: Scheme, kind: CycleKind, review: 'self' | 'supervisor'): boolean {
  const sections = CYCLE_KIND_SCOPE[kind].sections;
  return scheme.sections.some(
    (s) => sections.includes(s.kind) && s.indicators.some((i) => i.kind === 'review' && i.review === review),
  );
}

/** The stored scheme version a cycle runs with. */
export function schemeOfCycle(cycle: CycleOut, schemes: SchemeOut[] | undefined): SchemeOut | undefined {
  return schemes?.find((s) => s.id === cycle.schemeId && s.version === cycle.schemeVersion);
}

/** The step back a cycle may take to reopen (none from draft or finalised). */
export function previousState(state: CycleState): CycleState | null {
  const back = TRANSITIONS[state].find((s) => CYCLE_STATES.indexOf(s) < CYCLE_STATES.indexOf(state));
  return back ?? null;
}

/** Whether the cycle's state accepts a kind of write (the domain's table; the server checks again). */
export const accepts = (state: CycleState, write: CycleWrite): boolean => WRITABLE_IN[write].includes(state);

/** Whether a person sits in a cycle's scope (by group or department). */
export function inCycleScope(
  scope: CycleOut['scope'],
  p: { groupId: string | null; departmentId: string | null },
): boolean {
  return (
    (p.groupId !== null && scope.groupIds.includes(p.groupId)) ||
    (p.departmentId !== null && scope.departmentIds.includes(p.departmentId))
  );
}

/** Latest version of each scheme family first, then older versions. */
export function sortSchemes(schemes: SchemeOut[]): SchemeOut[] {
  return [...schemes].sort((a, b) => (a.id === b.id ? b.version - a.version : a.id < b.id ? -1 : 1));
}

/** The newest version of every family. */
export function latestSchemes(schemes: SchemeOut[]): SchemeOut[] {
  const best = new Map<string, SchemeOut>();
  for (const s of schemes) if ((best.get(s.id)?.version ?? 0) < s.version) best.set(s.id, s);
  return sortSchemes([...best.values()]);
}

/** The cycle page. */
export const cyclePath = (id: string) => `/appraisal/cycles/${encodeURIComponent(id)}`;

/** A result's scorecard: the agent's own under My appraisal, anyone else's under the cycle. */
export const scorecardPath = (cycleId: string, personId: string, own = false) =>
  own
    ? `/appraisal/mine/${encodeURIComponent(cycleId)}`
    : `${cyclePath(cycleId)}/results/${encodeURIComponent(personId)}`;

/** A cycle's consequence proposals, peer reviewers and customer survey. */
export const proposalsPath = (id: string) => `${cyclePath(id)}/proposals`;
export const peersPath = (id: string) => `${cyclePath(id)}/peers`;
export const surveyPath = (id: string) => `${cyclePath(id)}/survey`;
