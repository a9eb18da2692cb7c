/**
 * What stands behind results, read back (SPEC APR-4): the appeal inbox across cycles for
 * calibrators, a person's hand-entered values (who entered what, when) and a result's
 * calibration and appeal history from the audit log. The values and the history are scoped like
 * the result itself: the reader's scope, and for the appraised person only once it is released.
 */
import type { Actor } from '../../../domain/access.ts';
import { GRADES, type CycleState, type Grade } from '../../../domain/appraisal/index.ts';
import type { Conn } from '../../db/types.ts';
import { notFound } from '../../lib/errors.ts';
import { agentOfCycle, cycleOrThrow, placementOf, requireResultVisible, resultVisible } from './appraisal.guard.ts';
import * as repo from './appraisal.repository.ts';
import type { Appeal, AppealItem, ResultEvent, ValueOut } from './appraisal.schema.ts';

const fromHundredths = (x: number | null) => (x === null ? null : Number(x) / 100);

/** The appeals of the results in the actor's scope across cycles, newest period first (open, answered or both). */
export async function listAppeals(conn: Conn, actor: Actor, status?: 'open' | 'answered'): Promise<AppealItem[]> {
  const rows = (await repo.appealsOf(conn, status)).filter((r) =>
    resultVisible(actor, r.cycle_state, { personId: r.person_id, groupId: r.group_id, departmentId: r.department_id }),
  );
  const answerers = [
    ...new Set(rows.map((r) => (JSON.parse(r.appeal!) as Appeal).answeredBy).filter((x): x is string => !!x)),
  ];
  const names = new Map((await repo.personNames(conn, answerers)).map((p) => [p.id, p.name]));
  return rows.map((r) => {
    const appeal = JSON.parse(r.appeal!) as Appeal;
    const finalTotal = fromHundredths(r.final_total_hundredths);
    return {
      cycleId: r.cycle_id,
      cycleName: r.cycle_name,
      cycleState: r.cycle_state as CycleState,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      personId: r.person_id,
      personName: r.person_name,
      groupId: r.group_id,
      total: fromHundredths(r.total_hundredths),
      finalTotal,
      finalGrade: r.final_grade as Grade | null,
      calibration:
        r.calibrated_by && r.calibrated_at && finalTotal !== null
          ? { total: finalTotal, reason: r.calibration_reason ?? '', by: r.calibrated_by, at: r.calibrated_at }
          : null,
      appeal,
      answeredByName: appeal.answeredBy ? (names.get(appeal.answeredBy) ?? null) : null,
    };
  });
}

/** A person of the cycle whose result the actor may see (403 otherwise; 400 when the cycle does not appraise them). */
async function visiblePerson(conn: Conn, actor: Actor, cycleId: string, personId: string) {
  const c = await cycleOrThrow(conn, cycleId);
  const result = await repo.findResult(conn, cycleId, personId);
  const placement = result
    ? { personId, groupId: result.group_id, departmentId: result.department_id }
    : placementOf(await agentOfCycle(conn, c, personId));
  requireResultVisible(actor, c.state, placement);
  return { cycle: c, result };
}

/** The hand-entered values of a person in a cycle, with who entered each and when. */
export async function listValues(conn: Conn, actor: Actor, cycleId: string, personId: string): Promise<ValueOut[]> {
  await visiblePerson(conn, actor, cycleId, personId);
  return (await repo.manualValuesOf(conn, cycleId, personId)).map((v) => ({
    itemId: v.item_id,
    value: Number(v.value),
    comment: v.comment,
    enteredBy: v.reviewer_id || null,
    enteredByName: v.reviewer_name ?? null,
    enteredAt: v.created_at,
  }));
}

/** Audit actions that make a result's calibration and appeal history (never the peer reviewers or interview notes). */
const EVENT_OF: Readonly<Record<string, ResultEvent['kind']>> = {
  'appraisal.calibrate': 'calibrated',
  'appraisal.appeal': 'appealed',
  'appraisal.appeal_answer': 'answered',
  'appraisal.acknowledge': 'acknowledged',
};

type Json = Record<string, unknown> | null;
const num = (x: unknown) => (typeof x === 'number' ? x : null);
const grade = (x: unknown) => (GRADES.includes(x as Grade) ? (x as Grade) : null);
const text = (x: unknown) => (typeof x === 'string' ? x : null);

function presentEvent(row: Awaited<ReturnType<typeof repo.auditTrail>>[number]): ResultEvent {
  const kind = EVENT_OF[row.action];
  const before = (row.before ? JSON.parse(row.before) : null) as Json;
  const after = (row.after ? JSON.parse(row.after) : null) as Json;
  const calibrated = kind === 'calibrated';
  return {
    id: row.id,
    at: row.at,
    kind,
    actorId: row.actor_id,
    actorName: row.actor_name ?? null,
    fromTotal: calibrated ? num(before?.total) : null,
    fromGrade: calibrated ? grade(before?.grade) : null,
    total: calibrated ? num(after?.total) : null,
    grade: calibrated ? grade(after?.grade) : null,
    text:
      kind === 'calibrated' || kind === 'appealed'
        ? text(after?.reason)
        : kind === 'answered'
          ? text(after?.answer)
          : null,
  };
}

/** Every calibration, appeal, answer and acknowledgement of a result, oldest first (404 when there is no result). */
export async function resultHistory(
  conn: Conn,
  actor: Actor,
  cycleId: string,
  personId: string,
): Promise<ResultEvent[]> {
  const { result } = await visiblePerson(conn, actor, cycleId, personId);
  if (!result) throw notFound('appraisal result');
  const rows = await repo.auditTrail(conn, 'appraisal_result', `${cycleId}/${personId}`, Object.keys(EVENT_OF));
  return rows.map(presentEvent);
}
