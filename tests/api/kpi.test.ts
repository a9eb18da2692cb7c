/** KPI and import routes through the real HTTP server: scope per role, live records, chat content. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/databases.ts';
import { buildMessageRecord, buildSmallOrg, type SmallOrg } from '../support/factories.ts';
import { clientFor, startServer, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
let org: SmallOrg;

const msg = buildMessageRecord;

beforeAll(async () => {
  db = (await createTestDb('sqlite'))!;
  org = await buildSmallOrg(db);
  server = await startServer(db);
  const admin = await clientFor(server, 'admin');
  const res = await admin.send('POST', '/api/import/records', {
    type: 'messages',
    records: [
      msg('a1', 'c-a1', 'customer', '', '09:00:00', '在吗'),
      msg('a2', 'c-a1', 'agent', 'agentA1', '09:00:15', '在的亲，电话13812345678'),
      msg('b1', 'c-b1', 'customer', '', '09:30:00', '退货'),
      msg('b2', 'c-b1', 'agent', 'agentB1', '09:31:00', '好的'),
    ],
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await server.close();
  await db.dispose();
});

const Q = 'from=2026-11-11&to=2026-11-11';

describe('KPI scope', () => {
  it('gives an agent only their own row', async () => {
    const c = await clientFor(server, 'agentA1');
    const body = await (await c.get(`/api/kpi?${Q}&by=agent`)).json();
    expect(body.rows.map((r: { agent_id: string }) => r.agent_id)).toEqual([org.people.agentA1]);
    expect(body.rows[0]).toMatchObject({ first_response_avg_s: 15, served_customers: 1 });
  });

  it('gives a lead their group only, and refuses a shop breakdown', async () => {
    const c = await clientFor(server, 'leadA');
    const body = await (await c.get(`/api/kpi?${Q}&by=agent`)).json();
    expect(body.rows.map((r: { agent_id: string }) => r.agent_id)).toEqual([org.people.agentA1]);
    expect((await c.get(`/api/kpi?${Q}&by=shop`)).status).toBe(403);
  });

  it('lets a manager break down by shop and export CSV', async () => {
    const c = await clientFor(server, 'manager');
    const body = await (await c.get(`/api/kpi?${Q}&by=shop`)).json();
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ name: '云裳旗舰店', consult_customers: 2, served_customers: 2 });
    const csv = await c.get(`/api/kpi?${Q}&by=agent&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel opens the Chinese names right
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^key,name,period_key,agent_id,group_id,first_response_avg_s/);
  });

  it('refuses the drill-down into another group’s agent', async () => {
    const c = await clientFor(server, 'leadA');
    expect((await c.get(`/api/kpi/rounds?${Q}&agentId=${org.people.agentB1}`)).status).toBe(403);
    const own = await (await c.get(`/api/kpi/rounds?${Q}&agentId=${org.people.agentA1}`)).json();
    expect(own.total).toBe(1);
    expect(own.rounds[0]).toMatchObject({ durationS: 15, isFirst: true, agentName: 'agentA1' });
    expect(own.rounds[0].explanation).toMatch(/计入/);
  });
});

describe('conversations', () => {
  it('masks phone numbers for a lead and shows them to a supervisor', async () => {
    const lead = await clientFor(server, 'leadA');
    const seen = await (await lead.get('/api/conversations/c-a1')).json();
    expect(seen.messages[1].text).toBe('在的亲，电话138****5678');
    const sup = await clientFor(server, 'supervisor');
    expect((await (await sup.get('/api/conversations/c-a1')).json()).messages[1].text).toContain('13812345678');
  });

  it('keeps chat content from HR and from other groups', async () => {
    expect((await (await clientFor(server, 'hr')).get('/api/conversations/c-a1')).status).toBe(403);
    expect((await (await clientFor(server, 'agentB1')).get('/api/conversations/c-a1')).status).toBe(403);
  });
});

describe('live records', () => {
  it('rejects a batch whole, naming the record and field', async () => {
    const admin = await clientFor(server, 'admin');
    const res = await admin.send('POST', '/api/import/records', {
      type: 'messages',
      records: [msg('z1', 'c-z', 'customer', '', '11:00:00', 'hi'), msg('z2', 'c-z', 'agent', 'nobody', '11:00:05', 'hello')],
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.message).toMatch(/^record 2: agent_id: unknown agent "nobody"/);
    expect(body.details).toEqual([{ row: 2, field: 'agent_id', message: 'unknown agent "nobody"' }]);
    const count = await db.kysely.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).where('conversation_id', '=', 'c-z').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses imports from agents', async () => {
    const agent = await clientFor(server, 'agentA1');
    expect((await agent.send('POST', '/api/import/records', { type: 'messages', records: [msg('y1', 'c-y', 'customer', '', '11:00:00', 'hi')] })).status).toBe(403);
  });

  it('imports an uploaded file as a background job with progress and outcome', async () => {
    const admin = await clientFor(server, 'admin');
    const csv = 'order_id,shop_id,customer_id,created_at,paid_at,amount,refund_amount,refunded_at\no-9,云裳旗舰店,cust-c-a1,2026-11-11T10:00:00+08:00,2026-11-11T10:01:00+08:00,88.50,0,\n';
    const started = await admin.upload('/api/import', 'orders.csv', csv);
    expect(started.status).toBe(202);
    const { jobId } = await started.json();
    let job;
    for (let i = 0; i < 50; i++) {
      job = await (await admin.get(`/api/import/jobs/${jobId}`)).json();
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: 'done', summary: { type: 'orders', inserted: 1 } });
    expect((await (await clientFor(server, 'manager')).get(`/api/import/jobs/${jobId}`)).status).toBe(403);
  });
});

describe('metric settings', () => {
  it('saves a change at once, recomputes every KPI in the background, and shows the new figures when done', async () => {
    const admin = await clientFor(server, 'admin');
    const before = await (await admin.get(`/api/kpi?${Q}&by=agent`)).json();
    const a1 = (rows: { agent_id: string; slow_rounds: number }[]) => rows.find((r) => r.agent_id === org.people.agentA1)!;
    expect(a1(before.rows)).toMatchObject({ first_response_avg_s: 15, slow_rounds: 0 });

    // agentA1 answered in 15 s: with a 10 s slow threshold that round becomes slow
    const saved = await admin.send('PUT', '/api/kpi/settings', { slowThresholdS: 10 });
    expect(saved.status).toBe(200);
    const body = await saved.json();
    expect(body.slowThresholdS).toBe(10);
    expect(['running', 'done']).toContain(body.recompute.status);

    let state = body.recompute;
    for (let i = 0; i < 100 && state.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = await (await admin.get('/api/kpi/recompute')).json();
    }
    expect(state).toMatchObject({ status: 'done', done: 2, total: 2, error: null });
    const after = await (await admin.get(`/api/kpi?${Q}&by=agent`)).json();
    expect(a1(after.rows)).toMatchObject({ first_response_avg_s: 15, slow_rounds: 1 });

    const agent = await clientFor(server, 'agentA1');
    expect((await agent.send('PUT', '/api/kpi/settings', { slowThresholdS: 20 })).status).toBe(403);
    await admin.send('PUT', '/api/kpi/settings', { slowThresholdS: 100 });
  });
});
