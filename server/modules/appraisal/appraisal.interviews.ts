/**
 * Performance-interview notes (绩效面谈, SPEC APR-3): a lead or supervisor records, per agent per
 * cycle, when the talk was held, what was said and the actions agreed; the agent reads their own.
 * Recording again replaces the note; the audit log keeps every version.
 */
import { inScope, readScope, type Actor } from '../../../domain/access.ts';
import type { Conn } from '../../db/types.ts';
import { isCalendarDate, nowIso } from '../../lib/dates.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import { agentOfCycle, cycleOrThrow, placementOf, requireInScope, writable } from './appraisal.guard.ts';
import * as repo from './appraisal.repository.ts';
import * as reviewsRepo from './appraisal.reviews.repository.ts';
import type { InterviewOut, InterviewPut } from './appraisal.schema.ts';

/** `names` holds the agents' and the recorders' names. */
function present(r: reviewsRepo.InterviewRow, names: Map<string, string>): InterviewOut {
  return {
    cycleId: r.cycle_id,
    personId: r.person_id,
    personName: names.get(r.person_id) ?? r.person_id,
    heldOn: r.held_on,
    summary: r.summary,
    actions: JSON.parse(r.actions) as string[],
    recordedBy: r.recorded_by,
    recordedByName: r.recorded_by ? (names.get(r.recorded_by) ?? null) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function namesOf(conn: Conn, agents: { id: string; name: string }[], rows: reviewsRepo.InterviewRow[]) {
  const recorders = [...new Set(rows.map((r) => r.recorded_by).filter((x): x is string => x !== null))];
  return new Map([
    ...agents.map((a) => [a.id, a.name] as const),
    ...(await repo.personNames(conn, recorders)).map((p) => [p.id, p.name] as const),
  ]);
}

/** The notes of a cycle the actor may read: their own (agents), their group's, department's or all. */
export async function listInterviews(conn: Conn, actor: Actor, cycleId: string): Promise<InterviewOut[]> {
  const c = await cycleOrThrow(conn, cycleId);
  const scope = readScope(actor);
  const agents = new Map((await repo.agentsInScope(conn, JSON.parse(c.scope), c.period_from)).map((a) => [a.id, a]));
  const rows = (await reviewsRepo.interviewsOf(conn, cycleId)).filter((r) => {
    const a = agents.get(r.person_id);
    return a !== undefined && inScope(scope, placementOf(a));
  });
  const names = await namesOf(conn, [...agents.values()], rows);
  return rows.map((r) => present(r, names));
}

/** One agent's note; 403 outside the actor's scope, 404 when none was recorded. */
export async function getInterview(conn: Conn, actor: Actor, cycleId: string, personId: string): Promise<InterviewOut> {
  const c = await cycleOrThrow(conn, cycleId);
  const agent = await agentOfCycle(conn, c, personId);
  requireInScope(actor, placementOf(agent));
  const row = await reviewsRepo.findInterview(conn, cycleId, personId);
  if (!row) throw notFound('performance-interview note');
  return present(row, await namesOf(conn, [agent], [row]));
}

/** Records (or replaces) the note of an agent in the actor's scope; never one's own. */
export async function putInterview(
  conn: Conn,
  actor: Actor,
  cycleId: string,
  personId: string,
  body: InterviewPut,
): Promise<InterviewOut> {
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'interview_notes');
  const agent = await agentOfCycle(conn, c, personId);
  requireInScope(actor, placementOf(agent), 'nobody records their own performance interview');
  if (!isCalendarDate(body.heldOn))
    throw badRequest(`heldOn: ${body.heldOn} is not a calendar date`, [
      { field: 'heldOn', message: 'not a real date' },
    ]);
  const before = await reviewsRepo.findInterview(conn, cycleId, personId);
  const now = nowIso();
  const fields = {
    held_on: body.heldOn,
    summary: body.summary,
    actions: JSON.stringify(body.actions),
    recorded_by: actor.id,
    updated_at: now,
  };
  if (before) await reviewsRepo.updateInterview(conn, before.id, fields);
  else
    await reviewsRepo.insertInterview(conn, {
      id: newId(),
      cycle_id: cycleId,
      person_id: personId,
      created_at: now,
      ...fields,
    });
  const after = (await reviewsRepo.findInterview(conn, cycleId, personId))!;
  const names = await namesOf(conn, [agent], before ? [before, after] : [after]);
  await record(
    conn,
    actor,
    'appraisal.interview',
    'appraisal_result',
    `${cycleId}/${personId}`,
    before ? present(before, names) : null,
    present(after, names),
  );
  return present(after, names);
}
