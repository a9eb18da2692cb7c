/**
 * An agent's QA score for a period (SPEC QA-1; the appraisal's `qa_score` indicator reads it
 * through `qaScoreFor`): the mean of the scores that count of the reviews of their conversations.
 */
import { inScope, readScope, type Actor } from '../../../domain/access.ts';
import { qaScore } from '../../../domain/qa/score.ts';
import type { Conn } from '../../db/types.ts';
import { badRequest } from '../../lib/errors.ts';
import { fromHundredths, placementOf } from './qa.guard.ts';
import * as repo from './qa.repository.ts';
import * as reviewsRepo from './qa.reviews.repository.ts';
import type { QaScoreOut } from './qa.reviews.schema.ts';

/**
 * The agents' QA scores for a period (SPEC QA-1, feeds the appraisal's `qa_score`): per person,
 * the mean of the scores that count (revised after a dispute, else the reviewer's) of the
 * reviews of their conversations dated from `from` to `to` inclusive; null without reviews.
 * Every id asked for is in the map.
 */
export async function qaScoreFor(
  conn: Conn,
  personIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, { score: number | null; reviews: number }>> {
  const byAgent = new Map<string, number[]>(personIds.map((id) => [id, []]));
  for (const r of await reviewsRepo.finalScores(conn, personIds, from, to)) {
    byAgent.get(r.agent_id)?.push(fromHundredths(r.final_score_hundredths));
  }
  return new Map([...byAgent].map(([id, scores]) => [id, { score: qaScore(scores), reviews: scores.length }]));
}

/** QA scores for a period of the reviewed agents in the caller's scope (agents: their own). */
export async function listQaScores(conn: Conn, actor: Actor, from: string, to: string): Promise<QaScoreOut[]> {
  if (from > to) throw badRequest('the period ends before it starts', [{ field: 'to', message: 'before from' }]);
  const scope = readScope(actor);
  const ids = (await reviewsRepo.reviewedAgents(conn, from, to)).map((r) => r.agent_id);
  const people = (await repo.findPeople(conn, ids)).filter((p) => inScope(scope, placementOf(p)));
  const scores = await qaScoreFor(
    conn,
    people.map((p) => p.id),
    from,
    to,
  );
  return people
    .map((p) => ({ personId: p.id, name: p.name, ...scores.get(p.id)! }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
