/** The checks every appraisal write shares: permission, the cycle's state (via the domain) and scope placement. */
import { inScope, readScope, type Actor, type Placement } from '../../../domain/access.ts';
import {
  assertCanWrite,
  CalibrationError,
  CycleLockedError,
  CycleStateError,
  resultReleased,
  type CycleState,
  type CycleWrite,
} from '../../../domain/appraisal/index.ts';
import type { Role } from '../../../domain/org.ts';
import type { Conn } from '../../db/types.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../lib/errors.ts';
import { permissionsOf } from '../auth/auth.service.ts';
import type { Permission } from '../auth/auth.schema.ts';
import * as repo from './appraisal.repository.ts';

/** Whether the actor's role carries the permission. */
export const can = (actor: Actor, p: Permission) => permissionsOf(actor.role as Role).includes(p);

/** Runs a domain check and turns its typed errors into API errors (409 cycle_locked, 409 not_ready…). */
export function guard<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof CycleLockedError) throw new HttpError(409, 'cycle_locked', e.message);
    if (e instanceof CycleStateError) {
      throw new HttpError(
        409,
        e.code,
        e.message,
        e.missing.length ? e.missing.map((m) => ({ field: m.code, message: `${m.zh} / ${m.en}` })) : undefined,
      );
    }
    if (e instanceof CalibrationError)
      throw new HttpError(e.code === 'provisional' || e.code === 'nothing_to_calibrate' ? 409 : 400, e.code, e.message);
    throw e;
  }
}

/** Refuses a write the cycle's state does not allow (409 cycle_locked once finalised). */
export const writable = (state: string, write: CycleWrite) => guard(() => assertCanWrite(state as CycleState, write));
export async function cycleOrThrow(conn: Conn, id: string): Promise<repo.CycleRow> {
  const c = await repo.findCycle(conn, id);
  if (!c) throw notFound('appraisal cycle');
  return c;
}

/** A person row as the access policy places it. */
export const placementOf = (p: { id: string; group_id: string | null; department_id: string | null }): Placement => ({
  personId: p.id,
  groupId: p.group_id,
  departmentId: p.department_id,
});

/** The cycle's agent with this id (400 naming `personId` when the cycle does not appraise them). */
export async function agentOfCycle(conn: Conn, cycle: repo.CycleRow, personId: string, field = 'personId') {
  const agent = (await repo.agentsInScope(conn, JSON.parse(cycle.scope), cycle.period_from)).find(
    (a) => a.id === personId,
  );
  if (!agent) throw badRequest('this person is not appraised in this cycle', [{ field, message: 'not in the cycle' }]);
  return agent;
}

/** Refuses unless the person is in the actor's read scope (and is not the actor, when `notSelf` says why). */
export function requireInScope(actor: Actor, person: Placement, notSelf?: string): void {
  if (notSelf && actor.id === person.personId) throw forbidden(notSelf);
  if (!inScope(readScope(actor), person)) throw forbidden('this person is outside your scope');
}

/**
 * Whether the actor may see a result (and the values and history behind it) in a cycle in
 * `state`: in their read scope, and — for the appraised person themself — once it is released
 * (calibration on; RESULT_RELEASED_IN).
 */
export function resultVisible(actor: Actor, state: string, person: Placement): boolean {
  if (!inScope(readScope(actor), person)) return false;
  return actor.id !== person.personId || resultReleased(state as CycleState);
}

/** 403 outside the actor's scope; 403 `not_released` for the appraised person before calibration. */
export function requireResultVisible(actor: Actor, state: string, person: Placement): void {
  if (!inScope(readScope(actor), person)) throw forbidden('this result is outside your scope');
  if (!resultVisible(actor, state, person))
    throw new HttpError(403, 'not_released', 'your result is shown to you once the cycle reaches calibration');
}
