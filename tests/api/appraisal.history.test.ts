/**
 * What stands behind results, over HTTP: an agent's own result is withheld until calibration
 * (403 not_released for one, an empty list), the appeal inbox is for calibrators and filters by
 * status, the values and history routes are scoped like results, the cycle list carries what is
 * missing, and a lead sees every survey customer masked (not only phone numbers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppraisalServer } from '../support/appraisal.ts';
import type { TestDb } from '../support/databases.ts';
import type { SmallOrg } from '../support/factories.ts';
import { clientFor, type Client, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
let org: SmallOrg;
let cycleId: string;
let manager: Client;
let supervisor: Client;
let lead: Client;
let agent: Client;

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as unknown });
const path = (rest: string) => `/api/appraisal/cycles/${cycleId}${rest}`;
const step = async (to: string) => expect((await manager.send('POST', path('/state'), { to })).status).toBe(200);

beforeAll(async () => {
  ({ db, org, server } = await startAppraisalServer());
  [manager, supervisor, lead, agent] = await Promise.all(
    ['manager', 'supervisor', 'leadA', 'agentA1'].map((login) => clientFor(server, login)),
  );
  const created = await manager.send('POST', '/api/appraisal/cycles', {
    name: '2026-11 售前一组',
    kind: 'monthly',
    periodFrom: '2026-11-01',
    periodTo: '2026-11-30',
    scope: { groupIds: [org.groups.presale] },
    schemeId: 'default',
    schemeVersion: 1,
  });
  cycleId = ((await created.json()) as { id: string }).id;
  await step('collecting');
  for (const [login, v] of [
    ['agentA1', 0.61],
    ['agentA2', 0.7],
  ] as const) {
    const res = await supervisor.send('POST', path('/values'), {
      personId: org.people[login],
      itemId: 'utilisation',
      value: v,
    });
    expect(res.status).toBe(200);
  }
  await step('reviewing');
});
afterAll(async () => {
  await server.close();
  await db.dispose();
});

describe('results before calibration', () => {
  it('withholds an agent’s own result, values and history until calibration, not a lead’s view', async () => {
    const own = await json(await agent.get(path(`/results/${org.people.agentA1}`)));
    expect([own.status, (own.body as { error: string }).error]).toEqual([403, 'not_released']);
    expect(await (await agent.get(path('/results'))).json()).toEqual([]);
    expect((await agent.get(path(`/values/${org.people.agentA1}`))).status).toBe(403);
    expect((await agent.get(path(`/results/${org.people.agentA1}/history`))).status).toBe(403);
    const forLead = (await (await lead.get(path('/results'))).json()) as { personId: string }[];
    expect(forLead).toHaveLength(2);
    const values = await json(await lead.get(path(`/values/${org.people.agentA1}`)));
    expect(values).toMatchObject({
      status: 200,
      body: [{ itemId: 'utilisation', value: 0.61, enteredByName: 'supervisor' }],
    });
  });

  it('lists the cycle with what it is missing before calibration (nothing: ready)', async () => {
    const [c] = (await (await lead.get('/api/appraisal/cycles')).json()) as { next: unknown }[];
    expect(c.next).toEqual({ state: 'calibration', missing: [] });
  });
});

describe('after calibration', () => {
  it('shows the agent their result and the history of the calibration and the appeal', async () => {
    await step('calibration');
    const res = await supervisor.send('POST', path(`/results/${org.people.agentA1}/calibrate`), {
      total: 80,
      reason: '大促支援',
    });
    expect(res.status).toBe(200);
    expect((await agent.get(path(`/results/${org.people.agentA1}`))).status).toBe(200);
    expect(
      (await agent.send('POST', path(`/results/${org.people.agentA1}/appeal`), { reason: '电话渠道未统计' })).status,
    ).toBe(200);
    const history = await json(await agent.get(path(`/results/${org.people.agentA1}/history`)));
    expect(history).toMatchObject({
      status: 200,
      body: [
        { kind: 'calibrated', total: 80, grade: 'B', text: '大促支援', actorName: 'supervisor' },
        { kind: 'appealed', text: '电话渠道未统计', actorName: 'agentA1' },
      ],
    });
    expect((await agent.get(path(`/results/${org.people.agentA2}/history`))).status).toBe(403);
    expect((await lead.get(path(`/results/nobody/history`))).status).toBe(400);
  });

  it('gives calibrators the appeal inbox in one request, by status', async () => {
    expect((await lead.get('/api/appraisal/appeals')).status).toBe(403);
    expect((await agent.get('/api/appraisal/appeals')).status).toBe(403);
    expect((await supervisor.get('/api/appraisal/appeals?status=closed')).status).toBe(400);
    const open = await json(await supervisor.get('/api/appraisal/appeals?status=open'));
    expect(open).toMatchObject({
      status: 200,
      body: [
        { cycleId, personId: org.people.agentA1, cycleState: 'calibration', finalTotal: 80, appeal: { answer: null } },
      ],
    });
    expect(await (await supervisor.get('/api/appraisal/appeals?status=answered')).json()).toEqual([]);
    const other = await clientFor(server, 'supervisor2');
    expect(await (await other.get('/api/appraisal/appeals')).json()).toEqual([]);
  });

  it('masks every customer id on the survey list for a lead, phone or not', async () => {
    const survey = (await (await lead.get(path('/survey'))).json()) as {
      agents: { customers: { customerId: string }[] }[];
    };
    expect(survey.agents.map((a) => a.customers.map((c) => c.customerId))).toEqual([['cu*****a1'], ['cu*****a2']]);
    const raw = (await (await supervisor.get(path('/survey'))).json()) as typeof survey;
    expect(raw.agents[0].customers[0].customerId).toBe('cust-c-a1');
  });
});
