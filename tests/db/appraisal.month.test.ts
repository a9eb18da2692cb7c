/**
 * A full month for three agents through the default scheme, on SQLite and PostgreSQL (SPEC
 * APR-1..APR-7, issue 4's worked example): September 2026 of 客服部 imported as messages,
 * conversation attributes, ratings and orders (buildAppraisalSeptember: what each agent did is
 * described there), a monthly cycle with a team award and sales commission, every figure below
 * worked by hand, then the proposals decided and a star promotion written to the person's history.
 *
 * Monthly → quantitative section only, which then carries 100 %: first response 15, average
 * response 15, immediate resolution 25, repeat complaints 15, customers/day 15, utilisation 15.
 * Points = score × weight / 100 (2 decimals); total = Σ points. Grades S ≥ 95, A ≥ 85, B ≥ 75, C ≥ 60.
 *
 * agentA1 (junior, present 30/30 days):
 *   first response 39 s: linear 60 s → 30 s: (60 − 39) / (60 − 30) × 100 = 70 → 70 × 15 % = 10.50
 *   average response 42 s: band 2 (≤ 45 s) → 80 → 12.00
 *   immediate resolution 16/20 = 80 %, junior target 75 %: 100 + 5 points × 2 = 110 → × 25 % = 27.50
 *   repeat complaints 1/10 = 10 %: linear 15 % → 5 %: (15 − 10) / (15 − 5) × 100 = 50 → 7.50
 *   customers/day 19 (one day): linear 10 → 20: (19 − 10) / 10 × 100 = 90 → 13.50
 *   utilisation 61 % (entered): linear 40 % → 70 %: 21 / 30 × 100 = 70 → 10.50
 *   total 81.50 → B, rank 2 of 2 in 售前一组
 * agentA2 (senior, hired 09-16: present 15/30 days = coverage 0.5):
 *   first 24 s → 100 → 15.00; average 35 s on the ≤ 35 s band → 100 → 15.00;
 *   immediate resolution 19/20 = 95 %, senior target 90 %: 100 + 5 × 2 = 110 → 27.50;
 *   repeat complaints 0/4 → 100 → 15.00; customers/day 20 → 100 → 15.00;
 *   utilisation 55 % → (55 − 40) / 30 × 100 = 50 → 7.50; total 95.00 → S, rank 1 of 2
 * agentB1 (star ★★, present all month):
 *   first 45 s → (60 − 45) / 30 × 100 = 50 → 7.50; average 45 s → band 2 → 80 → 12.00;
 *   immediate resolution 20/25 = 80 % below the star target 90 %: (80 − 50) / (90 − 50) × 100 = 75
 *   → 18.75; repeat complaints 1/5 = 20 %, past the 15 % zero line → 0 → 0.00;
 *   customers/day (12 + 13) / 2 = 12.5 → (12.5 − 10) / 10 × 100 = 25 → 3.75;
 *   utilisation 70 % → 100 → 15.00; total 57.00 → D, rank 1 of 1 in 售后一组
 *
 * Bonus (cents; base junior 80000, senior 120000, star 160000 × coverage; pro rata by the total when
 * a target is missed; +2 % of the base per full point above target on immediate resolution and
 * satisfaction, which a monthly cycle does not score; innovation 20000 per adopted suggestion; a
 * team award of 60000 per group whose immediate resolution reaches 85 %, split by presence;
 * commission 1 % of credited sales; AOV bonus 5000 at an uplift ≥ 15 %):
 *   售前一组 immediate resolution (16 + 19) / (20 + 20) = 87.5 % ≥ 85 % → 60000 split 10000 : 5000 bp
 *   → agentA1 40000, agentA2 20000; 售后一组 80 % → no team award.
 *   agentA1: base 80000 × 81.50 % = 65200; excess 5 points × 2 % = 10 % × 80000 = 8000; innovation
 *   20000; team 40000; commission 0; AOV bonus 0 (no uplift entered) → 133200
 *   agentA2: base 120000 × 50 % = 60000, × 95.00 % = 57000; excess 10 % × 60000 = 6000; team 20000;
 *   commission 8 × ¥150 = 120000 × 1 % = 1200; AOV bonus (uplift 18 %) 5000 → 89200
 *   agentB1: base 160000 × 57.00 % = 91200; excess 0 (below target); team 0 → 91200
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { AgentBonus, AppraisalResult } from '../../domain/appraisal/index.ts';
import { actorOf, septemberCycle, staffOf, transactor } from '../support/appraisal.ts';
import { DIALECTS, createTestDb, type TestDb } from '../support/databases.ts';
import { buildAppraisalSeptember, type SmallOrg } from '../support/factories.ts';
import { todayIn } from '../../server/lib/dates.ts';
import { listAudit } from '../../server/modules/audit/audit.service.ts';
import * as appraisal from '../../server/modules/appraisal/appraisal.service.ts';
import { payrollXlsx } from '../../server/modules/appraisal/appraisal.payroll.ts';
import type { ResultOut } from '../../server/modules/appraisal/appraisal.schema.ts';

/** [value, score, weight, points] of every indicator the cycle scored. */
const table = (r: ResultOut) =>
  Object.fromEntries(
    (r.appraisal as AppraisalResult).indicators
      .filter((i) => i.status !== 'excluded')
      .map((i) => [i.id, [i.value, i.score, i.weight, i.points]]),
  );
const lines = (r: ResultOut) => (r.bonus as AgentBonus).lines.map((l) => [l.component, l.indicatorId ?? null, l.cents]);

for (const dialect of DIALECTS) {
  describe(`a hand-worked month for three agents on ${dialect}`, () => {
    let db: TestDb | null;
    let org: SmallOrg;
    let admin: Actor;
    let supervisor: Actor;
    let cycleId: string;
    const tx = transactor(() => db);
    const result = (personId: string) => appraisal.getResult(db!.kysely, admin, cycleId, personId);

    beforeAll(async () => {
      db = await createTestDb(dialect);
      if (!db) return;
      org = await buildAppraisalSeptember(db);
      ({ admin, supervisor } = staffOf(org));
      const cycle = await tx((trx) =>
        appraisal.createCycle(trx, admin, septemberCycle(org, '2026年9月 客服部', 'monthly')),
      );
      cycleId = cycle.id;
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'collecting'));
      const value = (login: 'agentA1' | 'agentA2' | 'agentB1', itemId: string, v: number) =>
        tx((trx) => appraisal.submitValue(trx, supervisor, cycleId, { personId: org.people[login], itemId, value: v }));
      await value('agentA1', 'utilisation', 0.61);
      await value('agentA2', 'utilisation', 0.55);
      await value('agentB1', 'utilisation', 0.7);
      await value('agentA1', 'adopted_suggestions', 1);
      await value('agentA2', 'aov_uplift', 0.18);
      await value('agentA2', 'repeat_guidance_lift', 0.35);
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'reviewing'));
    });
    afterAll(async () => db?.dispose());

    it('keeps the cycle options it was opened with', async (ctx) => {
      if (!db) return ctx.skip();
      const c = await appraisal.getCycle(db.kysely, cycleId);
      expect(c.options).toMatchObject({
        gradeBands: { S: 95, A: 85, B: 75, C: 60 },
        bonus: { baseCents: { junior: 80_000, senior: 120_000, star: 160_000 }, teamSplit: 'coverage' },
        teamAward: { poolCents: 60_000 },
        minPeerRaters: 3,
        surveyRate: 0.1,
      });
    });

    it('scores every indicator of every agent on its curve and weight', async (ctx) => {
      if (!db) return ctx.skip();
      const [a1, a2, b1] = await Promise.all([org.people.agentA1, org.people.agentA2, org.people.agentB1].map(result));
      expect(table(a1)).toEqual({
        first_response: [39, 70, 15, 10.5],
        avg_response: [42, 80, 15, 12],
        immediate_resolution: [0.8, 110, 25, 27.5],
        repeat_complaint: [0.1, 50, 15, 7.5],
        customers_per_day: [19, 90, 15, 13.5],
        utilisation: [0.61, 70, 15, 10.5],
      });
      expect(table(a2)).toEqual({
        first_response: [24, 100, 15, 15],
        avg_response: [35, 100, 15, 15],
        immediate_resolution: [0.95, 110, 25, 27.5],
        repeat_complaint: [0, 100, 15, 15],
        customers_per_day: [20, 100, 15, 15],
        utilisation: [0.55, 50, 15, 7.5],
      });
      expect(table(b1)).toEqual({
        first_response: [45, 50, 15, 7.5],
        avg_response: [45, 80, 15, 12],
        immediate_resolution: [0.8, 75, 25, 18.75],
        repeat_complaint: [0.2, 0, 15, 0],
        customers_per_day: [12.5, 25, 15, 3.75],
        utilisation: [0.7, 100, 15, 15],
      });
      expect([a1, a2, b1].map((r) => [r.total, r.grade, r.rank, r.rankOf])).toEqual([
        [81.5, 'B', 2, 2],
        [95, 'S', 1, 2],
        [57, 'D', 1, 1],
      ]);
      const why = (a2.appraisal as AppraisalResult).indicators.find((i) => i.id === 'avg_response')?.why.en;
      expect(why).toContain('falls in band 1 (≤ 35 s → 100)');
      expect((a2.appraisal as AppraisalResult).coverage).toBe(0.5);
    });

    it('itemises every bonus component, the team award and the commission included', async (ctx) => {
      if (!db) return ctx.skip();
      const [a1, a2, b1] = await Promise.all([org.people.agentA1, org.people.agentA2, org.people.agentB1].map(result));
      expect(lines(a1)).toEqual([
        ['base', null, 65_200],
        ['excess', 'immediate_resolution', 8_000],
        ['excess', 'satisfaction', 0],
        ['innovation', null, 20_000],
        ['team', null, 40_000],
        ['commission', null, 0],
        ['aov_bonus', null, 0],
      ]);
      expect(lines(a2)).toEqual([
        ['base', null, 57_000],
        ['excess', 'immediate_resolution', 6_000],
        ['excess', 'satisfaction', 0],
        ['innovation', null, 0],
        ['team', null, 20_000],
        ['commission', null, 1_200],
        ['aov_bonus', null, 5_000],
      ]);
      expect(lines(b1)).toEqual([
        ['base', null, 91_200],
        ['excess', 'immediate_resolution', 0],
        ['excess', 'satisfaction', 0],
        ['innovation', null, 0],
        ['team', null, 0],
        ['commission', null, 0],
        ['aov_bonus', null, 0],
      ]);
      expect([a1.bonusCents, a2.bonusCents, b1.bonusCents]).toEqual([133_200, 89_200, 91_200]);
      const bonus = a2.bonus as AgentBonus;
      expect(bonus.lines[0].reason.en).toContain('base ¥1,200.00 × 50% presence = ¥600.00');
      expect(bonus.lines[4].reason.en).toContain('split by presence (50%)');
      expect(bonus.lines[4].reason.en).toContain('Immediate resolution rate 87.5% (target ≥ 85%)');
      expect((b1.bonus as AgentBonus).lines[4].reason.en).toContain('missed its team targets');
    });

    it('exports the payroll with every component, the level and the presence', async (ctx) => {
      if (!db) return ctx.skip();
      const { data } = await payrollXlsx(db.kysely, cycleId);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ArrayBuffer);
      const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
      const a2 = rows.filter((r) => r[1] === 'agentA2');
      expect(a2.map((r) => [String(r[3]).split(' ')[1], r[6], r[10], r[11]])).toEqual([
        ['base', 57_000, 'senior', 50],
        ['excess', 6_000, 'senior', 50],
        ['excess', 0, 'senior', 50],
        ['innovation', 0, 'senior', 50],
        ['team', 20_000, 'senior', 50],
        ['commission', 1_200, 'senior', 50],
        ['aov_bonus', 5_000, 'senior', 50],
        ['total', 89_200, 'senior', 50],
      ]);
      expect(rows.find((r) => r[1] === 'agentB1' && String(r[3]).endsWith('total'))?.[10]).toBe('star 2');
    });

    it('proposes the consequences and keeps them as decisions to make', async (ctx) => {
      if (!db) return ctx.skip();
      const proposals = await appraisal.listProposals(db.kysely, supervisor, cycleId);
      const byKind = proposals.map((p) => [p.personId, p.kind, p.status]).sort();
      expect(byKind).toEqual(
        [
          [org.people.agentA2, 'move_group', 'open'], // S in 售前 → difficult complaints
          [org.people.agentA2, 'star_promotion', 'open'], // conversion 40 % ≥ 28 %, AOV uplift 18 % ≥ 15 %, guidance 35 % ≥ 30 %
          [org.people.agentB1, 'improvement_plan', 'open'], // 57 < 70
          [org.people.agentB1, 'move_group', 'open'], // D in 售后 → basic inquiries
        ].sort(),
      );
      const plan = proposals.find((p) => p.kind === 'improvement_plan');
      // the best-scoring senior or star colleague mentors; one month from the day after the period
      expect(plan?.proposal).toMatchObject({
        mentorId: org.people.agentA2,
        startOn: '2026-10-01',
        reappraiseOn: '2026-11-01',
      });
      const lead = actorOf(org.people.leadA, 'lead', org.departments.cs);
      await expect(appraisal.listProposals(db.kysely, lead, cycleId)).rejects.toMatchObject({ statusCode: 403 });
    });

    it('confirms a star promotion into the person’s history without re-pricing the month', async (ctx) => {
      if (!db) return ctx.skip();
      const promotion = (await appraisal.listProposals(db.kysely, supervisor, cycleId)).find(
        (p) => p.kind === 'star_promotion',
      )!;
      const done = await tx((trx) =>
        appraisal.decideProposal(trx, supervisor, cycleId, promotion.id, { decision: 'confirm' }),
      );
      const today = todayIn('Asia/Shanghai');
      const effectiveDate = today > '2026-10-01' ? today : '2026-10-01';
      expect(done.applied).toEqual({
        from: { level: 'senior', star: null },
        to: { level: 'star', star: 1 },
        effectiveDate,
      });
      const person = await db.kysely
        .selectFrom('people')
        .select(['level', 'star'])
        .where('id', '=', org.people.agentA2)
        .executeTakeFirstOrThrow();
      expect(person).toEqual({ level: 'star', star: 1 });
      const history = await db.kysely
        .selectFrom('employment_events')
        .select(['kind', 'on_date', 'detail'])
        .where('person_id', '=', org.people.agentA2)
        .where('kind', '=', 'level_changed')
        .orderBy('created_at')
        .execute();
      // appended, never overwritten: the hire as senior stays, the promotion follows it
      expect(history.map((h) => [h.on_date, JSON.parse(h.detail ?? '{}')])).toEqual([
        ['2026-09-16', { from: 'junior', fromStar: null, to: 'senior', toStar: null }],
        [effectiveDate, expect.objectContaining({ from: 'senior', fromStar: null, to: 'star', toStar: 1 })],
      ]);
      const audit = await listAudit(db.kysely, { entity: 'appraisal_proposal', entityId: promotion.id, limit: 5 });
      expect(audit.map((a) => a.action)).toEqual(['appraisal.proposal_confirm']);

      // recomputing the cycle keeps the level the month was worked at (senior) and its bonus
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'calibration'));
      const a2 = await result(org.people.agentA2);
      expect([(a2.bonus as AgentBonus).standing, a2.bonusCents]).toEqual([{ level: 'senior', star: null }, 89_200]);
      const again = (await appraisal.listProposals(db.kysely, supervisor, cycleId)).find(
        (p) => p.kind === 'star_promotion',
      );
      expect(again?.status).toBe('confirmed');
    });

    it('records the mentor and the re-appraisal date when an improvement plan is confirmed', async (ctx) => {
      if (!db) return ctx.skip();
      const open = (await appraisal.listProposals(db.kysely, supervisor, cycleId)).filter((p) => p.status === 'open');
      const plan = open.find((p) => p.kind === 'improvement_plan')!;
      const confirmed = await tx((trx) =>
        appraisal.decideProposal(trx, supervisor, cycleId, plan.id, { decision: 'confirm' }),
      );
      expect([confirmed.mentorId, confirmed.reappraiseOn, confirmed.decidedBy]).toEqual([
        org.people.agentA2,
        '2026-11-01',
        org.people.supervisor,
      ]);
      for (const p of open.filter((x) => x.kind === 'move_group')) {
        const noReason = tx((trx) => appraisal.decideProposal(trx, supervisor, cycleId, p.id, { decision: 'reject' }));
        await expect(noReason).rejects.toMatchObject({ statusCode: 400, details: [{ field: 'reason' }] });
        const rejected = await tx((trx) =>
          appraisal.decideProposal(trx, supervisor, cycleId, p.id, { decision: 'reject', reason: '本月组内人手紧张' }),
        );
        expect([rejected.status, rejected.decisionReason]).toEqual(['rejected', '本月组内人手紧张']);
      }
      expect((await appraisal.getCycle(db.kysely, cycleId)).next?.missing).toEqual([]);
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'finalised'));
    });
  });
}
