/**
 * Improvement actions of the weekly QA report (SPEC QA-6): a QA manager raises one on a flagged
 * complaint category with an owner and a due date, edits it while open, and closes it with
 * its outcome. An action tracks the complaints of its creator's scope; only QA managers whose
 * scope covers it may change it. Every write is audited and runs in the caller's transaction.
 */
import { inScope, readScope, type Actor } from '../../../domain/access.ts';
import { isoWeekRange } from '../../../domain/qa/weekly.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import { placementOf } from './qa.guard.ts';
import * as qaRepo from './qa.repository.ts';
import { actionScopeOf, coversAction } from './qa.weekly.complaints.ts';
import * as repo from './qa.weekly.repository.ts';
import type { ActionClose, ActionCreate, ActionOut, ActionUpdate } from './qa.weekly.schema.ts';
import { actionVisible, presentAction } from './qa.weekly.service.ts';

const ENTITY = 'qa_improvement_action';

async function departmentsOfGroups(conn: Conn) {
  return new Map((await repo.allGroups(conn)).map((g) => [g.id, g.department_id]));
}

/** The owner must be someone still here, inside the caller's scope. */
async function checkOwner(conn: Conn, actor: Actor, ownerId: string) {
  const owner = await qaRepo.findPerson(conn, ownerId);
  if (!owner || owner.status === 'left') {
    throw badRequest('the owner is not someone on the roster', [{ field: 'ownerId', message: 'unknown or left' }]);
  }
  if (!inScope(readScope(actor), placementOf(owner))) {
    throw badRequest('the owner is outside your scope', [{ field: 'ownerId', message: 'outside your scope' }]);
  }
}

/** The due date may not be before the flagged week's Monday. */
function checkDue(week: string, dueDate: string) {
  if (dueDate < isoWeekRange(week)!.from) {
    throw badRequest('the due date is before the flagged week', [{ field: 'dueDate', message: 'before the week' }]);
  }
}

/** The action, if the caller may change it (QA manager whose scope covers it), else 404 / 403. */
async function changeable(conn: Conn, actor: Actor, id: string): Promise<ActionOut> {
  const row = await repo.findAction(conn, id);
  if (!row) throw notFound('improvement action');
  const a = presentAction(row);
  if (!coversAction(readScope(actor), a.scope, await departmentsOfGroups(conn))) {
    throw forbidden('this improvement action is outside your scope');
  }
  return a;
}

/** Improvement actions the caller may see (covered by their scope, or theirs as owner or creator). */
export async function listActions(conn: Conn, actor: Actor, status: 'open' | 'done' | 'all'): Promise<ActionOut[]> {
  const scope = readScope(actor);
  const departments = await departmentsOfGroups(conn);
  return (await repo.listActions(conn, null))
    .map(presentAction)
    .filter((a) => status === 'all' || a.status === status)
    .filter((a) => actionVisible(actor, scope, a, departments));
}

/** Raises an improvement action on a complaint category of a week, tracking the caller's scope. */
export async function createAction(conn: Conn, actor: Actor, body: ActionCreate): Promise<ActionOut> {
  const scope = actionScopeOf(readScope(actor));
  if (!scope) throw forbidden('your scope covers no complaints to track');
  await checkOwner(conn, actor, body.ownerId);
  checkDue(body.week, body.dueDate);
  const id = newId();
  const now = nowIso();
  await repo.insertAction(conn, {
    id,
    category: body.category,
    week: body.week,
    scope: JSON.stringify(scope),
    description: body.description,
    owner_id: body.ownerId,
    due_date: body.dueDate,
    status: 'open',
    outcome: null,
    created_by: actor.id,
    created_at: now,
    updated_at: now,
    closed_by: null,
    closed_at: null,
  });
  const out = presentAction((await repo.findAction(conn, id))!);
  await record(conn, actor, 'qa.action_create', ENTITY, id, null, out);
  return out;
}

/** Changes an open action's description, owner or due date. */
export async function updateAction(conn: Conn, actor: Actor, id: string, body: ActionUpdate): Promise<ActionOut> {
  const before = await changeable(conn, actor, id);
  if (before.status !== 'open') throw new HttpError(409, 'action_closed', 'this improvement action is closed');
  if (body.ownerId !== undefined) await checkOwner(conn, actor, body.ownerId);
  if (body.dueDate !== undefined) checkDue(before.week, body.dueDate);
  await repo.updateAction(conn, id, {
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.ownerId !== undefined ? { owner_id: body.ownerId } : {}),
    ...(body.dueDate !== undefined ? { due_date: body.dueDate } : {}),
    updated_at: nowIso(),
  });
  const after = presentAction((await repo.findAction(conn, id))!);
  await record(conn, actor, 'qa.action_update', ENTITY, id, before, after);
  return after;
}

/** Closes an open action (status done) with its outcome. */
export async function closeAction(conn: Conn, actor: Actor, id: string, body: ActionClose): Promise<ActionOut> {
  const before = await changeable(conn, actor, id);
  const now = nowIso();
  const changed = await repo.closeAction(conn, id, {
    status: 'done',
    outcome: body.outcome || null,
    closed_by: actor.id,
    closed_at: now,
    updated_at: now,
  });
  if (changed === 0) throw new HttpError(409, 'action_closed', 'this improvement action is closed');
  const after = presentAction((await repo.findAction(conn, id))!);
  await record(conn, actor, 'qa.action_close', ENTITY, id, before, after);
  return after;
}
