/** Appraisal routes through the real HTTP server: scope per role, calibration rights, the appeal flow, payroll. */
import ExcelJS from 'exceljs';
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

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });
const results = (id: string) => `/api/appraisal/cycles/${cycleId}/results/${id}`;

beforeAll(async () => {
  ({ db, org, server } = await startAppraisalServer());
  manager = await clientFor(server, 'manager');
  supervisor = await clientFor(server, 'supervisor');
  const created = await json(
    await manager.send('POST', '/api/appraisal/cycles', {
      name: '2026-11 售前一组',
      kind: 'monthly',
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
      scope: { groupIds: [org.groups.presale] },
      schemeId: 'default',
      schemeVersion: 1,
    }),
  );
  expect(created.status).toBe(201);
  cycleId = created.body.id as string;
  const step = async (to: string) =>
    expect((await manager.send('POST', `/api/appraisal/cycles/${cycleId}/state`, { to })).status).toBe(200);
  await step('collecting');
  for (const [login, v] of [
    ['agentA1', 0.61],
    ['agentA2', 0.7],
  ] as const) {
    const res = await supervisor.send('POST', `/api/appraisal/cycles/${cycleId}/values`, {
      personId: org.people[login],
      itemId: 'utilisation',
      value: v,
    });
    expect(res.status).toBe(200);
  }
  await step('reviewing');
  await step('calibration');
});
afterAll(async () => {
  await server.close();
  await db.dispose();
});

describe('appraisal results scope', () => {
  it('shows an agent their own result only, with their bonus and without proposals', async () => {
    const agent = await clientFor(server, 'agentA1');
    const list = (await (await agent.get(`/api/appraisal/cycles/${cycleId}/results`)).json()) as { personId: string }[];
    expect(list.map((r) => r.personId)).toEqual([org.people.agentA1]);
    const own = await json(await agent.get(results(org.people.agentA1)));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ grade: expect.any(String), proposals: [], bonusCents: expect.any(Number) });
    expect((await agent.get(results(org.people.agentA2))).status).toBe(403);
  });

  it('gives a lead their group and a supervisor of another department nothing', async () => {
    const lead = await clientFor(server, 'leadA');
    const list = (await (await lead.get(`/api/appraisal/cycles/${cycleId}/results`)).json()) as {
      personId: string;
      bonus: unknown;
    }[];
    expect(list.map((r) => r.personId).sort()).toEqual([org.people.agentA1, org.people.agentA2].sort());
    expect(list.every((r) => r.bonus === null)).toBe(true);
    const other = await clientFor(server, 'supervisor2');
    expect((await other.get(results(org.people.agentA1))).status).toBe(403);
  });

  it('does not let a lead calibrate, and asks a supervisor for a reason', async () => {
    const lead = await clientFor(server, 'leadA');
    expect(
      (await lead.send('POST', `${results(org.people.agentA1)}/calibrate`, { total: 80, reason: '表现好' })).status,
    ).toBe(403);
    const noReason = await json(
      await supervisor.send('POST', `${results(org.people.agentA1)}/calibrate`, { total: 80, reason: '' }),
    );
    expect([noReason.status, noReason.body.error]).toEqual([400, 'reason_required']);
    const ok = await json(
      await supervisor.send('POST', `${results(org.people.agentA1)}/calibrate`, { total: 80, reason: '大促支援' }),
    );
    expect([ok.status, ok.body.finalTotal, ok.body.finalGrade]).toEqual([200, 80, 'B']);
  });
});

describe('appeals', () => {
  it('runs appeal → blocked finalise → answer → finalise → locked', async () => {
    const agent = await clientFor(server, 'agentA1');
    expect((await agent.send('POST', `${results(org.people.agentA1)}/appeal`, { reason: '' })).status).toBe(400);
    const other = await clientFor(server, 'agentA2');
    expect((await other.send('POST', `${results(org.people.agentA1)}/appeal`, { reason: '替他申诉' })).status).toBe(
      403,
    );
    const appealed = await json(
      await agent.send('POST', `${results(org.people.agentA1)}/appeal`, { reason: '接待量统计漏了电话渠道' }),
    );
    expect(appealed.body.appeal).toMatchObject({ reason: '接待量统计漏了电话渠道', answer: null });

    const blocked = await json(
      await manager.send('POST', `/api/appraisal/cycles/${cycleId}/state`, { to: 'finalised' }),
    );
    expect([blocked.status, blocked.body.error]).toEqual([409, 'not_ready']);
    expect(blocked.body.message).toContain('1 appeals not answered');

    const lead = await clientFor(server, 'leadA');
    expect((await lead.send('POST', `${results(org.people.agentA1)}/appeal/answer`, { answer: '已核实' })).status).toBe(
      403,
    );
    const answered = await json(
      await supervisor.send('POST', `${results(org.people.agentA1)}/appeal/answer`, {
        answer: '已核实电话渠道数据，维持校准后的 80 分',
      }),
    );
    expect(answered.body.appeal).toMatchObject({
      answer: '已核实电话渠道数据，维持校准后的 80 分',
      answeredBy: org.people.supervisor,
    });
    expect((await agent.send('POST', `${results(org.people.agentA1)}/acknowledge`)).status).toBe(200);

    // agentA2's total is below 70: the improvement plan must be decided before the cycle locks
    const proposals = (await (await supervisor.get(`/api/appraisal/cycles/${cycleId}/proposals`)).json()) as {
      id: string;
      kind: string;
    }[];
    expect(proposals.map((p) => p.kind)).toEqual(['improvement_plan']);
    const confirmed = await json(
      await supervisor.send('POST', `/api/appraisal/cycles/${cycleId}/proposals/${proposals[0].id}/decision`, {
        decision: 'confirm',
        mentorId: org.people.leadA,
      }),
    );
    expect([confirmed.status, confirmed.body.status]).toEqual([200, 'confirmed']);

    expect((await manager.send('POST', `/api/appraisal/cycles/${cycleId}/state`, { to: 'finalised' })).status).toBe(
      200,
    );
    const locked = await json(await agent.send('POST', `${results(org.people.agentA1)}/appeal`, { reason: '再申诉' }));
    expect([locked.status, locked.body.error]).toEqual([409, 'cycle_locked']);
  });

  it('exports payroll to pay.read holders only, every component on its own row', async () => {
    const agent = await clientFor(server, 'agentA1');
    expect((await agent.get(`/api/appraisal/cycles/${cycleId}/payroll.xlsx`)).status).toBe(403);
    const hr = await clientFor(server, 'hr');
    const res = await hr.get(`/api/appraisal/cycles/${cycleId}/payroll.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
    const components = rows.filter((r) => r[1] === 'agentA1').map((r) => String(r[3]).split(' ')[1]);
    expect(components).toEqual(['base', 'excess', 'excess', 'innovation', 'team', 'total']);
    // calibrated 80: ¥800 base × 80 % = 64000 cents
    expect(rows.find((r) => r[1] === 'agentA1' && String(r[3]).endsWith('base'))?.[6]).toBe(64_000);
  });
});

describe('schemes over HTTP', () => {
  it('lists the shipped schemes and answers an invalid version with the problems by path', async () => {
    const list = (await (await manager.get('/api/appraisal/schemes')).json()) as { id: string; sections: unknown[] }[];
    expect(list.map((s) => s.id)).toEqual(['default', 'taobao']);
    const bad = await json(
      await manager.send('POST', '/api/appraisal/schemes', {
        id: 'default',
        name: { zh: '坏', en: 'bad' },
        sections: [],
      }),
    );
    expect([bad.status, bad.body.error]).toEqual([400, 'scheme_invalid']);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'sections' })]);
    expect(
      (await supervisor.send('POST', '/api/appraisal/schemes', { id: 'x', name: { zh: 'x', en: 'x' }, sections: [] }))
        .status,
    ).toBe(403);
  });
});
