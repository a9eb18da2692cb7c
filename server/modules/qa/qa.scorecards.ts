/**
 * Scorecards and sampling rules (SPEC QA-1, QA-2). A scorecard is versioned: an edit saves the
 * next version and older versions never change, so a review keeps the scorecard it was scored
 * with; retiring a family keeps its versions for their reviews. Sampling rules are versioned
 * the same way (the latest is in force; a sample keeps the rules it ran with).
 */
import type { Actor } from '../../../domain/access.ts';
import { DEFAULT_SCORECARD } from '../../../domain/qa/defaults.ts';
import { DEFAULT_SAMPLING_RULES, validateSamplingRules, type SamplingRules } from '../../../domain/qa/sampling.ts';
import { validateScorecard, type Scorecard } from '../../../domain/qa/scorecard.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { badRequest, conflict, HttpError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import { problemsError } from './qa.guard.ts';
import * as repo from './qa.repository.ts';
import type {
  SamplingRulesOut,
  SamplingRulesUpdate,
  ScorecardBody,
  ScorecardCreate,
  ScorecardOut,
} from './qa.schema.ts';

const SHIPPED: readonly Scorecard[] = [DEFAULT_SCORECARD];

/** The shipped scorecard is written to the table at startup and before any scorecard is used. */
export async function ensureShippedScorecards(conn: Conn): Promise<void> {
  for (const s of SHIPPED) {
    if (await repo.findScorecard(conn, s.id, s.version)) continue;
    await repo.insertScorecardIfAbsent(conn, {
      id: s.id,
      version: s.version,
      name: s.name.zh,
      json: JSON.stringify(s),
      retired_at: null,
      created_at: nowIso(),
      created_by: null,
    });
  }
}

/** The domain's scorecard stored in a row. */
export const parseScorecard = (row: repo.ScorecardRow): Scorecard => JSON.parse(row.json) as Scorecard;

function present(row: repo.ScorecardRow): ScorecardOut {
  const s = parseScorecard(row);
  return {
    id: s.id,
    version: s.version,
    name: s.name,
    categories: s.categories as ScorecardOut['categories'],
    maxScore: s.maxScore,
    retired: row.retired_at !== null,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** Every version of every scorecard. */
export async function listScorecards(conn: Conn): Promise<ScorecardOut[]> {
  await ensureShippedScorecards(conn);
  return (await repo.listScorecards(conn)).map(present);
}

/** One scorecard version, or 404. */
export async function getScorecard(conn: Conn, id: string, version: number): Promise<ScorecardOut> {
  await ensureShippedScorecards(conn);
  const row = await repo.findScorecard(conn, id, version);
  if (!row) throw notFound(`scorecard ${id} v${version}`);
  return present(row);
}

/**
 * The scorecard a new sample or calibration session uses: the version asked for, else the
 * latest. 400 when unknown, 409 when retired.
 */
export async function scorecardForUse(conn: Conn, id: string, version?: number): Promise<Scorecard> {
  await ensureShippedScorecards(conn);
  const v = version ?? (await repo.latestScorecardVersion(conn, id));
  const row = v > 0 ? await repo.findScorecard(conn, id, v) : undefined;
  if (!row)
    throw badRequest(`no scorecard ${id} v${version ?? '(latest)'}`, [
      { field: 'scorecardId', message: 'unknown scorecard' },
    ]);
  if (row.retired_at !== null) throw new HttpError(409, 'scorecard_retired', `scorecard ${id} is retired`);
  return parseScorecard(row);
}

/** A stored scorecard version (a review's), or 404. */
export async function storedScorecard(conn: Conn, id: string, version: number): Promise<Scorecard> {
  const row = await repo.findScorecard(conn, id, version);
  if (!row) throw notFound(`scorecard ${id} v${version}`);
  return parseScorecard(row);
}

async function saveVersion(
  conn: Conn,
  actor: Actor,
  id: string,
  version: number,
  body: ScorecardBody,
): Promise<ScorecardOut> {
  const card: Scorecard = { id, version, name: body.name, categories: body.categories, maxScore: body.maxScore };
  const problems = validateScorecard(card);
  if (problems.length > 0) throw problemsError('scorecard_invalid', 'the scorecard', problems);
  const row = {
    id,
    version,
    name: body.name.zh,
    json: JSON.stringify(card),
    retired_at: null,
    created_at: nowIso(),
    created_by: actor.id,
  };
  await repo.insertScorecard(conn, row);
  await record(conn, actor, 'qa.scorecard_version', 'qa_scorecard', `${id}@${version}`, null, card);
  return present(row);
}

/** A new scorecard family at version 1; 409 when the id is taken. 400 lists every problem by path. */
export async function createScorecard(conn: Conn, actor: Actor, body: ScorecardCreate): Promise<ScorecardOut> {
  await ensureShippedScorecards(conn);
  if ((await repo.latestScorecardVersion(conn, body.id)) > 0)
    throw conflict(`scorecard ${body.id} exists: edit it to add a version`);
  const { id, ...content } = body;
  return saveVersion(conn, actor, id, 1, content);
}

/** An edit: saves the next version of the family; older versions never change. */
export async function reviseScorecard(
  conn: Conn,
  actor: Actor,
  id: string,
  body: ScorecardBody,
): Promise<ScorecardOut> {
  await ensureShippedScorecards(conn);
  const latest = await repo.latestScorecardVersion(conn, id);
  if (latest === 0) throw notFound(`scorecard ${id}`);
  const row = await repo.findScorecard(conn, id, latest);
  if (row?.retired_at) throw new HttpError(409, 'scorecard_retired', `scorecard ${id} is retired`);
  return saveVersion(conn, actor, id, latest + 1, body);
}

/** Retires a scorecard family: its versions stay for their reviews, new samples and sessions refuse it. */
export async function retireScorecard(conn: Conn, actor: Actor, id: string): Promise<void> {
  await ensureShippedScorecards(conn);
  if ((await repo.latestScorecardVersion(conn, id)) === 0) throw notFound(`scorecard ${id}`);
  const at = nowIso();
  await repo.retireScorecard(conn, id, at);
  await record(conn, actor, 'qa.scorecard_retire', 'qa_scorecard', id, null, { retiredAt: at });
}

// ---- sampling rules ----

/** The sampling rules in force: the latest saved version over the defaults. */
export async function getSamplingRules(conn: Conn): Promise<SamplingRulesOut> {
  const row = await repo.latestRules(conn);
  const stored = row ? (JSON.parse(row.rules) as Partial<SamplingRules>) : {};
  return {
    ...DEFAULT_SAMPLING_RULES,
    ...stored,
    updatedAt: row?.created_at ?? null,
    updatedBy: row?.created_by ?? null,
  };
}

/** The rules alone, without who saved them when. */
export const rulesOf = (r: SamplingRulesOut): SamplingRules => ({
  baseRate: r.baseRate,
  newHireRate: r.newHireRate,
  complaintRateThreshold: r.complaintRateThreshold,
  highComplaintRate: r.highComplaintRate,
  minPerAgent: r.minPerAgent,
  salt: r.salt,
});

/** Saves a new version of the sampling rules (validated by the domain), audited. */
export async function updateSamplingRules(
  conn: Conn,
  actor: Actor,
  patch: SamplingRulesUpdate,
): Promise<SamplingRulesOut> {
  const before = rulesOf(await getSamplingRules(conn));
  const rules: SamplingRules = { ...before, ...patch };
  const problems = validateSamplingRules(rules);
  if (problems.length > 0) {
    throw new HttpError(
      400,
      'rules_invalid',
      `the sampling rules have ${problems.length} problem(s): ${problems.map((p) => `${p.path.join('.')}: ${p.en}`).join('; ')}`,
      problems.map((p) => ({ field: p.path.join('.'), message: `${p.zh} / ${p.en}` })),
    );
  }
  await repo.insertRules(conn, {
    id: newId(),
    rules: JSON.stringify(rules),
    created_at: nowIso(),
    created_by: actor.id,
  });
  await record(conn, actor, 'qa.sampling_rules', 'qa_sampling_rules', null, before, rules);
  return getSamplingRules(conn);
}
