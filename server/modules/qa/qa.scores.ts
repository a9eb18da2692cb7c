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
import * as inspectionRepo from './qa.inspection.repository.ts';
import { loadRules } from './qa.lexicons.ts';
import { summariseInspections } from '../../../domain/qa/compliance.ts';

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

/**
 * QA scores for a period of the agents in the caller's scope (agents: their own) who were
 * reviewed or whose conversations were inspected, with their automatic-inspection figures
 * (sentiment index and compliance, SPEC KPI-12/15).
 */
export async function listQaScores(conn: Conn, actor: Actor, from: string, to: string): Promise<QaScoreOut[]> {
  if (from > to) throw badRequest('the period ends before it starts', [{ field: 'to', message: 'before from' }]);
  const scope = readScope(actor);
  const ids = new Set((await reviewsRepo.reviewedAgents(conn, from, to)).map((r) => r.agent_id));
  for (const r of await inspectionRepo.inspectedAgents(conn, from, to)) if (r.agent_id) ids.add(r.agent_id);
  const people = (await repo.findPeople(conn, [...ids])).filter((p) => inScope(scope, placementOf(p)));
  const personIds = people.map((p) => p.id);
  const scores = await qaScoreFor(conn, personIds, from, to);
  const { settings } = await loadRules(conn);
  const threshold = Math.round(settings.negativeShareThreshold * 1_000_000);
  const inspection = new Map(
    (await inspectionRepo.inspectionByAgent(conn, personIds, from, to, threshold)).map((r) => [
      r.agent_id as string,
      summariseInspections({
        conversations: Number(r.conversations),
        sentimentBpSum: Number(r.sentiment_bp_sum ?? 0),
        withCustomerMessages: Number(r.with_customer ?? 0),
        negative: Number(r.negative ?? 0),
        withBanned: Number(r.with_banned ?? 0),
        banned: {
          rude: Number(r.banned_rude ?? 0),
          promise: Number(r.banned_promise ?? 0),
          privacy: Number(r.banned_privacy ?? 0),
          offPlatform: Number(r.banned_off_platform ?? 0),
        },
      }),
    ]),
  );
  return people
    .map((p) => ({ personId: p.id, name: p.name, ...scores.get(p.id)!, inspection: inspection.get(p.id) ?? null }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
