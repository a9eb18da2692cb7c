/**
 * Quality-inspection routes through the real HTTP server: who may draw samples, review, read,
 * dispute and decide; agents see their own reviews only; HR reads scores but no chat text.
 * One conversation each for agentA1, agentA2 and agentB1 on 2026-11-11 → every one sampled
 * (at least one per agent), all dealt to leadB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORECARD } from '../../domain/qa/defaults.ts';
import { buildRatings } from '../../domain/qa/factories.ts';
import { createTestDb, type TestDb } from '../support/databases.ts';
import { buildMessageRecord, buildSmallOrg, type SmallOrg } from '../support/factories.ts';
import { clientFor, startServer, type Client, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
let org: SmallOrg;
let manager: Client;
let leadB: Client;
let reviewId: string;
const assignmentOf: Record<string, string> = {};

const msg = buildMessageRecord;
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });
const DAY = { periodFrom: '2026-11-11', periodTo: '2026-11-11' };

beforeAll(async () => {
  db = (await createTestDb('sqlite'))!;
  org = await buildSmallOrg(db);
  server = await startServer(db);
  const admin = await clientFor(server, 'admin');
  const imported = await admin.send('POST', '/api/import/records', {
    type: 'messages',
    records: [
      msg('a1', 'c-a1', 'customer', '', '09:00:00', '我的手机号是13812345678，帮我改地址'),
      msg('a2', 'c-a1', 'agent', 'agentA1', '09:00:15', '好的亲，已为您修改'),
      msg('b1', 'c-a2', 'customer', '', '09:30:00'),
      msg('b2', 'c-a2', 'agent', 'agentA2', '09:30:40'),
      msg('d1', 'c-b1', 'customer', '', '10:00:00'),
      msg('d2', 'c-b1', 'agent', 'agentB1', '10:00:30'),
    ],
  });
  expect(imported.status).toBe(200);
  manager = await clientFor(server, 'manager');
  leadB = await clientFor(server, 'leadB');
});
afterAll(async () => {
  await server.close();
  await db.dispose();
});

describe('samples', () => {
  it('are drawn by QA managers only', async () => {
    const body = { ...DAY, reviewerIds: [org.people.leadB] };
    for (const login of ['agentA1', 'leadA', 'hr']) {
      expect((await (await clientFor(server, login)).send('POST', '/api/qa/samples', body)).status).toBe(403);
    }
    const created = await json(await manager.send('POST', '/api/qa/samples', body));
    expect(created.status).toBe(201);
    expect(created.body.reviewers).toEqual([{ reviewerId: org.people.leadB, assigned: 3, done: 0 }]);
  });

  it('refuse a reviewer whose role may not review', async () => {
    const bad = await json(
      await manager.send('POST', '/api/qa/samples/preview', { ...DAY, reviewerIds: [org.people.agentA2] }),
    );
    expect([bad.status, bad.body.error]).toEqual([400, 'bad_request']);
  });

  it('land in the reviewer’s queue', async () => {
    const queue = (await (await leadB.get('/api/qa/queue')).json()) as { id: string; agentId: string }[];
    expect(queue).toHaveLength(3);
    for (const a of queue) assignmentOf[a.agentId] = a.id;
    const other = await clientFor(server, 'leadA');
    expect((await other.get(`/api/qa/assignments/${assignmentOf[org.people.agentA1]}`)).status).toBe(403);
    const mine = await json(await leadB.get(`/api/qa/assignments/${assignmentOf[org.people.agentA1]}`));
    expect([mine.status, (mine.body.scorecard as { id: string }).id]).toEqual([200, 'default']);
  });
});

describe('reviews', () => {
  it('are written by the assigned reviewer only', async () => {
    const ratings = buildRatings(DEFAULT_SCORECARD, { correct_first_time: 3 });
    const path = `/api/qa/assignments/${assignmentOf[org.people.agentA1]}/review`;
    const supervisor = await clientFor(server, 'supervisor');
    expect((await supervisor.send('POST', path, { ratings })).status).toBe(403);
    const agent = await clientFor(server, 'agentA1');
    expect((await agent.send('POST', path, { ratings })).status).toBe(403);
    const res = await json(
      await leadB.send('POST', path, {
        ratings,
        comments: { correct_first_time: '改地址前未核对订单' },
        coachingNote: '先核对订单再操作',
      }),
    );
    // correct first time 3 of 5 loses 15 × 0.4 = 6
    expect([res.status, res.body.score]).toEqual([201, 94]);
    reviewId = res.body.id as string;
  });

  it('show an agent their own review and never another agent’s', async () => {
    const own = await clientFor(server, 'agentA1');
    const mine = await json(await own.get(`/api/qa/reviews/${reviewId}`));
    expect([mine.status, mine.body.comments, mine.body.coachingNote]).toEqual([
      200,
      { correct_first_time: '改地址前未核对订单' },
      '先核对订单再操作',
    ]);
    const other = await clientFor(server, 'agentA2');
    expect((await other.get(`/api/qa/reviews/${reviewId}`)).status).toBe(403);
    expect(await (await other.get('/api/qa/reviews')).json()).toEqual([]);
    expect((await other.get('/api/qa/conversations/c-a1')).status).toBe(403);
    // agentA2 sees only their own line (their inspected conversations, no review), never agentA1's
    const scores = (await (await other.get('/api/qa/scores?from=2026-11-01&to=2026-11-30')).json()) as { personId: string; reviews: number }[];
    expect(scores.map((s) => [s.personId, s.reviews])).toEqual(scores.length ? [[org.people.agentA2, 0]] : []);
    const ownScores = (await (await own.get('/api/qa/scores?from=2026-11-01&to=2026-11-30')).json()) as unknown[];
    expect(ownScores).toEqual([
      { personId: org.people.agentA1, name: 'agentA1', score: 94, reviews: 1, inspection: expect.objectContaining({ conversations: expect.any(Number) }) },
    ]);
  });

  it('give HR the scores but no chat text', async () => {
    const hr = await clientFor(server, 'hr');
    const seen = await json(await hr.get(`/api/qa/reviews/${reviewId}`));
    expect([seen.status, seen.body.score, seen.body.comments, seen.body.coachingNote]).toEqual([200, 94, null, null]);
    expect((await hr.get('/api/qa/conversations/c-a1')).status).toBe(403);
    const list = (await (await hr.get('/api/qa/reviews')).json()) as { comments: unknown }[];
    expect(list.length).toBe(1);
    expect(list[0].comments).toBeNull();
  });

  it('let the reviewer and the agent read the conversation, customer phone numbers masked', async () => {
    for (const login of ['leadB', 'agentA1']) {
      const c = await json(await (await clientFor(server, login)).get('/api/qa/conversations/c-a1'));
      expect(c.status).toBe(200);
      expect((c.body.messages as { text: string }[])[0].text).toBe('我的手机号是138****5678，帮我改地址');
    }
    const leadA = await clientFor(server, 'leadA');
    expect((await leadA.get('/api/qa/conversations/c-b1')).status).toBe(403);
  });
});

describe('disputes', () => {
  let disputeId: string;

  it('are opened by the agent reviewed only', async () => {
    const other = await clientFor(server, 'agentA2');
    expect((await other.send('POST', `/api/qa/reviews/${reviewId}/dispute`, { reason: '替他申诉' })).status).toBe(403);
    const agent = await clientFor(server, 'agentA1');
    expect((await agent.send('POST', `/api/qa/reviews/${reviewId}/dispute`, { reason: '' })).status).toBe(400);
    const res = await json(
      await agent.send('POST', `/api/qa/reviews/${reviewId}/dispute`, { reason: '客户已在订单备注里确认过地址' }),
    );
    expect([res.status, res.body.status]).toEqual([200, 'disputed']);
    disputeId = (res.body.dispute as { id: string }).id;
  });

  it('cannot be decided by the reviewer who wrote the review', async () => {
    const listed = (await (await leadB.get('/api/qa/disputes')).json()) as { id: string; canDecide: boolean }[];
    expect(listed.map((d) => [d.id, d.canDecide])).toEqual([[disputeId, false]]);
    const res = await json(
      await leadB.send('POST', `/api/qa/disputes/${disputeId}/decide`, { outcome: 'upheld', note: '维持' }),
    );
    expect([res.status, res.body.message]).toEqual([
      403,
      'a second reviewer decides a dispute, not the one who wrote the review',
    ]);
    const agent = await clientFor(server, 'agentA1');
    expect(
      (await agent.send('POST', `/api/qa/disputes/${disputeId}/decide`, { outcome: 'upheld', note: '维持' })).status,
    ).toBe(403);
  });

  it('are decided by a second reviewer in scope', async () => {
    const supervisor = await clientFor(server, 'supervisor');
    const listed = (await (await supervisor.get('/api/qa/disputes')).json()) as { canDecide: boolean }[];
    expect(listed.map((d) => d.canDecide)).toEqual([true]);
    const noRatings = await supervisor.send('POST', `/api/qa/disputes/${disputeId}/decide`, {
      outcome: 'revised',
      note: '改判',
    });
    expect(noRatings.status).toBe(400);
    const res = await json(
      await supervisor.send('POST', `/api/qa/disputes/${disputeId}/decide`, {
        outcome: 'revised',
        ratings: buildRatings(DEFAULT_SCORECARD),
        note: '客户已确认地址，不扣分',
      }),
    );
    expect([res.status, res.body.score, res.body.finalScore, res.body.status]).toEqual([200, 94, 100, 'revised']);
  });
});

describe('calibration over HTTP', () => {
  it('hides the report until the owner closes the session', async () => {
    const created = await json(
      await manager.send('POST', '/api/qa/calibrations', {
        name: '周校准',
        conversationIds: ['c-a1'],
        reviewerIds: [org.people.leadA, org.people.leadB],
      }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const leadA = await clientFor(server, 'leadA');
    const put = (c: Client, over: Record<string, number | null> = {}) =>
      c.send('PUT', `/api/qa/calibrations/${id}/scores`, {
        conversationId: 'c-a1',
        ratings: buildRatings(DEFAULT_SCORECARD, over),
      });
    expect((await put(leadA)).status).toBe(200);
    const b = await json(await put(leadB, { standard_closing: 1 }));
    expect((b.body.scores as unknown[]).length).toBe(1);
    expect((await leadA.get(`/api/qa/calibrations/${id}/report`)).status).toBe(409);
    expect((await leadA.send('POST', `/api/qa/calibrations/${id}/close`)).status).toBe(403);
    expect((await manager.send('POST', `/api/qa/calibrations/${id}/close`)).status).toBe(200);
    const report = await json(await leadA.get(`/api/qa/calibrations/${id}/report`));
    // closing 1 against the median 1.5 on a 0–2 item: each loses 0.5 of 28
    expect(report.status).toBe(200);
    expect((report.body.overall as { alignment: number }).alignment).toBeCloseTo(27.5 / 28, 10);
    const agent = await clientFor(server, 'agentA1');
    expect((await agent.get(`/api/qa/calibrations/${id}/report`)).status).toBe(403);
  });
});

describe('scorecards and rules over HTTP', () => {
  const content = { name: DEFAULT_SCORECARD.name, categories: DEFAULT_SCORECARD.categories, maxScore: 100 };

  it('are read by everyone signed in and changed by QA managers, an edit saving a new version', async () => {
    const agent = await clientFor(server, 'agentA1');
    const list = (await (await agent.get('/api/qa/scorecards')).json()) as { id: string; version: number }[];
    expect(list.map((c) => `${c.id}@${c.version}`)).toEqual(['default@1']);
    expect((await agent.send('PUT', '/api/qa/scorecards/default', content)).status).toBe(403);
    expect((await leadB.send('POST', '/api/qa/scorecards', { ...content, id: 'presale' })).status).toBe(403);

    const created = await json(await manager.send('POST', '/api/qa/scorecards', { ...content, id: 'presale' }));
    expect([created.status, created.body.version]).toEqual([201, 1]);
    expect((await manager.send('POST', '/api/qa/scorecards', { ...content, id: 'presale' })).status).toBe(409);
    const edited = await json(await manager.send('PUT', '/api/qa/scorecards/presale', { ...content, maxScore: 105 }));
    expect([edited.status, edited.body.version, edited.body.maxScore]).toEqual([200, 2, 105]);
    const bad = await json(
      await manager.send('PUT', '/api/qa/scorecards/presale', { ...content, categories: [content.categories[0]] }),
    );
    expect([bad.status, bad.body.error]).toEqual([400, 'scorecard_invalid']);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'categories' })]);

    expect((await manager.send('DELETE', '/api/qa/scorecards/presale')).status).toBe(204);
    const retired = await json(
      await manager.send('POST', '/api/qa/samples/preview', {
        periodFrom: '2026-11-01',
        periodTo: '2026-11-30',
        scorecardId: 'presale',
        reviewerIds: [org.people.leadB],
      }),
    );
    expect([retired.status, retired.body.error]).toEqual([409, 'scorecard_retired']);
  });

  it('sampling rules: reviewers read them, QA managers change them with rates as fractions', async () => {
    const rules = await json(await leadB.get('/api/qa/sampling-rules'));
    expect(rules.body).toMatchObject({ baseRate: 0.3, newHireRate: 1, complaintRateThreshold: 0.05, updatedAt: null });
    expect((await leadB.send('PUT', '/api/qa/sampling-rules', { baseRate: 0.5 })).status).toBe(403);
    const bad = await json(await manager.send('PUT', '/api/qa/sampling-rules', { baseRate: 30 }));
    expect([bad.status, bad.body.error]).toEqual([400, 'rules_invalid']);
    const ok = await json(await manager.send('PUT', '/api/qa/sampling-rules', { baseRate: 0.5 }));
    expect([ok.status, ok.body.baseRate, ok.body.highComplaintRate, ok.body.updatedBy]).toEqual([
      200,
      0.5,
      1,
      org.people.manager,
    ]);
  });
});
