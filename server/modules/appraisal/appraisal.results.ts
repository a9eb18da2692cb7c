/**
 * Appraisal results (SPEC APR-4, APR-6): scoped reads with the "why", calibration with a reason,
 * acknowledgement and appeals, and red lines. Writes check the cycle's state through the domain
 * and are audited in the caller's transaction.
 */
import { inScope, readScope, type Actor, type Placement } from '../../../domain/access.ts';
import { assertWritable, calibrate, type CycleState } from '../../../domain/appraisal/index.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { forbidden, HttpError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import { rederive, type Snapshot } from './appraisal.compute.ts';
import {
  can,
  cycleOrThrow,
  guard,
  placementOf,
  requireResultVisible,
  resultVisible,
  writable,
} from './appraisal.guard.ts';
import * as repo from './appraisal.repository.ts';
import type { Appeal, RedLineCreate, RedLineOut, ResultOut } from './appraisal.schema.ts';

// ---- results ----

const placementOfResult = (r: repo.ResultRow): Placement => ({
  personId: r.person_id,
  groupId: r.group_id,
  departmentId: r.department_id,
});

/** The appraisee sees how many peers answered, never the answers (APR-8: no single answer can be read back). */
function withoutPeerAnswers(inputs: Snapshot['inputs']): Snapshot['inputs'] {
  if (!inputs.reviews) return inputs;
  return {
    ...inputs,
    reviews: { ...inputs.reviews, peers: [], peerRaters: inputs.reviews.peers?.length ?? 0 },
  };
}

function presentResult(r: repo.ResultRow, actor: Actor, names: Map<string, string>): ResultOut {
  const snap = JSON.parse(r.snapshot) as Snapshot;
  const a = snap.appraisal;
  const self = actor.id === r.person_id;
  const seePay = self || can(actor, 'pay.read');
  const seeProposals = !self && (can(actor, 'appraisal.calibrate') || can(actor, 'appraisal.manage'));
  return {
    cycleId: r.cycle_id,
    personId: r.person_id,
    personName: names.get(r.person_id) ?? r.person_id,
    groupId: r.group_id,
    total: a.total,
    grade: a.grade,
    finalTotal: a.final.total,
    finalGrade: a.final.grade,
    rank: r.rank,
    rankOf: Number(r.rank_of),
    calibration: a.calibration
      ? { total: a.calibration.total, reason: a.calibration.reason, by: a.calibration.by, at: a.calibration.at }
      : null,
    acknowledgedAt: r.acknowledged_at,
    appeal: r.appeal ? (JSON.parse(r.appeal) as Appeal) : null,
    appraisal: { ...a, inputs: self ? withoutPeerAnswers(snap.inputs) : snap.inputs, kpiAsOf: snap.kpiAsOf },
    bonus: seePay && r.bonus ? (JSON.parse(r.bonus) as unknown) : null,
    bonusCents: seePay ? r.bonus_cents : null,
    proposals: seeProposals ? (JSON.parse(r.proposals) as unknown[]) : [],
    computedAt: r.computed_at,
  };
}

/**
 * The results of a cycle the actor may see: own (agent), group (lead), department (supervisor),
 * all (HR, managers, admins). The appraised person's own row is left out until the cycle reaches
 * calibration, so an agent's list is empty before then (one result answers 403 not_released).
 */
export async function listResults(conn: Conn, actor: Actor, cycleId: string): Promise<ResultOut[]> {
  const c = await cycleOrThrow(conn, cycleId);
  const rows = (await repo.resultsOf(conn, cycleId)).filter((r) => resultVisible(actor, c.state, placementOfResult(r)));
  const names = new Map(
    (
      await repo.personNames(
        conn,
        rows.map((r) => r.person_id),
      )
    ).map((p) => [p.id, p.name]),
  );
  return rows.map((r) => presentResult(r, actor, names));
}

async function resultInScope(conn: Conn, actor: Actor, cycleId: string, personId: string): Promise<repo.ResultRow> {
  const r = await repo.findResult(conn, cycleId, personId);
  if (!r) throw notFound('appraisal result');
  if (!inScope(readScope(actor), placementOfResult(r))) throw forbidden('this result is outside your scope');
  return r;
}

/** One result with its "why"; 403 outside the actor's scope, 403 not_released to the agent before calibration. */
export async function getResult(conn: Conn, actor: Actor, cycleId: string, personId: string): Promise<ResultOut> {
  const c = await cycleOrThrow(conn, cycleId);
  const r = await repo.findResult(conn, cycleId, personId);
  if (!r) throw notFound('appraisal result');
  requireResultVisible(actor, c.state, placementOfResult(r));
  const names = new Map((await repo.personNames(conn, [personId])).map((p) => [p.id, p.name]));
  return presentResult(r, actor, names);
}

/** Adjusts a final total with a required reason (kept in the audit log and shown to the agent); ranks and bonuses follow. */
export async function calibrateResult(
  conn: Conn,
  actor: Actor,
  cycleId: string,
  personId: string,
  body: { total: number; reason: string },
): Promise<void> {
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'calibration');
  const row = await resultInScope(conn, actor, cycleId, personId);
  const snap = JSON.parse(row.snapshot) as Snapshot;
  const before = snap.appraisal.final;
  const calibrated = guard(() =>
    calibrate(snap.appraisal, { total: body.total, reason: body.reason, by: actor.id, at: nowIso() }),
  );
  await rederive(conn, c, (drafts) => {
    const d = drafts.find((x) => x.personId === personId);
    if (d) {
      d.snapshot = { ...d.snapshot, appraisal: calibrated };
      d.acknowledgedAt = null;
    }
  });
  await record(conn, actor, 'appraisal.calibrate', 'appraisal_result', `${cycleId}/${personId}`, before, {
    ...calibrated.final,
    reason: calibrated.calibration?.reason,
  });
}

function requireSelf(actor: Actor, personId: string, what: string): void {
  if (actor.id !== personId) throw forbidden(`only the appraised person may ${what}`);
}

/** The agent accepts their result. */
export async function acknowledge(conn: Conn, actor: Actor, cycleId: string, personId: string): Promise<void> {
  requireSelf(actor, personId, 'acknowledge their result');
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'acknowledgement');
  await resultInScope(conn, actor, cycleId, personId);
  const at = nowIso();
  await repo.updateResult(conn, cycleId, personId, { acknowledged_at: at });
  await record(conn, actor, 'appraisal.acknowledge', 'appraisal_result', `${cycleId}/${personId}`, null, {
    acknowledgedAt: at,
  });
}

/** The agent appeals with a reason; the cycle cannot be finalised until it is answered. */
export async function appeal(
  conn: Conn,
  actor: Actor,
  cycleId: string,
  personId: string,
  reason: string,
): Promise<void> {
  requireSelf(actor, personId, 'appeal their result');
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'appeal');
  const row = await resultInScope(conn, actor, cycleId, personId);
  if (Number(row.appeal_open) === 1)
    throw new HttpError(409, 'appeal_open', 'an appeal is already waiting for an answer');
  const value: Appeal = { reason, at: nowIso(), answer: null, answeredBy: null, answeredAt: null };
  await repo.updateResult(conn, cycleId, personId, {
    appeal: JSON.stringify(value),
    appeal_open: 1,
    acknowledged_at: null,
  });
  await record(
    conn,
    actor,
    'appraisal.appeal',
    'appraisal_result',
    `${cycleId}/${personId}`,
    row.appeal ? JSON.parse(row.appeal) : null,
    value,
  );
}

/** A supervisor (or above) answers an open appeal in their scope. */
export async function answerAppeal(
  conn: Conn,
  actor: Actor,
  cycleId: string,
  personId: string,
  answer: string,
): Promise<void> {
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'appeal');
  const row = await resultInScope(conn, actor, cycleId, personId);
  if (Number(row.appeal_open) !== 1 || !row.appeal)
    throw new HttpError(409, 'no_open_appeal', 'there is no open appeal to answer');
  if (actor.id === personId) throw forbidden('nobody answers their own appeal');
  const before = JSON.parse(row.appeal) as Appeal;
  const value: Appeal = { ...before, answer, answeredBy: actor.id, answeredAt: nowIso() };
  await repo.updateResult(conn, cycleId, personId, { appeal: JSON.stringify(value), appeal_open: 0 });
  await record(conn, actor, 'appraisal.appeal_answer', 'appraisal_result', `${cycleId}/${personId}`, before, value);
}

// ---- red lines ----

/**
 * Records a red-line violation (高压线) for a person in the actor's scope. Open cycles holding it
 * (tied to one, or whose period holds the date) get their bonuses and proposals re-derived at once.
 */
export async function recordRedLine(conn: Conn, actor: Actor, body: RedLineCreate): Promise<RedLineOut> {
  const person = await repo.findPerson(conn, body.personId);
  if (!person) throw notFound('person');
  if (!inScope(readScope(actor), placementOf(person))) throw forbidden('this person is outside your scope');
  let affected: repo.CycleRow[];
  if (body.cycleId) {
    const c = await cycleOrThrow(conn, body.cycleId);
    guard(() => assertWritable(c.state as CycleState));
    affected = c.state === 'reviewing' || c.state === 'calibration' ? [c] : [];
  } else {
    affected = await repo.openCyclesCovering(conn, body.onDate);
  }
  const row = {
    id: newId(),
    person_id: body.personId,
    cycle_id: body.cycleId ?? null,
    on_date: body.onDate,
    kind: body.kind,
    note: body.note ?? null,
    recorded_by: actor.id,
    created_at: nowIso(),
  };
  await repo.insertRedLine(conn, row);
  for (const c of affected) await rederive(conn, c);
  await record(conn, actor, 'appraisal.red_line', 'person', body.personId, null, row);
  return {
    id: row.id,
    personId: row.person_id,
    kind: body.kind,
    onDate: row.on_date,
    note: row.note,
    cycleId: row.cycle_id,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
  };
}
