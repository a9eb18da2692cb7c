/**
 * Appraisal cycles (SPEC APR-2): opening one with its options, the cycle board (what is missing
 * before the next state) and moving it one step; entering reviewing or calibration computes the
 * results. The domain decides every transition; a finalised cycle refuses them all.
 */
import type { Actor } from '../../../domain/access.ts';
import {
  advance,
  CYCLE_KIND_SCOPE,
  CYCLE_STATES,
  DEFAULT_BONUS_SETTINGS,
  DEFAULT_GRADE_BANDS,
  DEFAULT_MIN_PEER_RATERS,
  DEFAULT_SURVEY_RATE,
  missingToAdvance,
  requiredReviews,
  TRANSITIONS,
  validateBonusSettings,
  validateGradeBands,
  type BonusSettings,
  type CycleKind,
  type CycleReadiness,
  type CycleState,
  type Scheme,
} from '../../../domain/appraisal/index.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { badRequest, type ErrorDetail } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import { computeResults, type CycleOptions, type Snapshot } from './appraisal.compute.ts';
import { cycleOrThrow, guard } from './appraisal.guard.ts';
import * as repo from './appraisal.repository.ts';
import * as reviewsRepo from './appraisal.reviews.repository.ts';
import type { CycleCreate, CycleOptionsIn, CycleOptionsOut, CycleOut } from './appraisal.schema.ts';
import { ensureShippedSchemes, schemeOf } from './appraisal.schemes.ts';

const FORM_ONLY = new Set(['self', 'supervisor', 'peer360', 'customer_survey']);

/**
 * What the domain needs to say whether a cycle may move to `to` — only the parts that step reads
 * (missingToAdvance: agents to leave draft, hand-entered values to start reviewing, review forms
 * to calibrate, results and proposals to finalise), so the cycle board can ask for every open cycle.
 */
async function readiness(conn: Conn, cycle: repo.CycleRow, scheme: Scheme, to: CycleState): Promise<CycleReadiness> {
  const from = cycle.state as CycleState;
  const forward = CYCLE_STATES.indexOf(to) > CYCLE_STATES.indexOf(from);
  const needsAgents = forward && from !== 'calibration';
  const needsReviews = forward && (from === 'collecting' || from === 'reviewing');
  const needsResults = forward && from === 'calibration';
  const agents = needsAgents ? await repo.agentsInScope(conn, JSON.parse(cycle.scope), cycle.period_from) : [];
  const reviews = needsReviews ? await repo.reviewsOf(conn, cycle.id) : [];
  const peers = needsReviews && from === 'reviewing' ? await reviewsRepo.peerReviewersOf(conn, cycle.id) : [];
  const results = needsResults ? await repo.resultsOf(conn, cycle.id) : [];
  const proposals = needsResults ? await reviewsRepo.proposalsOf(conn, cycle.id) : [];
  const sections = CYCLE_KIND_SCOPE[cycle.kind as CycleKind].sections;
  const handEntered = scheme.sections
    .filter((s) => sections.includes(s.kind))
    .flatMap((s) => s.indicators)
    .filter((i) => i.kind === 'review' && !FORM_ONLY.has(i.review));
  const has = (personId: string, kind: string, itemId = '', reviewerId?: string) =>
    reviews.some(
      (r) =>
        r.person_id === personId &&
        r.kind === kind &&
        r.item_id === itemId &&
        (reviewerId === undefined || r.reviewer_id === reviewerId),
    );
  /** a peer/360 form is done when reviewers were picked and every one of them answered */
  const peersDone = (personId: string) => {
    const mine = peers.filter((p) => p.person_id === personId);
    return mine.length > 0 && mine.every((p) => has(personId, 'peer360', '', p.reviewer_id));
  };
  return {
    schemeVersion: cycle.scheme_version,
    agentIds: agents.map((a) => a.id),
    unenteredValues:
      from === 'collecting'
        ? agents.flatMap((a) =>
            handEntered.filter((i) => !has(a.id, 'manual', i.id)).map((i) => ({ agentId: a.id, indicatorId: i.id })),
          )
        : [],
    openReviews:
      from === 'reviewing'
        ? agents.flatMap((a) =>
            requiredReviews(scheme, sections)
              .filter((k) => k !== 'customer_survey' && !(k === 'peer360' ? peersDone(a.id) : has(a.id, k)))
              .map((review) => ({ agentId: a.id, review })),
          )
        : [],
    pendingValues: results.flatMap((r) =>
      (JSON.parse(r.snapshot) as Snapshot).appraisal.indicators
        .filter((i) => i.status === 'pending')
        .map((i) => ({ agentId: r.person_id, indicatorId: i.id })),
    ),
    openAppeals: results.filter((r) => Number(r.appeal_open) === 1).map((r) => ({ agentId: r.person_id })),
    openProposals: proposals.filter((p) => p.status === 'open').map((p) => ({ agentId: p.person_id })),
  };
}

/** A stored cycle's options with every default filled in (cycles created before an option existed get its default). */
export function optionsOf(c: repo.CycleRow): Required<CycleOptions> {
  const o = JSON.parse(c.options) as CycleOptions;
  return {
    gradeBands: o.gradeBands ?? DEFAULT_GRADE_BANDS,
    bonus: { ...DEFAULT_BONUS_SETTINGS, ...o.bonus },
    teamAward: o.teamAward ?? null,
    minPeerRaters: o.minPeerRaters ?? DEFAULT_MIN_PEER_RATERS,
    surveyRate: o.surveyRate ?? DEFAULT_SURVEY_RATE,
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
    options: optionsOf(c) as CycleOptionsOut,
  };
}

/** A cycle with its next forward state and what is missing before it (null once finalised). */
async function withNext(conn: Conn, c: repo.CycleRow): Promise<CycleOut> {
  const state = c.state as CycleState;
  const to = TRANSITIONS[state][0];
  if (to === undefined) return presentCycle(c);
  const missing = missingToAdvance(state, to, await readiness(conn, c, await schemeOf(conn, c), to));
  return presentCycle(c, { state: to, missing });
}

/**
 * Every cycle, newest period first, each open one with what is missing before its next state
 * (a few queries per open cycle: readiness reads only what that step needs).
 */
export async function listCycles(conn: Conn): Promise<CycleOut[]> {
  const out: CycleOut[] = [];
  for (const c of await repo.listCycles(conn)) out.push(await withNext(conn, c));
  return out;
}

/** One cycle with the next state and what is missing before it (the cycle board). */
export async function getCycle(conn: Conn, id: string): Promise<CycleOut> {
  return withNext(conn, await cycleOrThrow(conn, id));
}

/** The defaults with the given options laid over them; 400 naming each bad field. */
function resolveOptions(input: CycleOptionsIn | undefined, scheme: Scheme): CycleOptions {
  const b = input?.bonus ?? {};
  const d = DEFAULT_BONUS_SETTINGS;
  const bonus: BonusSettings = {
    baseCents: { ...d.baseCents, ...b.baseCents },
    belowTarget: b.belowTarget ?? d.belowTarget,
    prorateByCoverage: b.prorateByCoverage ?? d.prorateByCoverage,
    excess: b.excess ?? d.excess,
    innovationCents: b.innovationCents ?? d.innovationCents,
    teamSplit: b.teamSplit ?? d.teamSplit,
    commission: b.commission === undefined ? d.commission : b.commission,
  };
  const options: CycleOptions = {
    gradeBands: input?.gradeBands ?? DEFAULT_GRADE_BANDS,
    bonus,
    teamAward: input?.teamAward ?? null,
    minPeerRaters: input?.minPeerRaters ?? DEFAULT_MIN_PEER_RATERS,
    surveyRate: input?.surveyRate ?? DEFAULT_SURVEY_RATE,
  };
  const problems: ErrorDetail[] = [
    ...validateGradeBands(options.gradeBands).map((message) => ({ field: 'options.gradeBands', message })),
    ...validateBonusSettings(bonus).map((message) => ({ field: `options.bonus.${message.split(' ')[0]}`, message })),
  ];
  const ids = new Set(scheme.sections.flatMap((s) => s.indicators.map((i) => i.id)));
  // the defaults name the default scheme's ids (missing ones simply pay no excess); given ids must exist
  for (const id of b.excess?.indicatorIds ?? []) {
    if (!ids.has(id))
      problems.push({ field: 'options.bonus.excess.indicatorIds', message: `${id} is not an indicator of the scheme` });
  }
  if (problems.length) throw badRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  return options;
}

export async function createCycle(conn: Conn, actor: Actor, body: CycleCreate): Promise<CycleOut> {
  await ensureShippedSchemes(conn);
  if (body.periodFrom > body.periodTo)
    throw badRequest('the period ends before it starts', [{ field: 'periodTo', message: 'before periodFrom' }]);
  const schemeRow = await repo.findScheme(conn, body.schemeId, body.schemeVersion);
  if (!schemeRow) {
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
  const options = resolveOptions(body.options, JSON.parse(schemeRow.json) as Scheme);
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
  const r = await readiness(conn, c, await schemeOf(conn, c), to);
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
