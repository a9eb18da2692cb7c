/**
 * Calibration sessions (SPEC QA-5): the owner (qa.manage) picks conversations and reviewers and
 * may name a benchmark reviewer; each reviewer scores every conversation blind — nobody, the
 * owner included, sees anyone else's ratings until the session is closed — then the agreement
 * report (domain/qa/calibration.ts) shows each item's and each reviewer's alignment.
 */
import { inScope, readScope, type Actor } from '../../../domain/access.ts';
import { calibrationReport } from '../../../domain/qa/calibration.ts';
import { scoreReview } from '../../../domain/qa/score.ts';
import type { Ratings } from '../../../domain/qa/scorecard.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import { can, fromHundredths, guard, placementOf, roleCan, toHundredths } from './qa.guard.ts';
import * as repo from './qa.repository.ts';
import * as calRepo from './qa.calibration.repository.ts';
import { scorecardForUse, storedScorecard } from './qa.scorecards.ts';
import type {
  CalibrationCreate,
  CalibrationOut,
  CalibrationReportOut,
  CalibrationScoreBody,
} from './qa.calibration.schema.ts';

const idsOf = (json: string) => JSON.parse(json) as string[];

async function sessionOrThrow(conn: Conn, id: string): Promise<calRepo.SessionRow> {
  const s = await calRepo.findSession(conn, id);
  if (!s) throw notFound('calibration session');
  return s;
}

const isParticipant = (actor: Actor, s: calRepo.SessionRow) =>
  s.owner_id === actor.id || idsOf(s.reviewer_ids).includes(actor.id);

/** Participants and QA managers may look at a session. */
function assertCanSee(actor: Actor, s: calRepo.SessionRow) {
  if (!isParticipant(actor, s) && !can(actor, 'qa.manage')) throw forbidden('you are not in this calibration session');
}

function assertOpen(s: calRepo.SessionRow) {
  if (s.status !== 'open') throw new HttpError(409, 'session_closed', 'this calibration session is closed');
}

function checkBenchmark(benchmarkReviewerId: string | null, reviewerIds: readonly string[]) {
  if (benchmarkReviewerId !== null && !reviewerIds.includes(benchmarkReviewerId)) {
    throw badRequest('the benchmark reviewer must be one of the reviewers', [
      { field: 'benchmarkReviewerId', message: 'not a reviewer of this session' },
    ]);
  }
}

/**
 * Opens a session. The conversations must exist and their agents sit in the owner's scope; the
 * reviewers (two or more) must be active people whose role may review.
 */
export async function createCalibration(conn: Conn, actor: Actor, body: CalibrationCreate): Promise<CalibrationOut> {
  const card = await scorecardForUse(conn, body.scorecardId, body.scorecardVersion);
  const conversationIds = [...new Set(body.conversationIds)];
  const reviewerIds = [...new Set(body.reviewerIds)];
  if (reviewerIds.length < 2)
    throw badRequest('calibration needs at least two reviewers', [{ field: 'reviewerIds', message: 'two or more' }]);
  checkBenchmark(body.benchmarkReviewerId, reviewerIds);
  const found = new Map((await repo.conversationsByIds(conn, conversationIds)).map((c) => [c.conversation_id, c]));
  const unknown = conversationIds.filter((id) => !found.has(id));
  if (unknown.length)
    throw badRequest(
      'unknown conversations',
      unknown.map((id) => ({ field: 'conversationIds', message: `no conversation ${id}` })),
    );
  const agents = new Map(
    (
      await repo.findPeople(
        conn,
        [...found.values()].flatMap((c) => (c.agent_id ? [c.agent_id] : [])),
      )
    ).map((p) => [p.id, p]),
  );
  const scope = readScope(actor);
  const outside = conversationIds.filter((id) => {
    const a = found.get(id)!.agent_id;
    return a === null || !agents.has(a) || !inScope(scope, placementOf(agents.get(a)!));
  });
  if (outside.length) throw forbidden(`conversations outside your scope: ${outside.join(', ')}`);
  const reviewers = new Map((await repo.findPeople(conn, reviewerIds)).map((p) => [p.id, p]));
  const bad = reviewerIds.filter((id) => {
    const p = reviewers.get(id);
    return !p || p.status === 'left' || !roleCan(p.role, 'qa.review');
  });
  if (bad.length)
    throw badRequest(
      'some reviewers cannot review',
      bad.map((id) => ({ field: 'reviewerIds', message: `${id} may not review` })),
    );
  const row: calRepo.SessionRow = {
    id: newId(),
    name: body.name,
    scorecard_id: card.id,
    scorecard_version: card.version,
    owner_id: actor.id,
    benchmark_reviewer_id: body.benchmarkReviewerId,
    conversation_ids: JSON.stringify(conversationIds),
    reviewer_ids: JSON.stringify(reviewerIds),
    status: 'open',
    created_at: nowIso(),
    closed_at: null,
  };
  await calRepo.insertSession(conn, row);
  await record(conn, actor, 'qa.calibration_create', 'qa_calibration', row.id, null, {
    name: body.name,
    scorecard: { id: card.id, version: card.version },
    conversationIds,
    reviewerIds,
    benchmarkReviewerId: body.benchmarkReviewerId,
  });
  return getCalibration(conn, actor, row.id);
}

/** Sessions the caller takes part in; QA managers see every session. */
export async function listCalibrations(conn: Conn, actor: Actor): Promise<CalibrationOut[]> {
  const out: CalibrationOut[] = [];
  for (const s of await calRepo.listSessions(conn)) {
    if (isParticipant(actor, s) || can(actor, 'qa.manage')) out.push(await present(conn, actor, s));
  }
  return out;
}

async function present(conn: Conn, actor: Actor, s: calRepo.SessionRow): Promise<CalibrationOut> {
  const scores = await calRepo.scoresOf(conn, s.id);
  const reviewerIds = idsOf(s.reviewer_ids);
  const blind = s.status === 'open';
  return {
    id: s.id,
    name: s.name,
    scorecardId: s.scorecard_id,
    scorecardVersion: s.scorecard_version,
    ownerId: s.owner_id,
    benchmarkReviewerId: s.benchmark_reviewer_id,
    conversationIds: idsOf(s.conversation_ids),
    reviewerIds,
    status: s.status as CalibrationOut['status'],
    createdAt: s.created_at,
    closedAt: s.closed_at,
    progress: reviewerIds.map((reviewerId) => ({
      reviewerId,
      conversationIds: scores.filter((x) => x.reviewer_id === reviewerId).map((x) => x.conversation_id),
    })),
    scores: scores
      .filter((x) => !blind || x.reviewer_id === actor.id)
      .map((x) => ({
        reviewerId: x.reviewer_id,
        conversationId: x.conversation_id,
        ratings: JSON.parse(x.ratings) as Ratings,
        score: x.score_hundredths === null ? null : fromHundredths(x.score_hundredths),
      })),
  };
}

/** One session: while open the caller sees only their own scores (and who has scored what). */
export async function getCalibration(conn: Conn, actor: Actor, id: string): Promise<CalibrationOut> {
  const s = await sessionOrThrow(conn, id);
  assertCanSee(actor, s);
  return present(conn, actor, s);
}

/** A reviewer's blind ratings of one of the session's conversations; they may change them until the session closes. */
export async function submitCalibrationScore(
  conn: Conn,
  actor: Actor,
  id: string,
  body: CalibrationScoreBody,
): Promise<CalibrationOut> {
  const s = await sessionOrThrow(conn, id);
  if (!idsOf(s.reviewer_ids).includes(actor.id)) throw forbidden('you are not a reviewer of this calibration session');
  assertOpen(s);
  if (!idsOf(s.conversation_ids).includes(body.conversationId)) {
    throw badRequest('this conversation is not in the session', [
      { field: 'conversationId', message: 'not in the session' },
    ]);
  }
  const card = await storedScorecard(conn, s.scorecard_id, s.scorecard_version);
  const result = guard(() => scoreReview(card, body.ratings));
  const key = { session_id: id, conversation_id: body.conversationId, reviewer_id: actor.id };
  const now = nowIso();
  const patch = {
    ratings: JSON.stringify(body.ratings),
    score_hundredths: toHundredths(result.score!),
    updated_at: now,
  };
  const before = await calRepo.findScore(conn, id, body.conversationId, actor.id);
  if (before) await calRepo.updateScore(conn, key, patch);
  else await calRepo.insertScore(conn, { ...key, ...patch, created_at: now });
  await record(
    conn,
    actor,
    'qa.calibration_score',
    'qa_calibration',
    id,
    before ? { conversationId: body.conversationId, ratings: JSON.parse(before.ratings) as unknown } : null,
    { conversationId: body.conversationId, ratings: body.ratings, score: result.score },
  );
  return present(conn, actor, s);
}

/** The owner (or a QA manager) changes whose scores are the benchmark while the session is open. */
export async function setBenchmark(
  conn: Conn,
  actor: Actor,
  id: string,
  benchmarkReviewerId: string | null,
): Promise<CalibrationOut> {
  const s = await sessionOrThrow(conn, id);
  if (s.owner_id !== actor.id && !can(actor, 'qa.manage')) throw forbidden('only the session owner sets the benchmark');
  assertOpen(s);
  checkBenchmark(benchmarkReviewerId, idsOf(s.reviewer_ids));
  await calRepo.updateSession(conn, id, { benchmark_reviewer_id: benchmarkReviewerId });
  await record(
    conn,
    actor,
    'qa.calibration_benchmark',
    'qa_calibration',
    id,
    { benchmarkReviewerId: s.benchmark_reviewer_id },
    { benchmarkReviewerId },
  );
  return getCalibration(conn, actor, id);
}

/** Closes a session (its owner or a QA manager): scores are final and everyone's become visible. */
export async function closeCalibration(conn: Conn, actor: Actor, id: string): Promise<CalibrationOut> {
  const s = await sessionOrThrow(conn, id);
  if (s.owner_id !== actor.id && !can(actor, 'qa.manage')) throw forbidden('only the session owner closes it');
  assertOpen(s);
  const at = nowIso();
  await calRepo.updateSession(conn, id, { status: 'closed', closed_at: at });
  await record(
    conn,
    actor,
    'qa.calibration_close',
    'qa_calibration',
    id,
    { status: 'open' },
    { status: 'closed', closedAt: at },
  );
  return getCalibration(conn, actor, id);
}

/** The agreement report of a closed session (409 while open: it would unblind the scores). */
export async function calibrationReportOf(conn: Conn, actor: Actor, id: string): Promise<CalibrationReportOut> {
  const s = await sessionOrThrow(conn, id);
  assertCanSee(actor, s);
  if (s.status === 'open') throw new HttpError(409, 'session_open', 'the report shows once the session is closed');
  const card = await storedScorecard(conn, s.scorecard_id, s.scorecard_version);
  const scores = (await calRepo.scoresOf(conn, id)).map((x) => ({
    reviewerId: x.reviewer_id,
    conversationId: x.conversation_id,
    ratings: JSON.parse(x.ratings) as Ratings,
  }));
  const report = calibrationReport({ scorecard: card, scores, benchmarkReviewerId: s.benchmark_reviewer_id });
  const names = new Map((await repo.findPeople(conn, idsOf(s.reviewer_ids))).map((p) => [p.id, p.name]));
  return {
    sessionId: id,
    ...report,
    reviewers: report.reviewers.map((r) => ({ ...r, name: names.get(r.reviewerId) ?? r.reviewerId })),
  };
}
