/**
 * The review routes through the real HTTP server: who may pick peer reviewers and answer, the
 * survey list masked per role and its CSV round trip, interview notes for the agent, proposal
 * decisions, cycle options, and errors that name the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/databases.ts';
import { buildMessageRecord, buildSmallOrg, type SmallOrg } from '../support/factories.ts';
import { clientFor, startServer, type Client, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
let org: SmallOrg;
let cycleId: string;
let manager: Client;
let supervisor: Client;
let lead: Client;

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });
const path = (rest: string) => `/api/appraisal/cycles/${cycleId}${rest}`;
const PHONES = ['13812345678', '13912345678', '13712345678'];

beforeAll(async () => {
  db = (await createTestDb('sqlite'))!;
  org = await buildSmallOrg(db);
  server = await startServer(db);
  const admin = await clientFor(server, 'admin');
  // agentA1 serves three customers known by their phone numbers, agentA2 one
  const records = PHONES.flatMap((phone, i) => [
    buildMessageRecord(`q${i}`, `c${i}`, 'customer', '', `09:0${i}:00`, '在吗', { customer_id: phone }),
    buildMessageRecord(`a${i}`, `c${i}`, 'agent', 'agentA1', `09:0${i}:20`, undefined, { customer_id: phone }),
  ]);
  records.push(
    buildMessageRecord('q9', 'c9', 'customer', '', '10:00:00'),
    buildMessageRecord('a9', 'c9', 'agent', 'agentA2', '10:00:30'),
  );
  expect((await admin.send('POST', '/api/import/records', { type: 'messages', records })).status).toBe(200);
  manager = await clientFor(server, 'manager');
  supervisor = await clientFor(server, 'supervisor');
  lead = await clientFor(server, 'leadA');
});
afterAll(async () => {
  await server.close();
  await db.dispose();
});

describe('cycle options', () => {
  const body = {
    name: '2026-11 售前一组',
    kind: 'monthly',
    periodFrom: '2026-11-01',
    periodTo: '2026-11-30',
    scope: { groupIds: [] as string[] },
    schemeId: 'default',
    schemeVersion: 1,
  };

  it('names the bad option field and keeps the defaults it was not given', async () => {
    body.scope.groupIds = [org.groups.presale];
    const bad = await json(
      await manager.send('POST', '/api/appraisal/cycles', {
        ...body,
        options: {
          teamAward: { poolCents: 100, targets: [] },
          bonus: { excess: { indicatorIds: ['nope'], percentPerPoint: 2, capPercent: 20 } },
        },
      }),
    );
    expect([bad.status, (bad.body.details as { field: string }[]).map((d) => d.field)]).toEqual([
      400,
      ['options.teamAward.targets'],
    ]);
    const unknownIndicator = await json(
      await manager.send('POST', '/api/appraisal/cycles', {
        ...body,
        options: { bonus: { excess: { indicatorIds: ['nope'], percentPerPoint: 2, capPercent: 20 } } },
      }),
    );
    expect(unknownIndicator.body.details).toEqual([
      { field: 'options.bonus.excess.indicatorIds', message: 'nope is not an indicator of the scheme' },
    ]);
    const created = await json(
      await manager.send('POST', '/api/appraisal/cycles', {
        ...body,
        options: { bonus: { baseCents: { junior: 90_000 } } },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body.options).toMatchObject({
      bonus: { baseCents: { junior: 90_000, senior: 120_000 } },
      teamAward: null,
    });
    cycleId = created.body.id as string;
  });
});

describe('peer reviews over HTTP', () => {
  it('lets the supervisor pick, the picked reviewer answer and nobody else', async () => {
    const agentA2 = await clientFor(server, 'agentA2');
    const put = (c: Client, reviewerIds: string[]) =>
      c.send('PUT', path(`/peers/${org.people.agentA1}`), { reviewerIds });
    expect((await put(agentA2, [org.people.agentB1])).status).toBe(403);
    const dup = await json(await put(supervisor, [org.people.agentA2, org.people.agentA2]));
    expect([dup.status, dup.body.error, (dup.body.details as { field: string }[])[0].field]).toEqual([
      400,
      'validation',
      'reviewerIds',
    ]);
    const picked = await json(await put(supervisor, [org.people.agentA2, org.people.leadB]));
    expect([picked.status, picked.body.submitted]).toEqual([200, 0]);
    expect((await manager.send('POST', path('/state'), { to: 'collecting' })).status).toBe(200);

    const mine = (await (await agentA2.get('/api/appraisal/peer-reviews/mine')).json()) as { personId: string }[];
    expect(mine.map((p) => p.personId)).toEqual([org.people.agentA1]);
    const outOfRange = await json(
      await agentA2.send('POST', path('/peer-reviews'), { personId: org.people.agentA1, value: 120 }),
    );
    expect([outOfRange.status, (outOfRange.body.details as { field: string }[])[0].field]).toEqual([400, 'value']);
    expect(
      (await agentA2.send('POST', path('/peer-reviews'), { personId: org.people.agentA1, value: 88 })).status,
    ).toBe(200);
    const b1 = await clientFor(server, 'agentB1');
    expect((await b1.send('POST', path('/peer-reviews'), { personId: org.people.agentA1, value: 10 })).status).toBe(
      403,
    );
    expect(await (await agentA2.get('/api/appraisal/peer-reviews/mine')).json()).toEqual([]);
    const list = (await (await lead.get(path('/peers'))).json()) as { personId: string; submitted: number }[];
    expect(list.map((a) => [a.personId, a.submitted])).toEqual([
      [org.people.agentA1, 1],
      [org.people.agentA2, 0],
    ]);
  });
});

describe('customer survey over HTTP', () => {
  it('masks the customer for a lead, not for a supervisor, and keeps it from agents', async () => {
    const agent = await clientFor(server, 'agentA1');
    expect((await agent.get(path('/survey'))).status).toBe(403);
    type Survey = { agents: { personId: string; served: number; customers: { ref: string; customerId: string }[] }[] };
    const forLead = (await (await lead.get(path('/survey'))).json()) as Survey;
    const forSupervisor = (await (await supervisor.get(path('/survey'))).json()) as Survey;
    expect(forLead.agents.map((a) => [a.served, a.customers.length])).toEqual([
      [3, 1],
      [1, 1],
    ]);
    const raw = forSupervisor.agents[0].customers[0];
    expect(PHONES).toContain(raw.customerId);
    expect(forLead.agents[0].customers[0]).toEqual({
      ...raw,
      customerId: `${raw.customerId.slice(0, 3)}****${raw.customerId.slice(-4)}`,
      answer: null,
    });
  });

  it('round-trips the sending list: fill the answers, import, and bad rows name their line', async () => {
    const csv = await (await lead.get(path('/survey.csv'))).text();
    const [header, ...rows] = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(header).toBe('login,name,ref,customer_id,satisfied,csat,comment');
    expect(rows[0]).toMatch(/^agentA1,agentA1,[0-9a-z]{11},\d{3}\*{4}\d{4},,,$/);
    const bad = [header, `${rows[0].slice(0, -3)},yes,2,`].join('\n');
    const refused = await json(await lead.upload(path('/survey/import'), 'survey.csv', bad));
    expect([refused.status, refused.body.details]).toEqual([
      400,
      [{ field: 'line 2.csat', message: 'a rating of 4–5 is satisfied, 1–3 is not' }],
    ]);
    const filled = [header, `${rows[0].slice(0, -3)},是,,电话回访`, rows[1]].join('\n');
    const ragged = await json(await lead.upload(path('/survey/import'), 'survey.csv', `${header}\nagentA1,x`));
    expect([ragged.status, (ragged.body.details as { field: string }[])[0].field]).toEqual([400, 'file']);
    const imported = await json(await lead.upload(path('/survey/import'), 'survey.csv', filled));
    expect([imported.status, imported.body]).toEqual([200, { answered: 1, skipped: 1 }]);
    const survey = (await (await supervisor.get(path('/survey'))).json()) as { agents: { value: number | null }[] };
    expect(survey.agents.map((a) => a.value)).toEqual([1, null]);
    const missing = await json(
      await lead.send('POST', path('/survey/answers'), { answers: [{ personId: org.people.agentA2, ref: 'x' }] }),
    );
    expect([missing.status, (missing.body.details as { field: string }[]).map((d) => d.field)]).toEqual([
      400,
      ['answers.0.satisfied'],
    ]);
  });
});

describe('interview notes and proposals over HTTP', () => {
  it('shows the agent their own interview note only', async () => {
    await supervisor.send('POST', path('/values'), {
      personId: org.people.agentA1,
      itemId: 'utilisation',
      value: 0.61,
    });
    await supervisor.send('POST', path('/values'), { personId: org.people.agentA2, itemId: 'utilisation', value: 0.7 });
    expect((await manager.send('POST', path('/state'), { to: 'reviewing' })).status).toBe(200);
    const note = { heldOn: '2026-12-02', summary: '接待量偏低，排班后复盘', actions: ['每日接待 ≥ 15 人'] };
    const agent = await clientFor(server, 'agentA1');
    expect((await agent.send('PUT', path(`/interviews/${org.people.agentA1}`), note)).status).toBe(403);
    const saved = await json(await lead.send('PUT', path(`/interviews/${org.people.agentA1}`), note));
    expect([saved.status, saved.body.actions, saved.body.recordedByName]).toEqual([200, note.actions, 'leadA']);
    expect((await json(await agent.get(path(`/interviews/${org.people.agentA1}`)))).body).toEqual(saved.body);
    const other = await clientFor(server, 'agentA2');
    expect((await other.get(path(`/interviews/${org.people.agentA1}`))).status).toBe(403);
    expect((await other.get(path(`/interviews/${org.people.agentA2}`))).status).toBe(404);
    expect(await (await other.get(path('/interviews'))).json()).toEqual([]);
  });

  it('lets a supervisor decide proposals and asks a reason to reject', async () => {
    expect((await lead.get(path('/proposals'))).status).toBe(403);
    const list = (await (await supervisor.get(path('/proposals'))).json()) as {
      id: string;
      kind: string;
      personId: string;
    }[];
    expect(list.length).toBeGreaterThan(0);
    const decision = (c: Client, id: string, body: unknown) => c.send('POST', path(`/proposals/${id}/decision`), body);
    expect((await decision(lead, list[0].id, { decision: 'reject', reason: '组长无权' })).status).toBe(403);
    const noReason = await json(await decision(supervisor, list[0].id, { decision: 'reject' }));
    expect([noReason.status, (noReason.body.details as { field: string }[])[0].field]).toEqual([400, 'reason']);
    const done = await json(await decision(supervisor, list[0].id, { decision: 'reject', reason: '人手不足，暂缓' }));
    expect([done.status, done.body.status, done.body.decisionReason]).toEqual([200, 'rejected', '人手不足，暂缓']);
  });
});
