/**
 * The same September, appraised in the third-quarter cycle (2026-07-01 … 09-30, 92 days) through
 * every indicator of the default scheme, on SQLite and PostgreSQL: the quantitative figures come
 * from the imported data (see appraisal.month.test.ts for each one's score), satisfaction from the
 * ratings, the rest entered by hand. Every figure worked by hand below.
 *
 * Quarterly → both sections: quantitative 60 % (first response 9, average response 9, immediate
 * resolution 15, repeat complaints 9, customers/day 9, utilisation 9) and qualitative 40 % (QA 10,
 * satisfaction 14, positive reviews 6, training 6, case contributions 4).
 *
 * agentA1 (junior, coverage 1): 70 × 9 % = 6.30, 80 × 9 % = 7.20, 110 × 15 % = 16.50, 50 × 9 % = 4.50,
 *   90 × 9 % = 8.10, 70 × 9 % = 6.30 (quantitative 48.90); QA 90 → 100 → 10.00; satisfaction 9/10 =
 *   90 % on target → 100 → 14.00; positive reviews 80 % → 6.00; training 90 % → 6.00; 2 cases
 *   against 1 a month × 3 months = 3 → 0 → 0.00 (qualitative 36.00); total 84.90 → B (A needs 85).
 * agentA2 (senior, 15 of 92 days: coverage 15/92): 9.00 + 9.00 + 16.50 + 9.00 + 9.00 + 50 × 9 % =
 *   4.50 (57.00); QA 96 → 10.00; satisfaction 19/20 = 95 %: 100 + 5 × 2 = 110 → 15.40; positive
 *   86 % → 6.00; training 100 % → 6.00; 1 case against 1 × 3 × 15/92 = 0.49 → 100 → 4.00 (41.40);
 *   total 98.40 → S.
 * agentB1 (star ★★): 50 × 9 % = 4.50, 80 × 9 % = 7.20, 75 × 15 % = 11.25, 0, 25 × 9 % = 2.25,
 *   100 × 9 % = 9.00 (34.20); QA 75 → (75 − 60) / 30 = 50 → 5.00; satisfaction 7/10 = 70 %: (70 − 60)
 *   / (90 − 60) × 100 = 33.33 → 33.33 × 14 % = 4.6662 → 4.67; positive 65 % → 50 → 3.00; training
 *   75 % → 50 → 3.00; 3 cases → 100 → 4.00 (19.67); total 53.87 → D.
 *
 * Bonus (cents), same rules as the month: presence in basis points 10000 (A1, B1) and
 * round(15/92 × 10000) = 1630 (A2). Team award 60000 for 售前一组 (87.5 % ≥ 85 %), split
 * 10000 : 1630 → A1 floor(60000 × 10000 / 11630) = 51590, A2 floor(60000 × 1630 / 11630) = 8409
 * (1 cent stays in the pool); 售后一组 (80 %) nothing.
 *   agentA1: base 80000 × 84.90 % = 67920; excess resolution 5 points → 10 % = 8000; satisfaction on
 *   target → 0 → 127510 with the team share.
 *   agentA2: base 120000 × 1630 / 10000 = 19560, × 98.40 % = floor(19247.04) = 19247; excess
 *   resolution 10 % = 1956 and satisfaction (95 % vs 90 %) 10 % = 1956; team 8409; commission
 *   120000 × 1 % = 1200; AOV bonus 5000 → 37768.
 *   agentB1: base 160000 × 53.87 % = 86192 → 86192.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { AgentBonus, AppraisalResult } from '../../domain/appraisal/index.ts';
import { septemberCycle, staffOf, transactor } from '../support/appraisal.ts';
import { DIALECTS, createTestDb, type TestDb } from '../support/databases.ts';
import { buildAppraisalSeptember, changePerson, type SmallOrg } from '../support/factories.ts';
import * as appraisal from '../../server/modules/appraisal/appraisal.service.ts';
import type { ResultOut } from '../../server/modules/appraisal/appraisal.schema.ts';

/** [score, weight, points] of every indicator. */
const table = (r: ResultOut) =>
  Object.fromEntries((r.appraisal as AppraisalResult).indicators.map((i) => [i.id, [i.score, i.weight, i.points]]));

type Agent = 'agentA1' | 'agentA2' | 'agentB1';
/** utilisation, QA, positive reviews, training pass rate, case contributions per agent */
const ENTERED: Record<Agent, [number, number, number, number, number]> = {
  agentA1: [0.61, 90, 0.8, 0.9, 2],
  agentA2: [0.55, 96, 0.86, 1, 1],
  agentB1: [0.7, 75, 0.65, 0.75, 3],
};
const ITEMS = ['utilisation', 'qa_score', 'positive_reviews', 'training_pass', 'case_contributions'];

for (const dialect of DIALECTS) {
  describe(`the third quarter through every indicator on ${dialect}`, () => {
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
      cycleId = (
        await tx((trx) => appraisal.createCycle(trx, admin, septemberCycle(org, '2026年第三季度 客服部', 'quarterly')))
      ).id;
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'collecting'));
      for (const [login, values] of Object.entries(ENTERED) as [Agent, number[]][]) {
        for (const [i, itemId] of ITEMS.entries()) {
          await tx((trx) =>
            appraisal.submitValue(trx, supervisor, cycleId, { personId: org.people[login], itemId, value: values[i] }),
          );
        }
      }
      await tx((trx) =>
        appraisal.submitValue(trx, supervisor, cycleId, {
          personId: org.people.agentA2,
          itemId: 'aov_uplift',
          value: 0.18,
        }),
      );
      await tx((trx) =>
        appraisal.submitValue(trx, supervisor, cycleId, {
          personId: org.people.agentA2,
          itemId: 'repeat_guidance_lift',
          value: 0.35,
        }),
      );
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'reviewing'));
    });
    afterAll(async () => db?.dispose());

    it('scores all eleven indicators of every agent', async (ctx) => {
      if (!db) return ctx.skip();
      const [a1, a2, b1] = await Promise.all([org.people.agentA1, org.people.agentA2, org.people.agentB1].map(result));
      expect(table(a1)).toEqual({
        first_response: [70, 9, 6.3],
        avg_response: [80, 9, 7.2],
        immediate_resolution: [110, 15, 16.5],
        repeat_complaint: [50, 9, 4.5],
        customers_per_day: [90, 9, 8.1],
        utilisation: [70, 9, 6.3],
        qa_score: [100, 10, 10],
        satisfaction: [100, 14, 14],
        positive_reviews: [100, 6, 6],
        training_pass: [100, 6, 6],
        case_contributions: [0, 4, 0],
      });
      expect(table(a2)).toEqual({
        first_response: [100, 9, 9],
        avg_response: [100, 9, 9],
        immediate_resolution: [110, 15, 16.5],
        repeat_complaint: [100, 9, 9],
        customers_per_day: [100, 9, 9],
        utilisation: [50, 9, 4.5],
        qa_score: [100, 10, 10],
        satisfaction: [110, 14, 15.4],
        positive_reviews: [100, 6, 6],
        training_pass: [100, 6, 6],
        case_contributions: [100, 4, 4],
      });
      expect(table(b1)).toEqual({
        first_response: [50, 9, 4.5],
        avg_response: [80, 9, 7.2],
        immediate_resolution: [75, 15, 11.25],
        repeat_complaint: [0, 9, 0],
        customers_per_day: [25, 9, 2.25],
        utilisation: [100, 9, 9],
        qa_score: [50, 10, 5],
        satisfaction: [33.33, 14, 4.67],
        positive_reviews: [50, 6, 3],
        training_pass: [50, 6, 3],
        case_contributions: [100, 4, 4],
      });
      expect([a1, a2, b1].map((r) => [r.total, r.grade])).toEqual([
        [84.9, 'B'],
        [98.4, 'S'],
        [53.87, 'D'],
      ]);
      const cases = (r: ResultOut) =>
        (r.appraisal as AppraisalResult).indicators.find((i) => i.id === 'case_contributions');
      // per-month volume targets scale with the quarter and the presence: 3 for a full quarter, 3 × 15/92 for agentA2
      expect([cases(a1)?.target, cases(a2)?.target]).toEqual([3, (3 * 15) / 92]);
    });

    it('pays every bonus component, pro-rated by presence in the quarter', async (ctx) => {
      if (!db) return ctx.skip();
      const [a1, a2, b1] = await Promise.all([org.people.agentA1, org.people.agentA2, org.people.agentB1].map(result));
      const cents = (r: ResultOut) => (r.bonus as AgentBonus).lines.map((l) => l.cents);
      // base, excess resolution, excess satisfaction, innovation, team, commission, AOV bonus
      expect(cents(a1)).toEqual([67_920, 8_000, 0, 0, 51_590, 0, 0]);
      expect(cents(a2)).toEqual([19_247, 1_956, 1_956, 0, 8_409, 1_200, 5_000]);
      expect(cents(b1)).toEqual([86_192, 0, 0, 0, 0, 0, 0]);
      expect([a1.bonusCents, a2.bonusCents, b1.bonusCents]).toEqual([127_510, 37_768, 86_192]);
      expect((a2.bonus as AgentBonus).lines[0].reason.en).toContain('× 16.3% presence = ¥195.60');
    });

    it('refuses a star promotion once the level has changed since the period (409 standing_changed)', async (ctx) => {
      if (!db) return ctx.skip();
      // promoted on 10-10, after the quarter: the quarter is still worked at senior
      await changePerson(db, org.people.agentA2, { level: 'star', star: 1 }, '2026-10-10');
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'calibration'));
      expect(((await result(org.people.agentA2)).bonus as AgentBonus).standing).toEqual({
        level: 'senior',
        star: null,
      });
      const promotion = (await appraisal.listProposals(db.kysely, supervisor, cycleId)).find(
        (p) => p.kind === 'star_promotion',
      )!;
      expect(promotion.proposal).toMatchObject({ from: { level: 'senior' }, to: { level: 'star', star: 1 } });
      await expect(
        tx((trx) => appraisal.decideProposal(trx, supervisor, cycleId, promotion.id, { decision: 'confirm' })),
      ).rejects.toMatchObject({ statusCode: 409, code: 'standing_changed' });
      const rejected = await tx((trx) =>
        appraisal.decideProposal(trx, supervisor, cycleId, promotion.id, {
          decision: 'reject',
          reason: '10月已晋升一星',
        }),
      );
      expect(rejected.status).toBe('rejected');
    });
  });
}
