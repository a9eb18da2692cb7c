/**
 * The web console end to end (SPEC DSH-1 shell, ORG-1..3): real server, built console,
 * headless Chromium, a person clicking through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, menuLabels, screenshot, signIn, startHarness, type Harness } from './harness.ts';

const suite = chromiumAvailable() ? describe : describe.skip;

suite('web console', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function person(login: string) {
    return h.db.kysely.selectFrom('people').selectAll().where('login', '=', login).executeTakeFirstOrThrow();
  }

  it('shows the sign-in page in Chinese with a language switch', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${h.url}/people`);
    await page.waitForURL(/\/login\?redirect=%2Fpeople/);
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    await page.getByText('English').waitFor();
    await screenshot(page, '01-login-zh');
    await context.close();
  });

  it('gives a supervisor the organisation menu and the people of their department', async () => {
    const page = await signIn(h, 'supervisor');
    const labels = await menuLabels(page);
    expect(labels).toEqual(
      expect.arrayContaining(['首页', '组织', '部门', '小组', '店铺', '渠道', '人员', '花名册导入', '我的档案']),
    );
    expect(labels).not.toContain('审计日志');
    await page.locator('.ant-statistic').first().waitFor();
    await page.waitForSelector('canvas');
    await screenshot(page, '02-supervisor-dashboard');

    await page.locator('.ant-layout-sider').getByText('人员', { exact: true }).click();
    await page.waitForURL(/\/people$/);
    const sup = await person('supervisor');
    const dept = await h.db.kysely
      .selectFrom('departments')
      .selectAll()
      .where('id', '=', sup.department_id!)
      .executeTakeFirstOrThrow();
    const inDept = await h.db.kysely.selectFrom('people').select('id').where('department_id', '=', dept.id).execute();
    await page.getByText(`共 ${inDept.length} 人`).first().waitFor();
    const rows = page.locator('[data-testid=people-table] tbody tr.ant-table-row');
    expect(await rows.count()).toBeGreaterThan(0);
    // every row listed sits in the supervisor's department (column 5)
    const departments = await rows.locator('td:nth-child(5)').allInnerTexts();
    expect(new Set(departments)).toEqual(new Set([dept.name]));
    await screenshot(page, '03-supervisor-people');

    await rows.first().locator('td:first-child a').click();
    await page.waitForURL(/\/people\/[^/]+$/);
    await page.getByText('任职履历').waitFor();
    await page.locator('[data-testid=history] .ant-timeline-item').first().waitFor();
    await screenshot(page, '04-supervisor-person');
    await page.context().close();
  });

  it("gives an agent only their own KPIs, appraisal, QA results and profile, and refuses someone else's profile", async () => {
    const page = await signIn(h, 'agent');
    expect(await menuLabels(page)).toEqual([
      '首页',
      '绩效数据',
      '我的指标',
      '响应明细',
      '考核',
      '我的考核',
      '同事评价',
      '质检',
      '质检结果',
      '质检得分',
      '我的档案',
    ]);
    await page.getByText('我的档案', { exact: true }).first().waitFor();
    await page.locator('.ant-descriptions').waitFor();
    await screenshot(page, '05-agent-dashboard');

    const agent = await person('agent');
    const other = await h.db.kysely
      .selectFrom('people')
      .select('id')
      .where('id', '!=', agent.id)
      .executeTakeFirstOrThrow();
    await page.goto(`${h.url}/people/${other.id}`);
    await page.getByText('无权访问').waitFor();
    await page.getByText('你无权查看此人员的档案。').waitFor();
    await screenshot(page, '06-agent-forbidden-person');

    await page.goto(`${h.url}/people`);
    await page.getByText('无权访问').waitFor();
    await page.context().close();
  });

  it('switches to English, keeps it after a reload and saves it on the account', async () => {
    const page = await signIn(h, 'supervisor');
    await page.locator('.ant-layout-header').getByText('English', { exact: true }).click();
    await page.locator('.ant-layout-sider').getByText('Organisation', { exact: true }).waitFor();
    const labels = await menuLabels(page);
    expect(labels).toEqual(
      expect.arrayContaining(['Home', 'Organisation', 'Departments', 'People', 'Roster import', 'My profile']),
    );
    await page.getByText('Hello,', { exact: false }).first().waitFor();
    await screenshot(page, '07-supervisor-dashboard-en');

    await page.goto(`${h.url}/people`);
    await page.getByRole('columnheader', { name: 'Status' }).waitFor();
    await page.getByText('Active', { exact: true }).first().waitFor();
    await screenshot(page, '08-supervisor-people-en');

    await page.reload();
    await page.getByRole('columnheader', { name: 'Hire date' }).waitFor();
    const saved = await person('supervisor');
    expect(saved.locale).toBe('en-US');
    await page.context().close();
  });
  it('rejects a roster file with a bad row, listing row and column, and writes nothing', async () => {
    const page = await signIn(h, 'admin');
    expect(await menuLabels(page)).toEqual(expect.arrayContaining(['系统', '审计日志', '设置']));
    const before = await h.db.kysely.selectFrom('people').select('id').execute();
    await page.locator('.ant-layout-sider').getByText('花名册导入', { exact: true }).click();
    await page.waitForURL(/\/people\/import$/);
    const csv =
      'login,name,role,level,hire_date\nnew01,新人甲,agent,junior,2026-01-05\nnew02,新人乙,boss,junior,2026-13-01\n';
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: /校验/ }).click();
    const errors = page.locator('[data-testid=import-errors] tbody tr.ant-table-row');
    await errors.first().waitFor();
    const cells = await errors.allInnerTexts();
    expect(cells.some((r) => r.includes('3') && r.includes('role'))).toBe(true);
    expect(cells.some((r) => r.includes('hire_date'))).toBe(true);
    await expect(
      page
        .getByRole('button', { name: /导\s*入/ })
        .last()
        .isDisabled(),
    ).resolves.toBe(true);
    await screenshot(page, '09-admin-import-errors');
    const after = await h.db.kysely.selectFrom('people').select('id').execute();
    expect(after.length).toBe(before.length);
    await page.context().close();
  });
});
