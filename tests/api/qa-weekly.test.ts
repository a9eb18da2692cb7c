/**
 * The weekly QA report over HTTP (SPEC QA-6): who reads which scope, improvement actions for QA
 * managers only, and the XLSX with every section on its own sheet.
 * Four complaints on 2026-11-11 (2026-W46), one per agent:
 *   agentA1 快递一直不动 (logistics), agentA2 快递还没收到 (logistics) — 售前一组, leadA
 *   agentB1 衣服有破洞 (quality) — 售后一组, leadB; both groups in 客服部 (supervisor)
 *   agentOther 退款什么时候到账 (returns) — 直播客服部 (supervisor2)
 * All 4: logistics 50 %, quality 25 %, returns 25 % — all three above 20 %.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionOut, WeeklyOut } from '../../server/modules/qa/qa.weekly.schema.ts';
import { createTestDb, type TestDb } from '../support/databases.ts';
import { buildMessageRecord, buildSmallOrg, type SmallOrg } from '../support/factories.ts';
import { clientFor, startServer, type Client, type TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
let org: SmallOrg;
let manager: Client;
const WEEK = '/api/qa/weekly?week=2026-W46';

const msg = buildMessageRecord;
const reportOf = async (login: string) => {
  const res = await (await clientFor(server, login)).get(WEEK);
  return { status: res.status, body: (await res.json()) as WeeklyOut };
};
const shares = (r: WeeklyOut) =>
  Object.fromEntries(r.complaints.categories.filter((c) => c.count).map((c) => [c.category, c.count]));

beforeAll(async () => {
  db = (await createTestDb('sqlite'))!;
  org = await buildSmallOrg(db);
  server = await startServer(db);
  const admin = await clientFor(server, 'admin');
  const conv = (id: string, agent: string, at: string, text: string) => [
    msg(`${id}-q`, id, 'customer', '', at, text),
    msg(`${id}-a`, id, 'agent', agent, at.replace(':00:00', ':00:30'), '亲，非常抱歉'),
  ];
  const messages = await admin.send('POST', '/api/import/records', {
    type: 'messages',
    records: [
      ...conv('c-a1', 'agentA1', '09:00:00', '快递一直不动'),
      ...conv('c-a2', 'agentA2', '10:00:00', '快递还没收到'),
      ...conv('c-b1', 'agentB1', '11:00:00', '衣服有破洞'),
      ...conv('c-ot', 'agentOther', '12:00:00', '退款什么时候到账'),
    ],
  });
  expect(messages.status).toBe(200);
  const attrs = await admin.send('POST', '/api/import/records', {
    type: 'conversations',
    records: ['c-a1', 'c-a2', 'c-b1', 'c-ot'].map((id) => ({
      conversation_id: id,
      category: 'complaint',
      issue_key: '',
    })),
  });
  expect(attrs.status).toBe(200);
  manager = await clientFor(server, 'manager');
});
afterAll(async () => {
  await server.close();
  await db.dispose();
});

describe('the report', () => {
  it('is scoped by role: managers everything, supervisors their department, leads their group', async () => {
    const all = await reportOf('manager');
    expect([all.status, all.body.scope.kind, shares(all.body), all.body.complaints.flagged]).toEqual([
      200,
      'all',
      { logistics: 2, quality: 1, returns_refunds: 1 },
      ['logistics', 'quality', 'returns_refunds'],
    ]);
    expect(shares((await reportOf('supervisor')).body)).toEqual({ logistics: 2, quality: 1 });
    expect(shares((await reportOf('supervisor2')).body)).toEqual({ returns_refunds: 1 });
    expect(shares((await reportOf('leadA')).body)).toEqual({ logistics: 2 });
    expect(shares((await reportOf('leadB')).body)).toEqual({ quality: 1 });
  });

  it('is not for agents or HR, nor anyone signed out', async () => {
    expect((await (await clientFor(server, 'agentA1')).get(WEEK)).status).toBe(403);
    expect((await (await clientFor(server, 'hr')).get(WEEK)).status).toBe(403);
    expect((await (await clientFor(server, null)).get(WEEK)).status).toBe(401);
    expect((await (await clientFor(server, 'agentA1')).get(WEEK.replace('weekly', 'weekly.xlsx'))).status).toBe(403);
  });

  it('refuses a week that does not exist', async () => {
    expect((await manager.get('/api/qa/weekly?week=2025-W53')).status).toBe(400);
    expect((await manager.get('/api/qa/weekly?week=2026-11-11')).status).toBe(400);
  });
});

describe('improvement actions', () => {
  let action: ActionOut;

  it('are raised by QA managers only, with an owner in their scope', async () => {
    const body = {
      category: 'logistics',
      week: '2026-W46',
      description: '催促仓库按时发货',
      ownerId: org.people.leadA,
      dueDate: '2026-12-31',
    };
    expect((await (await clientFor(server, 'leadA')).send('POST', '/api/qa/weekly/actions', body)).status).toBe(403);
    const supervisor2 = await clientFor(server, 'supervisor2');
    const outside = await supervisor2.send('POST', '/api/qa/weekly/actions', body);
    expect([outside.status, ((await outside.json()) as { details: { field: string }[] }).details[0].field]).toEqual([
      400,
      'ownerId',
    ]);
    const early = await manager.send('POST', '/api/qa/weekly/actions', { ...body, dueDate: '2026-11-01' });
    expect(early.status).toBe(400);
    const created = await manager.send('POST', '/api/qa/weekly/actions', body);
    expect(created.status).toBe(201);
    action = (await created.json()) as ActionOut;
    expect([action.status, action.ownerName]).toEqual(['open', 'leadA']);
  });

  it('show in the report of the flagged week with its share, for the owner too', async () => {
    const lead = (await reportOf('leadA')).body;
    expect(lead.actions.map((a) => [a.id, a.baseline])).toEqual([[action.id, 0.5]]);
    expect(lead.complaints.categories.find((c) => c.category === 'logistics')?.actionIds).toEqual([action.id]);
    expect((await reportOf('leadB')).body.actions).toEqual([]);
  });

  it('are changed and closed by QA managers, audited', async () => {
    const moved = await manager.send('PUT', `/api/qa/weekly/actions/${action.id}`, { ownerId: org.people.leadB });
    expect([moved.status, ((await moved.json()) as ActionOut).ownerId]).toEqual([200, org.people.leadB]);
    const closed = await manager.send('POST', `/api/qa/weekly/actions/${action.id}/close`, { outcome: '已解决' });
    expect(((await closed.json()) as ActionOut).status).toBe('done');
    const again = await manager.send('PUT', `/api/qa/weekly/actions/${action.id}`, { description: '再改' });
    expect(again.status).toBe(409);
    const admin = await clientFor(server, 'admin');
    const audit = (await (await admin.get(`/api/audit?entity=qa_improvement_action&entityId=${action.id}`)).json()) as {
      action: string;
    }[];
    expect(audit.map((a) => a.action).sort()).toEqual(['qa.action_close', 'qa.action_create', 'qa.action_update']);
  });
});

describe('settings', () => {
  it('are read by reviewers and changed by QA managers', async () => {
    const lead = await clientFor(server, 'leadA');
    expect(await (await lead.get('/api/qa/weekly/settings')).json()).toEqual({
      flagShare: 0.2,
      topItems: 10,
      scoreTarget: 90,
    });
    expect((await lead.send('PUT', '/api/qa/weekly/settings', { flagShare: 0.3 })).status).toBe(403);
    expect((await manager.send('PUT', '/api/qa/weekly/settings', { flagShare: 1.5 })).status).toBe(400);
  });
});

describe('the XLSX', () => {
  it('has every section on its own sheet, Chinese headers over English ones', async () => {
    const res = await manager.get('/api/qa/weekly.xlsx?week=2026-W46');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('qa-weekly-2026-W46.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概览 Summary',
      '质检完成 Reviews',
      '小组得分 Group scores',
      '坐席得分 Agent scores',
      '失分项 Failure items',
      '自动质检 Findings',
      '投诉分类 Complaints',
      '改进措施 Actions',
      '改进效果 Effect',
    ]);
    const complaints = wb.getWorksheet('投诉分类 Complaints')!;
    const rows = complaints.getSheetValues().slice(1) as unknown[][];
    expect([rows[0][1], rows[1][1]]).toEqual(['分类', 'Category']);
    expect(rows.find((r) => String(r[1]).startsWith('物流'))?.slice(2)).toEqual([2, 0.5, '是 yes']);
    const actions = wb.getWorksheet('改进措施 Actions')!.getSheetValues().slice(3) as unknown[][];
    expect(actions.map((r) => r[3])).toEqual(['催促仓库按时发货']);
  });

  it('holds only the reader’s scope', async () => {
    const res = await (await clientFor(server, 'leadB')).get('/api/qa/weekly.xlsx?week=2026-W46');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const rows = wb.getWorksheet('投诉分类 Complaints')!.getSheetValues().slice(3) as unknown[][];
    expect(rows.filter((r) => Number(r[2]) > 0).map((r) => String(r[1]))).toEqual(['商品质量 Product quality']);
  });
});
