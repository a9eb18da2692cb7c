/**
 * KPIs and service-data import end to end (SPEC KPI, DSH-1, ING-1..5): a supervisor reads their
 * department's figures and drills down to rounds and a conversation; an agent sees only their
 * own figures; an admin imports a messages file, then imports it again and is told nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localDay, addDays } from '../../domain/time.ts';
import { chromiumAvailable, menuLabels, screenshot, signIn, startHarness, type Harness } from './harness.ts';

const suite = chromiumAvailable() ? describe : describe.skip;
// the suites share two cores with another server and browser: allow a slow step or two
const SLOW = 60_000;

/** Picks a preset of the KPI pages' period picker (the demo data ends today; 近30天 covers all of it). */
async function choosePreset(page: Page, preset: string) {
  await page.locator('.ant-picker-range').first().click();
  await page.locator('.ant-picker-presets li', { hasText: preset }).click();
  await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
}

/** Lets a chart finish drawing (ECharts animates for about a second) with the pointer out of its way. */
async function chartsSettled(page: Page) {
  await page.waitForSelector('canvas');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1200);
}

suite('KPIs and data import', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ serviceDays: 14 });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function person(login: string) {
    return h.db.kysely.selectFrom('people').selectAll().where('login', '=', login).executeTakeFirstOrThrow();
  }

  it(
    "shows a supervisor their department's agents with figures, then the rounds and a conversation behind one",
    async () => {
      const page = await signIn(h, 'supervisor');
      await page.locator('.ant-layout-sider').getByText('指标分析', { exact: true }).click();
      await page.waitForURL(/\/kpi$/);
      await choosePreset(page, '近30天');
      await page.waitForURL(/from=/);
      const rows = page.locator('[data-testid=kpi-table] tbody tr.ant-table-row');
      await rows.first().waitFor();

      const sup = await person('supervisor');
      const inDept = await h.db.kysely
        .selectFrom('people')
        .select('name')
        .where('department_id', '=', sup.department_id)
        .execute();
      // column 2 is the agent (column 1 ticks rows for the trend)
      const names = await rows.locator('td:nth-child(2)').allInnerTexts();
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((n) => inDept.some((p) => p.name === n.trim()))).toBe(true);
      const served = await rows.first().locator('td').nth(6).innerText(); // 接待人数
      expect(served).toMatch(/^\d[\d,]*$/);
      expect(await rows.first().locator('[data-target]').count()).toBeGreaterThan(0);

      await chartsSettled(page);
      await page.locator('[data-testid=metric-title-first_response_avg_s]').first().hover();
      await page.locator('[data-testid=metric-help-first_response_avg_s]').getByText('服务时间 08:00–23:00').waitFor();
      await page.waitForSelector('canvas');
      await screenshot(page, '10-supervisor-kpi-explorer');

      await rows.first().locator('[data-testid=kpi-drill]').first().click();
      await page.waitForURL(/\/kpi\/rounds\?.*agentId=/);
      const rounds = page.locator('[data-testid=rounds-table] tbody tr.ant-table-row');
      await rounds.first().waitFor();
      expect(await rounds.first().innerText()).toMatch(/首轮/);
      await screenshot(page, '11-supervisor-rounds');

      await rounds.first().locator('[data-testid=rounds-conversation]').click();
      await page.waitForURL(/\/kpi\/conversations\//);
      await page.locator('[data-testid=chat-customer]').first().waitFor();
      await page.locator('[data-testid=conversation-rounds] .ant-list-item').first().waitFor();
      await screenshot(page, '12-supervisor-conversation');
      await page.context().close();
    },
    SLOW,
  );

  it(
    'shows an agent only their own figures in My KPIs',
    async () => {
      const page = await signIn(h, 'agent');
      const labels = await menuLabels(page);
      expect(labels).toContain('我的指标');
      expect(labels).not.toContain('指标分析');
      await page.locator('.ant-layout-sider').getByText('我的指标', { exact: true }).click();
      await page.waitForURL(/\/kpi\/mine$/);
      await choosePreset(page, '近30天');
      const cards = page.locator('[data-testid=mine-cards]');
      await cards.waitFor();
      expect(await cards.getAttribute('data-rows')).toBe('1');
      const me = await person('agent');
      await page.getByTestId('mine-summary').getByText(me.name, { exact: false }).waitFor();
      await expect(page.getByTestId('mine-first_response_avg_s').innerText()).resolves.toMatch(/秒|—/);

      // whatever is asked for, the API answers with the agent's own row only
      const today = localDay(Date.now(), 'Asia/Shanghai');
      const res = await page.context().request.get(`${h.url}/api/kpi?from=${addDays(today, -29)}&to=${today}&by=agent`);
      const body = (await res.json()) as { rows: { key: string }[] };
      expect(body.rows.map((r) => r.key)).toEqual([me.id]);
      await page.waitForSelector('canvas');
      await screenshot(page, '13-agent-my-kpis');
      await page.context().close();
    },
    SLOW,
  );

  it(
    'imports a messages file, then says nothing changed when it is imported again',
    async () => {
      const page = await signIn(h, 'admin');
      await page.locator('.ant-layout-sider').getByText('数据导入', { exact: true }).click();
      await page.waitForURL(/\/data\/import$/);
      const day = addDays(localDay(Date.now(), 'Asia/Shanghai'), -1);
      const at = (time: string) => `${day}T${time}+08:00`;
      const lines = [
        ['e2e-c1', 'e2e-c1-1', 'customer', at('10:00:00'), '', '在吗？这件外套有 XL 吗'],
        ['e2e-c1', 'e2e-c1-2', 'agent', at('10:00:25'), 'agent', '在的亲，XL 有货'],
        ['e2e-c1', 'e2e-c1-3', 'customer', at('10:01:10'), '', '好的，谢谢'],
        ['e2e-c1', 'e2e-c1-4', 'agent', at('10:01:40'), 'agent', '不客气，有问题随时找我'],
        ['e2e-c2', 'e2e-c2-1', 'customer', at('15:20:00'), '', '快递到哪了？'],
        ['e2e-c2', 'e2e-c2-2', 'agent', at('15:21:05'), 'agent', '帮您查了，明天送达'],
      ];
      const csv =
        'conversation_id,message_id,shop_id,channel,customer_id,sender,sent_at,agent_id,text\n' +
        lines
          .map(([conv, id, sender, sentAt, agent, text]) =>
            [conv, id, 'shop-1', 'chat', `${conv}-cust`, sender, sentAt, agent, text].join(','),
          )
          .join('\n') +
        '\n';
      const file = { name: 'e2e-messages.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };

      await page.locator('input[type=file]').setInputFiles(file);
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-done').waitFor();
      const job = page.getByTestId('import-job');
      await expect(job.locator('.ant-statistic').nth(1).innerText()).resolves.toMatch(/新增\s*6/);
      await screenshot(page, '14-admin-import-done');

      await page.locator('input[type=file]').setInputFiles(file);
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-nothing-changed').waitFor();
      await expect(job.locator('.ant-statistic').nth(3).innerText()).resolves.toMatch(/未变\s*6/);
      const history = page.locator('[data-testid=import-history] tbody tr.ant-table-row', {
        hasText: 'e2e-messages.csv',
      });
      await expect.poll(() => history.count()).toBe(2);
      await screenshot(page, '15-admin-import-nothing-changed');
      await page.context().close();
    },
    SLOW,
  );
});
