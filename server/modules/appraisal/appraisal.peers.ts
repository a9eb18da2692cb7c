/**
 * Peer/360 reviews (SPEC APR-3, APR-8): a supervisor picks the reviewers of an agent in their
 * scope; only those reviewers may submit, one score each; the score counts once enough of them
 * answered (peerReviewScore's minimum). Lists show who answered, never what.
 */
import { inScope, readScope, type Actor } from '../../../domain/access.ts';
import { WRITABLE_IN, type CycleState } from '../../../domain/appraisal/index.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { badRequest, conflict, forbidden, type ErrorDetail } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import { optionsOf } from './appraisal.cycles.ts';
import { agentOfCycle, cycleOrThrow, placementOf, requireInScope, writable } from './appraisal.guard.ts';
import * as repo from './appraisal.repository.ts';
import * as reviewsRepo from './appraisal.reviews.repository.ts';
import type { PeerAssignmentOut, PeerReviewersSet, PeerReviewSubmit, PendingPeerReview } from './appraisal.schema.ts';

async function assignments(conn: Conn, cycle: repo.CycleRow, personIds: string[]): Promise<PeerAssignmentOut[]> {
  const rows = (await reviewsRepo.peerReviewersOf(conn, cycle.id)).filter((r) => personIds.includes(r.person_id));
  const answered = new Set(
    (await repo.reviewsOf(conn, cycle.id))
      .filter((r) => r.kind === 'peer360')
      .map((r) => `${r.person_id}/${r.reviewer_id}`),
  );
  const names = new Map(
    (await repo.personNames(conn, [...new Set([...personIds, ...rows.map((r) => r.reviewer_id)])])).map((p) => [
      p.id,
      p.name,
    ]),
  );
  const minRaters = optionsOf(cycle).minPeerRaters;
  return personIds.map((personId) => {
    const reviewers = rows
      .filter((r) => r.person_id === personId)
      .map((r) => ({
        reviewerId: r.reviewer_id,
        name: names.get(r.reviewer_id) ?? r.reviewer_id,
        submitted: answered.has(`${personId}/${r.reviewer_id}`),
      }));
    return {
      personId,
      personName: names.get(personId) ?? personId,
      reviewers,
      submitted: reviewers.filter((r) => r.submitted).length,
      minRaters,
    };
  });
}

/** Every agent of the cycle in the actor's scope with their peer reviewers and who has answered. */
export async function listPeerAssignments(conn: Conn, actor: Actor, cycleId: string): Promise<PeerAssignmentOut[]> {
  const c = await cycleOrThrow(conn, cycleId);
  const scope = readScope(actor);
  const agents = (await repo.agentsInScope(conn, JSON.parse(c.scope), c.period_from)).filter((a) =>
    inScope(scope, placementOf(a)),
  );
  return assignments(
    conn,
    c,
    agents.map((a) => a.id),
  );
}

/**
 * Sets the peer reviewers of one agent (replacing the list). Reviewers must be people on the
 * roster who have not left, not the agent; someone who already answered cannot be taken off.
 */
export async function setPeerReviewers(
  conn: Conn,
  actor: Actor,
  cycleId: string,
  personId: string,
  body: PeerReviewersSet,
): Promise<PeerAssignmentOut> {
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'peer_reviewers');
  const agent = await agentOfCycle(conn, c, personId);
  requireInScope(actor, placementOf(agent), 'nobody picks their own peer reviewers');
  const people = new Map((await reviewsRepo.findPeople(conn, body.reviewerIds)).map((p) => [p.id, p]));
  const problems: ErrorDetail[] = [];
  body.reviewerIds.forEach((id, i) => {
    const p = people.get(id);
    const field = `reviewerIds.${i}`;
    if (!p) problems.push({ field, message: `unknown person ${id}` });
    else if (id === personId) problems.push({ field, message: 'nobody reviews themself' });
    else if (p.status === 'left') problems.push({ field, message: `${p.name} has left` });
  });
  if (problems.length) throw badRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);

  const current = (await reviewsRepo.peerReviewersOf(conn, cycleId))
    .filter((r) => r.person_id === personId)
    .map((r) => r.reviewer_id);
  const answered = new Set(
    (await repo.reviewsOf(conn, cycleId))
      .filter((r) => r.kind === 'peer360' && r.person_id === personId)
      .map((r) => r.reviewer_id),
  );
  const removed = current.filter((id) => !body.reviewerIds.includes(id));
  const locked = removed.filter((id) => answered.has(id));
  if (locked.length) {
    throw conflict(
      'a reviewer who has already answered cannot be taken off',
      locked.map((id) => ({ field: 'reviewerIds', message: `${id} has already submitted a peer review` })),
    );
  }
  const now = nowIso();
  await reviewsRepo.deletePeerReviewers(conn, cycleId, personId, removed);
  await reviewsRepo.insertPeerReviewers(
    conn,
    body.reviewerIds
      .filter((id) => !current.includes(id))
      .map((reviewer_id) => ({
        cycle_id: cycleId,
        person_id: personId,
        reviewer_id,
        assigned_by: actor.id,
        created_at: now,
      })),
  );
  await record(
    conn,
    actor,
    'appraisal.peer_reviewers',
    'appraisal_result',
    `${cycleId}/${personId}`,
    { reviewerIds: current },
    { reviewerIds: body.reviewerIds },
  );
  return (await assignments(conn, c, [personId]))[0];
}

/** The peer reviews the actor was asked for and has not submitted, in cycles that still take reviews. */
export async function myPendingPeerReviews(conn: Conn, actor: Actor): Promise<PendingPeerReview[]> {
  const rows = await reviewsRepo.pendingPeerReviews(conn, actor.id, WRITABLE_IN.reviews);
  return rows.map((r) => ({
    cycleId: r.cycle_id,
    cycleName: r.cycle_name,
    cycleState: r.state as CycleState,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    personId: r.person_id,
    personName: r.person_name,
    assignedAt: r.created_at,
  }));
}

/** A peer review by a picked reviewer (403 for anyone else); answering again replaces the answer. */
export async function submitPeerReview(
  conn: Conn,
  actor: Actor,
  cycleId: string,
  body: PeerReviewSubmit,
): Promise<void> {
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'reviews');
  await agentOfCycle(conn, c, body.personId);
  const picked = (await reviewsRepo.peerReviewersOf(conn, cycleId)).some(
    (r) => r.person_id === body.personId && r.reviewer_id === actor.id,
  );
  if (!picked) throw forbidden('only the peer reviewers the supervisor picked may review this person');
  const key = { cycle_id: cycleId, person_id: body.personId, kind: 'peer360', reviewer_id: actor.id, item_id: '' };
  await repo.deleteReview(conn, key);
  await repo.insertReview(conn, {
    ...key,
    id: newId(),
    value: body.value,
    comment: body.comment ?? null,
    created_at: nowIso(),
  });
  await record(conn, actor, 'appraisal.review_peer360', 'appraisal_cycle', cycleId, null, body);
}
