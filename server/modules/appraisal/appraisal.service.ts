/**
 * Appraisal schemes, cycles, reviews and results (SPEC APR-1..APR-7). Every write checks the
 * cycle's state through the domain (`assertCanWrite`: a finalised cycle refuses everything with
 * 409 cycle_locked), the caller's scope, and is audited in the same transaction.
 */
import { inScope, readScope, type Actor } from '../../../domain/access.ts';
import {
  advance,
  CYCLE_KIND_SCOPE,
  DEFAULT_BONUS_SETTINGS,
  DEFAULT_GRADE_BANDS,
  DEFAULT_SCHEME,
  missingToAdvance,
  requiredReviews,
  TAOBAO_SCHEME,
  TRANSITIONS,
  unitOf,
  validateScheme,
  type CycleKind,
  type CycleReadiness,
  type CycleState,
  type Scheme,
} from '../../../domain/appraisal/index.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import {
  ADOPTED_SUGGESTIONS,
  computeResults,
  parseScheme,
  type CycleOptions,
  type Snapshot,
} from './appraisal.compute.ts';
import { can, cycleOrThrow, guard, placementOf, writable } from './appraisal.guard.ts';
import * as repo from './appraisal.repository.ts';
import type { CycleCreate, CycleOut, ReviewSubmit, SchemeCreate, SchemeOut, ValueSubmit } from './appraisal.schema.ts';

// ---- schemes ----

const SHIPPED: readonly Scheme[] = [DEFAULT_SCHEME, TAOBAO_SCHEME];

/** The shipped schemes are written to the table the first time schemes are used. */
export async function ensureShippedSchemes(conn: Conn): Promise<void> {
  for (const s of SHIPPED) {
    if (await repo.findScheme(conn, s.id, s.version)) continue;
    await repo.insertSchemeIfAbsent(conn, {
      id: s.id,
      version: s.version,
      name: s.name.zh,
      json: JSON.stringify(s),
      created_at: nowIso(),
      created_by: null,
    });
  }
}

function presentScheme(row: repo.SchemeRow): SchemeOut {
  const s = parseScheme(row);
  return {
    ...(s as unknown as Omit<SchemeOut, 'createdAt' | 'createdBy'>),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export async function listSchemes(conn: Conn): Promise<SchemeOut[]> {
  await ensureShippedSchemes(conn);
  return (await repo.listSchemes(conn)).map(presentScheme);
}

export async function getScheme(conn: Conn, id: string, version: number): Promise<SchemeOut> {
  await ensureShippedSchemes(conn);
  const row = await repo.findScheme(conn, id, version);
  if (!row) throw notFound(`scheme ${id} v${version}`);
  return presentScheme(row);
}

/** Saves the next version of a scheme family; older versions are never changed. 400 lists every problem by path. */
export async function createSchemeVersion(conn: Conn, actor: Actor, body: SchemeCreate): Promise<SchemeOut> {
  await ensureShippedSchemes(conn);
  const version = (await repo.latestVersion(conn, body.id)) + 1;
  const scheme = { id: body.id, version, name: body.name, sections: body.sections } as Scheme;
  const problems = validateScheme(scheme);
  if (problems.length > 0) {
    throw new HttpError(
      400,
      'scheme_invalid',
      `the scheme has ${problems.length} problem(s): ${problems.map((p) => `${p.path.join('.')}: ${p.en}`).join('; ')}`,
      problems.map((p) => ({ field: p.path.join('.'), message: `${p.zh} / ${p.en}` })),
    );
  }
  const row = {
    id: body.id,
    version,
    name: body.name.zh,
    json: JSON.stringify(scheme),
    created_at: nowIso(),
    created_by: actor.id,
  };
  await repo.insertScheme(conn, row);
  await record(conn, actor, 'appraisal.scheme_version', 'appraisal_scheme', `${body.id}@${version}`, null, scheme);
  return presentScheme(row);
}

// ---- cycles ----

async function schemeOf(conn: Conn, cycle: repo.CycleRow): Promise<Scheme> {
  const row = await repo.findScheme(conn, cycle.scheme_id, cycle.scheme_version);
  if (!row) throw notFound(`scheme ${cycle.scheme_id} v${cycle.scheme_version}`);
  return parseScheme(row);
}

const FORM_ONLY = new Set(['self', 'supervisor', 'peer360', 'customer_survey']);

/** What the domain needs to say whether a cycle may move on. */
async function readiness(conn: Conn, cycle: repo.CycleRow, scheme: Scheme): Promise<CycleReadiness> {
  const agents = await repo.agentsInScope(conn, JSON.parse(cycle.scope), cycle.period_from);
  const reviews = await repo.reviewsOf(conn, cycle.id);
  const results = await repo.resultsOf(conn, cycle.id);
  const sections = CYCLE_KIND_SCOPE[cycle.kind as CycleKind].sections;
  const handEntered = scheme.sections
    .filter((s) => sections.includes(s.kind))
    .flatMap((s) => s.indicators)
    .filter((i) => i.kind === 'review' && !FORM_ONLY.has(i.review));
  const has = (personId: string, kind: string, itemId = '') =>
    reviews.some((r) => r.person_id === personId && r.kind === kind && r.item_id === itemId);
  return {
    schemeVersion: cycle.scheme_version,
    agentIds: agents.map((a) => a.id),
    unenteredValues: agents.flatMap((a) =>
      handEntered.filter((i) => !has(a.id, 'manual', i.id)).map((i) => ({ agentId: a.id, indicatorId: i.id })),
    ),
    openReviews: agents.flatMap((a) =>
      requiredReviews(scheme, sections)
        .filter((k) => k !== 'customer_survey' && !has(a.id, k))
        .map((review) => ({ agentId: a.id, review })),
    ),
    pendingValues: results.flatMap((r) =>
      (JSON.parse(r.snapshot) as Snapshot).appraisal.indicators
        .filter((i) => i.status === 'pending')
        .map((i) => ({ agentId: r.person_id, indicatorId: i.id })),
    ),
    openAppeals: results.filter((r) => Number(r.appeal_open) === 1).map((r) => ({ agentId: r.person_id })),
  };
}

function presentCycle(c: repo.CycleRow, next: CycleOut['next'] = null): CycleOut {
  const scope = JSON.parse(c.scope) as CycleOut['scope'];
  return {
    id: c.id,
    name: c.name,
    kind: c.kind as CycleKind,
    periodFrom: c.period_from,
    periodTo: c.period_to,
    scope,
    schemeId: c.scheme_id,
    schemeVersion: c.scheme_version,
    state: c.state as CycleState,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    next,
  };
}

export async function listCycles(conn: Conn): Promise<CycleOut[]> {
  return (await repo.listCycles(conn)).map((c) => presentCycle(c));
}

/** One cycle with the next state and what is missing before it (the cycle board). */
export async function getCycle(conn: Conn, id: string): Promise<CycleOut> {
  const c = await cycleOrThrow(conn, id);
  const state = c.state as CycleState;
  const to = TRANSITIONS[state][0];
  if (to === undefined) return presentCycle(c);
  const missing = missingToAdvance(state, to, await readiness(conn, c, await schemeOf(conn, c)));
  return presentCycle(c, { state: to, missing });
}

export async function createCycle(conn: Conn, actor: Actor, body: CycleCreate): Promise<CycleOut> {
  await ensureShippedSchemes(conn);
  if (body.periodFrom > body.periodTo)
    throw badRequest('the period ends before it starts', [{ field: 'periodTo', message: 'before periodFrom' }]);
  if (!(await repo.findScheme(conn, body.schemeId, body.schemeVersion))) {
    throw badRequest(`no scheme ${body.schemeId} v${body.schemeVersion}`, [
      { field: 'schemeVersion', message: 'unknown scheme version' },
    ]);
  }
  const groups = await repo.groupKinds(conn);
  const departments = new Set((await repo.departmentIds(conn)).map((d) => d.id));
  const unknown = [
    ...body.scope.departmentIds
      .filter((d) => !departments.has(d))
      .map((d) => ({ field: 'scope.departmentIds', message: `unknown department ${d}` })),
    ...body.scope.groupIds
      .filter((g) => !groups.some((x) => x.id === g))
      .map((g) => ({ field: 'scope.groupIds', message: `unknown group ${g}` })),
  ];
  if (unknown.length) throw badRequest('the scope names unknown departments or groups', unknown);
  const options: CycleOptions = { gradeBands: DEFAULT_GRADE_BANDS, bonus: DEFAULT_BONUS_SETTINGS };
  const now = nowIso();
  const row: repo.CycleRow = {
    id: newId(),
    name: body.name,
    kind: body.kind,
    period_from: body.periodFrom,
    period_to: body.periodTo,
    scope: JSON.stringify(body.scope),
    scheme_id: body.schemeId,
    scheme_version: body.schemeVersion,
    state: 'draft',
    options: JSON.stringify(options),
    created_at: now,
    created_by: actor.id,
    updated_at: now,
  };
  await repo.insertCycle(conn, row);
  await record(conn, actor, 'appraisal.cycle_create', 'appraisal_cycle', row.id, null, { ...body, options });
  return presentCycle(row);
}

/**
 * Moves a cycle one step (the domain decides; 409 with what is missing when it is not ready).
 * Entering `reviewing` or `calibration` (re)computes every result.
 */
export async function changeState(conn: Conn, actor: Actor, id: string, to: CycleState): Promise<CycleOut> {
  const c = await cycleOrThrow(conn, id);
  const r = await readiness(conn, c, await schemeOf(conn, c));
  const next = guard(() => advance(c.state as CycleState, to, r));
  const updated = { ...c, state: next, updated_at: nowIso() };
  await repo.updateCycle(conn, id, { state: next, updated_at: updated.updated_at });
  let computed: number | null = null;
  if (next === 'reviewing' || next === 'calibration') computed = await computeResults(conn, updated);
  await record(
    conn,
    actor,
    'appraisal.cycle_state',
    'appraisal_cycle',
    id,
    { state: c.state },
    { state: next, computedResults: computed },
  );
  return presentCycle(updated);
}

// ---- reviews and values ----

async function agentOfCycle(conn: Conn, cycle: repo.CycleRow, personId: string) {
  const agent = (await repo.agentsInScope(conn, JSON.parse(cycle.scope), cycle.period_from)).find(
    (a) => a.id === personId,
  );
  if (!agent)
    throw badRequest('this person is not appraised in this cycle', [
      { field: 'personId', message: 'not in the cycle' },
    ]);
  return agent;
}

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

/** A hand-entered value (QA, utilisation, training…) for a review indicator of the scheme, in its own unit. */
export async function submitValue(conn: Conn, actor: Actor, cycleId: string, body: ValueSubmit): Promise<void> {
  const c = await cycleOrThrow(conn, cycleId);
  writable(c.state, 'values');
  const agent = await agentOfCycle(conn, c, body.personId);
  if (!inScope(readScope(actor), placementOf(agent))) throw forbidden('this person is outside your scope');
  if (body.itemId !== ADOPTED_SUGGESTIONS) {
    const ind = (await schemeOf(conn, c)).sections.flatMap((s) => s.indicators).find((i) => i.id === body.itemId);
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

export * from './appraisal.results.ts';
