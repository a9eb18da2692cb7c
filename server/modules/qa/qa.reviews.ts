/**
 * Reviews and disputes (SPEC QA-4): a reviewer scores an assigned conversation with the
 * sample's scorecard (the domain scores it); the agent reads their own reviews and may dispute
 * one once; a second reviewer — never the one who wrote it — upholds it or revises it with new
 * ratings. The score that counts (final) feeds the agent's QA score for a period (qa.scores.ts).
 */
import { inScope, readScope, type Actor } from '../../../domain/access.ts';
import { scoreReview } from '../../../domain/qa/score.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import { can, fromHundredths, guard, personOrThrow, placementOf, toHundredths } from './qa.guard.ts';
import * as repo from './qa.repository.ts';
import * as reviewsRepo from './qa.reviews.repository.ts';
import { storedScorecard } from './qa.scorecards.ts';
import type { DisputeDecide, DisputeOut, ReviewOut, ReviewSubmit } from './qa.reviews.schema.ts';

function presentDispute(d: reviewsRepo.DisputeRow): DisputeOut {
  return {
    id: d.id,
    reviewId: d.review_id,
    agentId: d.agent_id,
    reason: d.reason,
    openedAt: d.opened_at,
    decidedBy: d.decided_by,
    decidedAt: d.decided_at,
    outcome: d.outcome as DisputeOut['outcome'],
    note: d.note,
    score: d.score_hundredths === null ? null : fromHundredths(d.score_hundredths),
    ratings: d.ratings ? (JSON.parse(d.ratings) as DisputeOut['ratings']) : null,
  };
}

/** Reviews as the caller may see them: HR reads scores, not the comments (they quote the chat). */
async function present(conn: Conn, actor: Actor, rows: reviewsRepo.ReviewRow[]): Promise<ReviewOut[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.agent_id, r.reviewer_id]))];
  const names = new Map((await repo.findPeople(conn, ids)).map((p) => [p.id, p.name]));
  const disputes = new Map(
    (
      await reviewsRepo.disputesOfReviews(
        conn,
        rows.map((r) => r.id),
      )
    ).map((d) => [d.review_id, d]),
  );
  const chat = actor.role !== 'hr';
  return rows.map((r) => {
    const d = disputes.get(r.id);
    return {
      id: r.id,
      assignmentId: r.assignment_id,
      conversationId: r.conversation_id,
      agentId: r.agent_id,
      agentName: names.get(r.agent_id) ?? r.agent_id,
      reviewerId: r.reviewer_id,
      reviewerName: names.get(r.reviewer_id) ?? r.reviewer_id,
      day: r.day,
      scorecardId: r.scorecard_id,
      scorecardVersion: r.scorecard_version,
      ratings: JSON.parse(r.ratings) as ReviewOut['ratings'],
      comments: chat ? (JSON.parse(r.comments) as Record<string, string>) : null,
      coachingNote: chat ? r.coaching_note : null,
      score: fromHundredths(r.score_hundredths),
      finalScore: fromHundredths(r.final_score_hundredths),
      criticalFail: Number(r.critical_fail) === 1,
      breakdown: JSON.parse(r.breakdown) as unknown,
      status: r.status as ReviewOut['status'],
      dispute: d ? presentDispute(d) : null,
      createdAt: r.created_at,
    };
  });
}

async function presentOne(conn: Conn, actor: Actor, id: string): Promise<ReviewOut> {
  const row = await reviewsRepo.findReview(conn, id);
  if (!row) throw notFound('review');
  return (await present(conn, actor, [row]))[0];
}

/** Submits the review of an assigned conversation: its reviewer only, once; the domain scores it. */
export async function submitReview(
  conn: Conn,
  actor: Actor,
  assignmentId: string,
  body: ReviewSubmit,
): Promise<ReviewOut> {
  const a = await repo.findAssignment(conn, assignmentId);
  if (!a) throw notFound('assignment');
  if (a.reviewer_id !== actor.id) throw forbidden('this conversation is assigned to another reviewer');
  if (a.status !== 'open')
    throw new HttpError(
      409,
      'already_reviewed',
      'this conversation has been reviewed; a change goes through a dispute',
    );
  const sample = (await repo.findSample(conn, a.sample_id))!;
  const card = await storedScorecard(conn, sample.scorecard_id, sample.scorecard_version);
  const result = guard(() => scoreReview(card, body.ratings));
  const known = new Set(card.categories.flatMap((c) => c.items.map((i) => i.id)));
  const stray = Object.keys(body.comments).filter((k) => !known.has(k));
  if (stray.length)
    throw badRequest(
      'comments on unknown items',
      stray.map((k) => ({ field: `comments.${k}`, message: 'unknown item' })),
    );
  const now = nowIso();
  const score = toHundredths(result.score!);
  const row: reviewsRepo.ReviewRow = {
    id: newId(),
    assignment_id: a.id,
    conversation_id: a.conversation_id,
    agent_id: a.agent_id,
    reviewer_id: actor.id,
    day: a.day,
    scorecard_id: card.id,
    scorecard_version: card.version,
    ratings: JSON.stringify(body.ratings),
    comments: JSON.stringify(body.comments),
    coaching_note: body.coachingNote?.trim() || null,
    score_hundredths: score,
    final_score_hundredths: score,
    critical_fail: result.criticalFail ? 1 : 0,
    breakdown: JSON.stringify(result),
    status: 'submitted',
    created_at: now,
    updated_at: now,
  };
  await reviewsRepo.insertReview(conn, row);
  await repo.completeAssignment(conn, a.id, now);
  await record(conn, actor, 'qa.review_submit', 'qa_review', row.id, null, {
    assignmentId: a.id,
    conversationId: a.conversation_id,
    agentId: a.agent_id,
    ratings: body.ratings,
    score: result.score,
    criticalFail: result.criticalFail,
  });
  return presentOne(conn, actor, row.id);
}

/** Whether the caller may see a review: its agent, its reviewer, or someone whose scope holds the agent. */
async function visible(conn: Conn, actor: Actor, r: reviewsRepo.ReviewRow): Promise<boolean> {
  if (r.agent_id === actor.id || r.reviewer_id === actor.id) return true;
  const agent = await repo.findPerson(conn, r.agent_id);
  return agent !== undefined && inScope(readScope(actor), placementOf(agent));
}

/** Reviews the caller may see (agents: their own), newest conversation first. */
export async function listReviews(
  conn: Conn,
  actor: Actor,
  q: { agentId?: string; from?: string; to?: string; limit: number },
): Promise<ReviewOut[]> {
  return present(conn, actor, await reviewsRepo.listReviews(conn, readScope(actor), actor.id, q));
}

/** One review, or 403 when it is another agent's or outside the caller's scope. */
export async function getReview(conn: Conn, actor: Actor, id: string): Promise<ReviewOut> {
  const r = await reviewsRepo.findReview(conn, id);
  if (!r) throw notFound('review');
  if (!(await visible(conn, actor, r))) throw forbidden('this review is outside your scope');
  return (await present(conn, actor, [r]))[0];
}

/** The agent disputes their own review, once, with a reason; a second reviewer will decide. */
export async function disputeReview(conn: Conn, actor: Actor, id: string, reason: string): Promise<ReviewOut> {
  const r = await reviewsRepo.findReview(conn, id);
  if (!r) throw notFound('review');
  if (r.agent_id !== actor.id) throw forbidden('only the agent reviewed may dispute a review');
  if (r.status !== 'submitted') throw new HttpError(409, 'already_disputed', 'this review has already been disputed');
  const now = nowIso();
  const dispute = { id: newId(), review_id: id, agent_id: actor.id, reason, opened_at: now };
  await reviewsRepo.insertDispute(conn, dispute);
  await reviewsRepo.updateReview(conn, id, { status: 'disputed', updated_at: now });
  await record(
    conn,
    actor,
    'qa.dispute_open',
    'qa_review',
    id,
    { status: r.status },
    { status: 'disputed', disputeId: dispute.id, reason },
  );
  return presentOne(conn, actor, id);
}

/** Why the caller may not decide this dispute, or null when they may (qa.review is checked by the route). */
function decideRefusal(
  actor: Actor,
  d: { agent_id: string; reviewer_id: string },
  agentInScope: boolean,
): string | null {
  if (d.reviewer_id === actor.id) return 'a second reviewer decides a dispute, not the one who wrote the review';
  if (d.agent_id === actor.id) return 'nobody decides a dispute about their own review';
  if (!agentInScope) return 'this agent is outside your scope';
  return null;
}

/**
 * A second reviewer decides an open dispute: upheld (the score stands) or revised with new
 * ratings, re-scored by the review's scorecard version; the revised score is the one that counts.
 */
export async function decideDispute(
  conn: Conn,
  actor: Actor,
  disputeId: string,
  body: DisputeDecide,
): Promise<ReviewOut> {
  const d = await reviewsRepo.findDispute(conn, disputeId);
  if (!d) throw notFound('dispute');
  if (d.outcome !== null) throw new HttpError(409, 'already_decided', 'this dispute has been decided');
  const r = (await reviewsRepo.findReview(conn, d.review_id))!;
  const agent = await personOrThrow(conn, r.agent_id);
  const refusal = decideRefusal(
    actor,
    { agent_id: r.agent_id, reviewer_id: r.reviewer_id },
    inScope(readScope(actor), placementOf(agent)),
  );
  if (refusal) throw forbidden(refusal);
  const now = nowIso();
  let score: number | null = null;
  if (body.outcome === 'revised') {
    const card = await storedScorecard(conn, r.scorecard_id, r.scorecard_version);
    score = toHundredths(guard(() => scoreReview(card, body.ratings ?? {})).score!);
  }
  const changed = await reviewsRepo.decideDispute(conn, d.id, {
    decided_by: actor.id,
    decided_at: now,
    outcome: body.outcome,
    note: body.note,
    ratings: body.ratings ? JSON.stringify(body.ratings) : null,
    score_hundredths: score,
  });
  if (changed === 0) throw new HttpError(409, 'already_decided', 'this dispute has been decided');
  await reviewsRepo.updateReview(conn, r.id, {
    status: body.outcome,
    final_score_hundredths: score ?? r.final_score_hundredths,
    updated_at: now,
  });
  await record(
    conn,
    actor,
    'qa.dispute_decide',
    'qa_review',
    r.id,
    { status: r.status, finalScore: fromHundredths(r.final_score_hundredths) },
    {
      disputeId: d.id,
      outcome: body.outcome,
      note: body.note,
      ratings: body.ratings ?? null,
      finalScore: fromHundredths(score ?? r.final_score_hundredths),
    },
  );
  return presentOne(conn, actor, r.id);
}

/** Disputes the caller may see (agent in scope, or theirs as agent or reviewer), with whether they may decide each. */
export async function listDisputes(conn: Conn, actor: Actor, status: 'open' | 'decided' | 'all') {
  const rows = await reviewsRepo.listDisputes(conn, status === 'all' ? null : status === 'open');
  const scope = readScope(actor);
  const reviewer = can(actor, 'qa.review');
  return rows
    .map((d) => ({
      d,
      inScope: inScope(scope, { personId: d.agent_id, groupId: d.group_id, departmentId: d.department_id }),
    }))
    .filter(({ d, inScope: ok }) => ok || d.agent_id === actor.id || d.reviewer_id === actor.id)
    .map(({ d, inScope: ok }) => ({
      ...presentDispute(d),
      conversationId: d.conversation_id,
      reviewerId: d.reviewer_id,
      canDecide: reviewer && d.outcome === null && decideRefusal(actor, d, ok) === null,
    }));
}
