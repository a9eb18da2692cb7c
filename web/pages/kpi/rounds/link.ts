/** Links into the drill-down: the rounds of an agent (or shop) over a period, on one filter tab. */
import { apiUrl } from '../../../api/request.ts';
import type { RoundsFilters } from '../../../api/kpi.ts';
import { RoundsQuery } from '../../../../server/modules/kpi/kpi.schema.ts';

export const ROUNDS_PATH = '/kpi/rounds';

/** The drill-down's tabs, in the server's order: counted, first, slow, unanswered, not counted, all. */
export const ROUND_FILTERS = RoundsQuery.shape.filter.unwrap().options;
export type RoundFilter = (typeof ROUND_FILTERS)[number];

/** The drill-down's URL for a scope and tab. */
export function roundsLink(q: Pick<RoundsFilters, 'from' | 'to' | 'agentId' | 'shopId' | 'filter'>): string {
  return apiUrl(ROUNDS_PATH, q);
}

/** The conversation page's URL. */
export const conversationLink = (id: string) => `/kpi/conversations/${encodeURIComponent(id)}`;
