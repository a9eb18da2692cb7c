/**
 * Consequence proposals (SPEC APR-6, APR-7) as decisions to make: kept in `appraisal_proposals`
 * whenever results are computed (an open proposal follows the latest result; a decided one
 * stands), listed per cycle, and confirmed or rejected by a supervisor in scope. Confirming a
 * star demotion or promotion changes the person's level through the people module, appended to
 * their employment history; confirming an improvement plan records the mentor and the
 * re-appraisal date. A cycle is not finalised while a proposal is undecided. The red-line
 * demotion is held for confirmation too (the domain marks it as due at once): the void bonus
 * applies immediately, the level change is made by a named supervisor and recorded.
 */
import { canWritePerson, inScope, readScope, type Actor } from '../../../domain/access.ts';
import type { Proposal, Standing } from '../../../domain/appraisal/index.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso, todayIn } from '../../lib/dates.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import * as peopleRepo from '../people/people.repository.ts';
import { applyState, type PersonState } from '../people/people.service.ts';
import { getSettings } from '../settings/settings.service.ts';
import { can, cycleOrThrow, requireInScope, writable } from './appraisal.guard.ts';
import * as repo from './appraisal.repository.ts';
import * as reviewsRepo from './appraisal.reviews.repository.ts';
import type { ProposalDecision, ProposalOut } from './appraisal.schema.ts';

const keyOf = (personId: string, kind: string) => `${personId}\u0000${kind}`;

/** Keeps the stored proposals in step with freshly derived ones: new ones open, open ones follow, decided ones stand. */
export async function syncProposals(conn: Conn, cycleId: string, byPerson: Map<string, Proposal[]>): Promise<void> {
  const existing = new Map((await reviewsRepo.proposalsOf(conn, cycleId)).map((r) => [keyOf(r.person_id, r.kind), r]));
  const seen = new Set<string>();
  const now = nowIso();
  const inserts = [];
  for (const [personId, proposals] of byPerson) {
    for (const p of proposals) {
      const key = keyOf(personId, p.kind);
      seen.add(key);
      const json = JSON.stringify(p);
      const row = existing.get(key);
      if (!row) {
        inserts.push({
          id: newId(),
          cycle_id: cycleId,
          person_id: personId,
          kind: p.kind,
          proposal: json,
          status: 'open',
          decided_by: null,
          decided_at: null,
          decision_reason: null,
          mentor_id: null,
          reappraise_on: null,
          applied: null,
          created_at: now,
          updated_at: now,
        });
      } else if (row.status === 'open' && row.proposal !== json) {
        await reviewsRepo.updateProposal(conn, row.id, { proposal: json, updated_at: now });
      }
    }
  }
  await reviewsRepo.insertProposals(conn, inserts);
  await reviewsRepo.deleteProposals(
    conn,
    [...existing.entries()].filter(([k, r]) => r.status === 'open' && !seen.has(k)).map(([, r]) => r.id),
  );
}

function present(r: reviewsRepo.ProposalRow, names: Map<string, string>): ProposalOut {
  const proposal = JSON.parse(r.proposal) as Proposal;
  return {
    id: r.id,
    cycleId: r.cycle_id,
    personId: r.person_id,
    personName: names.get(r.person_id) ?? r.person_id,
    kind: r.kind,
    proposal,
    reason: proposal.reason,
    status: r.status as ProposalOut['status'],
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
    mentorId: r.mentor_id,
    reappraiseOn: r.reappraise_on,
    applied: r.applied ? (JSON.parse(r.applied) as unknown) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function requireDecider(actor: Actor): void {
  if (!can(actor, 'appraisal.calibrate') && !can(actor, 'appraisal.manage'))
    throw forbidden('consequence proposals are for supervisors, managers and HR');
}

/** The placement of an appraised person as the cycle's results hold it. */
async function placementIn(conn: Conn, cycleId: string, personId: string) {
  const r = await repo.findResult(conn, cycleId, personId);
  return { personId, groupId: r?.group_id ?? null, departmentId: r?.department_id ?? null };
}

/** The proposals of a cycle for the people in the actor's scope (supervisors, managers, HR, admins). */
export async function listProposals(conn: Conn, actor: Actor, cycleId: string): Promise<ProposalOut[]> {
  requireDecider(actor);
  await cycleOrThrow(conn, cycleId);
  const scope = readScope(actor);
  const results = new Map((await repo.resultsOf(conn, cycleId)).map((r) => [r.person_id, r]));
  const rows = (await reviewsRepo.proposalsOf(conn, cycleId)).filter((p) => {
    const r = results.get(p.person_id);
    return inScope(scope, {
      personId: p.person_id,
      groupId: r?.group_id ?? null,
      departmentId: r?.department_id ?? null,
    });
  });
  const names = new Map(
    (await repo.personNames(conn, [...new Set(rows.map((r) => r.person_id))])).map((p) => [p.id, p.name]),
  );
  return rows.map((r) => present(r, names));
}

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Changes a person's level as a confirmed proposal says, through the people module (a
 * `level_changed` history entry dated today, or the day after the period if that is later).
 * 409 when the level is no longer the one the proposal started from.
 */
async function applyStanding(
  conn: Conn,
  actor: Actor,
  cycle: repo.CycleRow,
  personId: string,
  from: Standing,
  to: Standing,
  note: string,
) {
  const row = await peopleRepo.findById(conn, personId);
  if (!row) throw notFound('person');
  if (!canWritePerson(actor, { personId, groupId: row.group_id, departmentId: row.department_id }))
    throw forbidden('you may not change this person’s level');
  if (row.level !== from.level || (row.star ?? null) !== (from.star ?? null)) {
    const now = row.level === 'star' ? `star ${row.star}` : row.level;
    throw new HttpError(409, 'standing_changed', `the person is now ${now}, not what the proposal started from`);
  }
  const state: PersonState = {
    login: row.login,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role as PersonState['role'],
    level: to.level,
    star: to.level === 'star' ? to.star : null,
    departmentId: row.department_id,
    groupId: row.group_id,
    leadId: row.lead_id,
    mentorId: row.mentor_id,
    shopIds: (await peopleRepo.shopIdsOf(conn, [personId])).get(personId) ?? [],
    hireDate: row.hire_date,
    status: row.status as PersonState['status'],
    statusSince: row.status_since,
  };
  const today = todayIn((await getSettings(conn)).timezone);
  const effectiveDate = [today, dayAfter(cycle.period_to)].sort()[1];
  await applyState(conn, actor, row, state, { effectiveDate, note });
  return { from, to: { level: state.level, star: state.star }, effectiveDate };
}

/** Confirms or rejects one open proposal of a person in the actor's scope (never their own). */
export async function decideProposal(
  conn: Conn,
  actor: Actor,
  cycleId: string,
  proposalId: string,
  body: ProposalDecision,
): Promise<ProposalOut> {
  requireDecider(actor);
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'proposals');
  const row = await reviewsRepo.findProposal(conn, cycleId, proposalId);
  if (!row) throw notFound('proposal');
  requireInScope(actor, await placementIn(conn, cycleId, row.person_id), 'nobody decides on their own proposals');
  if (row.status !== 'open') throw new HttpError(409, 'already_decided', `the proposal was already ${row.status}`);
  if (body.decision === 'reject' && !body.reason?.trim())
    throw badRequest('a rejection needs a reason', [{ field: 'reason', message: 'required to reject' }]);
  const p = JSON.parse(row.proposal) as Proposal;
  const now = nowIso();
  const patch: Parameters<typeof reviewsRepo.updateProposal>[2] = {
    status: body.decision === 'confirm' ? 'confirmed' : 'rejected',
    decided_by: actor.id,
    decided_at: now,
    decision_reason: body.reason ?? null,
    updated_at: now,
  };
  if (body.decision === 'confirm') {
    const note = `${c.name}: ${p.reason.zh}`;
    if (p.kind === 'red_line_demotion' || p.kind === 'star_promotion') {
      patch.applied = JSON.stringify(await applyStanding(conn, actor, c, row.person_id, p.from, p.to, note));
    } else if (p.kind === 'improvement_plan') {
      const mentorId = body.mentorId ?? p.mentorId;
      if (!mentorId)
        throw badRequest('no mentor was suggested: name one', [{ field: 'mentorId', message: 'required' }]);
      const [mentor] = await reviewsRepo.findPeople(conn, [mentorId]);
      if (!mentor || mentor.status === 'left' || mentorId === row.person_id)
        throw badRequest('the mentor must be a colleague on the roster', [
          { field: 'mentorId', message: 'not a possible mentor' },
        ]);
      patch.mentor_id = mentorId;
      patch.reappraise_on = p.reappraiseOn;
      patch.applied = JSON.stringify({ mentorId, startOn: p.startOn, reappraiseOn: p.reappraiseOn });
    }
  }
  await reviewsRepo.updateProposal(conn, row.id, patch);
  const after = (await reviewsRepo.findProposal(conn, cycleId, proposalId))!;
  const names = new Map((await repo.personNames(conn, [row.person_id])).map((x) => [x.id, x.name]));
  await record(
    conn,
    actor,
    `appraisal.proposal_${body.decision}`,
    'appraisal_proposal',
    row.id,
    present(row, names),
    present(after, names),
  );
  return present(after, names);
}
