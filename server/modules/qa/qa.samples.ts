/**
 * Samples (抽检, SPEC QA-2): a period's conversations, as the KPI import recorded them
 * (fact_conversations), drawn by the domain's rules and dealt round-robin into reviewers' queues.
 */
import { inScope, readScope, type Actor } from '../../../domain/access.ts';
import { conversationCodec } from '../../../domain/metrics/codec.ts';
import {
  assignRoundRobin,
  drawSample,
  type SampleAgent,
  type SampleConversation,
  type SampleReason,
} from '../../../domain/qa/sampling.ts';
import type { Conn } from '../../db/types.ts';
import { isCalendarDate, nowIso } from '../../lib/dates.ts';
import { badRequest, HttpError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { record } from '../audit/audit.service.ts';
import { getSettings } from '../settings/settings.service.ts';
import { guard, placementOf, roleCan } from './qa.guard.ts';
import * as repo from './qa.repository.ts';
import { getSamplingRules, rulesOf, scorecardForUse } from './qa.scorecards.ts';
import type { AssignmentOut, SampleCreate, SampleDetail, SampleOut, SamplePreview } from './qa.schema.ts';

type Person = NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>;
type AgentSummary = SampleOut['agents'][number];

/** The draw for a period and the reviewers it is dealt to, not yet saved. */
interface Draw {
  preview: SamplePreview;
  scorecard: { id: string; version: number };
  rules: ReturnType<typeof rulesOf>;
}

function checkPeriod(from: string, to: string) {
  if (!isCalendarDate(from) || !isCalendarDate(to))
    throw badRequest('not a calendar date', [{ field: 'periodFrom', message: 'YYYY-MM-DD' }]);
  if (from > to)
    throw badRequest('the period ends before it starts', [{ field: 'periodTo', message: 'before periodFrom' }]);
}

/** Reviewers must exist, be active, hold qa.review and sit in the caller's scope. */
async function checkReviewers(conn: Conn, actor: Actor, ids: readonly string[]): Promise<Person[]> {
  const found = new Map((await repo.findPeople(conn, ids)).map((p) => [p.id, p]));
  const problems = [...new Set(ids)].flatMap((id) => {
    const p = found.get(id);
    if (!p) return [{ field: 'reviewerIds', message: `unknown person ${id}` }];
    if (p.status === 'left') return [{ field: 'reviewerIds', message: `${p.name} has left` }];
    if (!roleCan(p.role, 'qa.review'))
      return [{ field: 'reviewerIds', message: `${p.name} (${p.role}) may not review` }];
    if (!inScope(readScope(actor), placementOf(p)))
      return [{ field: 'reviewerIds', message: `${p.name} is outside your scope` }];
    return [];
  });
  if (problems.length) throw badRequest('some reviewers cannot review', problems);
  return [...new Set(ids)].map((id) => found.get(id)!);
}

/**
 * Draws the period's sample over the agents in the caller's scope (narrowed by body.scope):
 * complaint rate = the agent's conversations categorised `complaint` ÷ their conversations in
 * the period (null when none carry a category); new hires by the organisation's new_hire_days.
 */
async function draw(conn: Conn, actor: Actor, body: SampleCreate): Promise<Draw> {
  checkPeriod(body.periodFrom, body.periodTo);
  const card = await scorecardForUse(conn, body.scorecardId, body.scorecardVersion);
  await checkReviewers(conn, actor, body.reviewerIds);
  const rules = rulesOf(await getSamplingRules(conn));
  const rows = await repo.periodConversations(conn, body.periodFrom, body.periodTo);
  const people = new Map(
    (await repo.findPeople(conn, [...new Set(rows.map((r) => r.agent_id!))])).map((p) => [p.id, p]),
  );
  const scope = readScope(actor);
  const { departmentIds, groupIds } = body.scope;
  const narrowed = departmentIds.length > 0 || groupIds.length > 0;
  const included = (p: Person | undefined): p is Person =>
    p !== undefined &&
    inScope(scope, placementOf(p)) &&
    (!narrowed || departmentIds.includes(p.department_id ?? '') || groupIds.includes(p.group_id ?? ''));

  const conversations: SampleConversation[] = [];
  const tally = new Map<string, { n: number; categorised: number; complaints: number }>();
  for (const r of rows) {
    const p = people.get(r.agent_id!);
    if (!included(p)) continue;
    const fact = conversationCodec.decode(r.data);
    conversations.push({ conversationId: r.conversation_id, agentId: p.id, day: r.day, shopId: fact.shopId });
    const t = tally.get(p.id) ?? { n: 0, categorised: 0, complaints: 0 };
    t.n += 1;
    if (r.category !== null) t.categorised += 1;
    if (r.category === 'complaint') t.complaints += 1;
    tally.set(p.id, t);
  }
  const complaintRate = (id: string) => {
    const t = tally.get(id)!;
    return t.categorised === 0 ? null : t.complaints / t.n;
  };
  const agents: SampleAgent[] = [...tally.keys()].map((id) => ({
    agentId: id,
    hireDate: people.get(id)!.hire_date,
    complaintRate: complaintRate(id),
  }));
  const { newHireDays } = await getSettings(conn);
  const period = { from: body.periodFrom, to: body.periodTo };
  const sample = drawSample({ period, conversations, agents, rules, newHireDays });
  const reviewerOf = guard(() => assignRoundRobin(sample.conversations, body.reviewerIds, sample.seed));
  return {
    scorecard: { id: card.id, version: card.version },
    rules,
    preview: {
      seed: sample.seed,
      periodFrom: body.periodFrom,
      periodTo: body.periodTo,
      agents: sample.agents.map((a) => ({
        ...a,
        agentName: people.get(a.agentId)!.name,
        complaintRate: complaintRate(a.agentId),
      })),
      conversations: sample.conversations.map((c) => ({ ...c, reviewerId: reviewerOf.get(c.conversationId)! })),
    },
  };
}

/** The sample a period would get, without saving it (the same draw `createSample` saves). */
export async function previewSample(conn: Conn, actor: Actor, body: SampleCreate): Promise<SamplePreview> {
  return (await draw(conn, actor, body)).preview;
}

/**
 * Draws and saves a period's sample and puts each conversation in its reviewer's queue.
 * 400 when nothing is there to sample; 409 when some of the conversations are already sampled.
 */
export async function createSample(conn: Conn, actor: Actor, body: SampleCreate): Promise<SampleOut> {
  const { preview, scorecard, rules } = await draw(conn, actor, body);
  if (preview.conversations.length === 0) {
    throw badRequest('no conversations to sample in this period and scope', [
      { field: 'periodFrom', message: 'nothing to sample' },
    ]);
  }
  const taken = await repo.alreadyAssigned(
    conn,
    preview.conversations.map((c) => c.conversationId),
  );
  if (taken.length > 0) {
    throw new HttpError(
      409,
      'already_sampled',
      `${taken.length} of these conversations are already in a sample (e.g. ${taken[0]}); narrow the scope`,
    );
  }
  const now = nowIso();
  const row: repo.SampleRow = {
    id: newId(),
    period_from: body.periodFrom,
    period_to: body.periodTo,
    scope: JSON.stringify(body.scope),
    seed: preview.seed,
    rules: JSON.stringify(rules),
    scorecard_id: scorecard.id,
    scorecard_version: scorecard.version,
    summary: JSON.stringify(preview.agents),
    created_at: now,
    created_by: actor.id,
  };
  await repo.insertSample(conn, row);
  await repo.insertAssignments(
    conn,
    preview.conversations.map((c) => ({
      id: newId(),
      sample_id: row.id,
      conversation_id: c.conversationId,
      agent_id: c.agentId,
      day: c.day,
      shop_id: c.shopId,
      reason: c.reason,
      reviewer_id: c.reviewerId,
      status: 'open',
      assigned_at: now,
      done_at: null,
    })),
  );
  const perReviewer = Object.fromEntries(
    body.reviewerIds.map((id) => [id, preview.conversations.filter((c) => c.reviewerId === id).length]),
  );
  await record(conn, actor, 'qa.sample_create', 'qa_sample', row.id, null, {
    period: [body.periodFrom, body.periodTo],
    seed: preview.seed,
    scope: body.scope,
    scorecard,
    rules,
    sampled: preview.conversations.length,
    perReviewer,
  });
  return presentSample(conn, actor, row, await repo.assignmentsOfSample(conn, row.id));
}

async function presentSample(
  conn: Conn,
  actor: Actor,
  s: repo.SampleRow,
  assignments: repo.AssignmentRow[],
): Promise<SampleOut> {
  const summary = JSON.parse(s.summary) as AgentSummary[];
  const people = new Map(
    (
      await repo.findPeople(
        conn,
        summary.map((a) => a.agentId),
      )
    ).map((p) => [p.id, p]),
  );
  const scope = readScope(actor);
  const reviewers = new Map<string, { assigned: number; done: number }>();
  for (const a of assignments) {
    const r = reviewers.get(a.reviewer_id) ?? { assigned: 0, done: 0 };
    r.assigned += 1;
    if (a.status === 'done') r.done += 1;
    reviewers.set(a.reviewer_id, r);
  }
  return {
    id: s.id,
    periodFrom: s.period_from,
    periodTo: s.period_to,
    seed: s.seed,
    scope: JSON.parse(s.scope) as SampleOut['scope'],
    rules: JSON.parse(s.rules) as SampleOut['rules'],
    scorecardId: s.scorecard_id,
    scorecardVersion: s.scorecard_version,
    agents: summary.filter((a) => {
      const p = people.get(a.agentId);
      return p !== undefined && inScope(scope, placementOf(p));
    }),
    reviewers: [...reviewers].map(([reviewerId, r]) => ({ reviewerId, ...r })),
    createdAt: s.created_at,
    createdBy: s.created_by,
  };
}

/** Every sample, with the per-agent figures of the agents in the caller's scope. */
export async function listSamples(conn: Conn, actor: Actor): Promise<SampleOut[]> {
  const out: SampleOut[] = [];
  for (const s of await repo.listSamples(conn))
    out.push(await presentSample(conn, actor, s, await repo.assignmentsOfSample(conn, s.id)));
  return out;
}

/** Assignments as listed: with the agent's name and the sample's scorecard version. */
export async function presentAssignments(conn: Conn, rows: repo.AssignmentRow[]): Promise<AssignmentOut[]> {
  const names = new Map(
    (await repo.findPeople(conn, [...new Set(rows.map((r) => r.agent_id))])).map((p) => [p.id, p.name]),
  );
  const samples = new Map<string, repo.SampleRow>();
  for (const id of new Set(rows.map((r) => r.sample_id))) samples.set(id, (await repo.findSample(conn, id))!);
  return rows.map((a) => ({
    id: a.id,
    sampleId: a.sample_id,
    conversationId: a.conversation_id,
    agentId: a.agent_id,
    agentName: names.get(a.agent_id) ?? a.agent_id,
    day: a.day,
    shopId: a.shop_id,
    reason: a.reason as SampleReason,
    reviewerId: a.reviewer_id,
    status: a.status as 'open' | 'done',
    assignedAt: a.assigned_at,
    doneAt: a.done_at,
    scorecardId: samples.get(a.sample_id)!.scorecard_id,
    scorecardVersion: samples.get(a.sample_id)!.scorecard_version,
  }));
}

/** A sample with the assignments the caller may see: their own, or those of agents in their scope. */
export async function getSample(conn: Conn, actor: Actor, id: string): Promise<SampleDetail> {
  const s = await repo.findSample(conn, id);
  if (!s) throw notFound('sample');
  const all = await repo.assignmentsOfSample(conn, id);
  const people = new Map((await repo.findPeople(conn, [...new Set(all.map((a) => a.agent_id))])).map((p) => [p.id, p]));
  const scope = readScope(actor);
  const visible = all.filter((a) => a.reviewer_id === actor.id || inScope(scope, placementOf(people.get(a.agent_id)!)));
  return { ...(await presentSample(conn, actor, s, all)), assignments: await presentAssignments(conn, visible) };
}
