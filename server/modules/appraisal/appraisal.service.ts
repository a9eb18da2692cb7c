/**
 * Appraisal schemes, cycles, reviews and results (SPEC APR-1..APR-7). Every write checks the
 * cycle's state through the domain (`assertCanWrite`: a finalised cycle refuses everything with
 * 409 cycle_locked), the caller's scope, and is audited in the same transaction. This file holds
 * the review forms and hand-entered values and gathers the feature's services for the routes.
 */
import { inScope, readScope, type Actor } from '../../../domain/access.ts';
import { unitOf } from '../../../domain/appraisal/index.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { badRequest, forbidden } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import { EXTRA_ITEMS } from './appraisal.compute.ts';
import { agentOfCycle, can, cycleOrThrow, placementOf, writable } from './appraisal.guard.ts';
import * as repo from './appraisal.repository.ts';
import type { ReviewSubmit, ValueSubmit } from './appraisal.schema.ts';
import { schemeOf } from './appraisal.schemes.ts';

export * from './appraisal.schemes.ts';
export * from './appraisal.cycles.ts';
export * from './appraisal.results.ts';
export * from './appraisal.peers.ts';
export * from './appraisal.survey.ts';
export * from './appraisal.interviews.ts';
export * from './appraisal.proposals.ts';
export * from './appraisal.history.ts';

/** A self-review (the agent, own only) or a supervisor review (a lead or supervisor with the person in scope). */
export async function submitReview(conn: Conn, actor: Actor, cycleId: string, body: ReviewSubmit): Promise<void> {
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'reviews');
  const agent = await agentOfCycle(conn, c, body.personId);
  if (body.kind === 'self' && actor.id !== body.personId)
    throw forbidden('a self-review is written by the person themself');
  if (body.kind === 'supervisor') {
    if (!can(actor, 'appraisal.review')) throw forbidden('needs permission appraisal.review');
    if (actor.id === body.personId || !inScope(readScope(actor), placementOf(agent)))
      throw forbidden('this person is outside your scope');
  }
  const key = { cycle_id: cycleId, person_id: body.personId, kind: body.kind, reviewer_id: actor.id, item_id: '' };
  await repo.deleteReview(conn, key);
  await repo.insertReview(conn, {
    ...key,
    id: newId(),
    value: body.value,
    comment: body.comment ?? null,
    created_at: nowIso(),
  });
  await record(conn, actor, `appraisal.review_${body.kind}`, 'appraisal_cycle', cycleId, null, body);
}

/**
 * A hand-entered value for a review indicator of the scheme, in its own unit, or one of the
 * items outside the scheme (EXTRA_ITEMS: adopted suggestions, AOV uplift, repeat-purchase guidance).
 */
export async function submitValue(conn: Conn, actor: Actor, cycleId: string, body: ValueSubmit): Promise<void> {
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'values');
  const agent = await agentOfCycle(conn, c, body.personId);
  if (!inScope(readScope(actor), placementOf(agent))) throw forbidden('this person is outside your scope');
  const ind = (await schemeOf(conn, c)).sections.flatMap((s) => s.indicators).find((i) => i.id === body.itemId);
  if (EXTRA_ITEMS[body.itemId] === 'count' && !Number.isInteger(body.value)) {
    throw badRequest(`${body.itemId} is a whole count`, [{ field: 'value', message: 'a whole number' }]);
  } else if (!EXTRA_ITEMS[body.itemId]) {
    if (!ind || ind.kind !== 'review') {
      throw badRequest(`${body.itemId} is not a hand-entered indicator of this scheme`, [
        { field: 'itemId', message: 'unknown or computed indicator' },
      ]);
    }
    if (unitOf(ind) === 'ratio' && body.value > 1) {
      throw badRequest('rates are fractions: 0.9 for 90 %', [
        { field: 'value', message: 'a rate must be between 0 and 1' },
      ]);
    }
  }
  const before = (await repo.reviewsOf(conn, cycleId)).find(
    (r) => r.person_id === body.personId && r.kind === 'manual' && r.item_id === body.itemId,
  );
  await repo.deleteReview(conn, { cycle_id: cycleId, person_id: body.personId, kind: 'manual', item_id: body.itemId });
  await repo.insertReview(conn, {
    id: newId(),
    cycle_id: cycleId,
    person_id: body.personId,
    kind: 'manual',
    reviewer_id: actor.id,
    item_id: body.itemId,
    value: body.value,
    comment: body.comment ?? null,
    created_at: nowIso(),
  });
  await record(
    conn,
    actor,
    'appraisal.value',
    'appraisal_cycle',
    cycleId,
    before ? { value: before.value } : null,
    body,
  );
}
