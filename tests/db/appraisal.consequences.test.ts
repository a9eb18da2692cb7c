/**
 * Consequences of results on SQLite and PostgreSQL (SPEC APR-6, APR-7): two consecutive excellent
 * quarters → reserve-supervisor candidate; a red line voiding the bonus and, on confirmation,
 * demoting the star in the person's history; a total below 70 → improvement plan with a mentor,
 * and a second failure at the re-appraisal → transfer or exit.
 *
 * No service data is imported: the metric indicators have no value and pass their weight on
 * (APR-8), so a quarter scores utilisation (the whole quantitative 60 %) and QA, positive reviews,
 * training and cases, which share the qualitative 40 % as 25 : 15 : 15 : 10 of 65 → 15.38 %,
 * 9.23 %, 9.23 %, 6.15 %. A month scores utilisation alone (100 %).
 * - agentA1, every entered value at or above target → 100 each: 60 + 15.38 + 9.23 + 9.23 + 6.15 =
 *   99.99 (points are rounded one by one) → S in 2026-Q2 and again in 2026-Q3.
 * - agentB1 (★★), utilisation 67 %, QA 87, positive 77 %, training 87 % → 90 each, 3 cases → 100:
 *   54 + 13.85 + 8.31 + 8.31 + 6.15 = 90.62 → A; in Q3 a red line (rude to a customer, 08-15).
 *   Its Q3 bonus: base 160000 × 90.62 % (utilisation missed) = 144992, all voided.
 * - agentA2, junior, May 2026: utilisation 52 % → (52 − 40) / 30 × 100 = 40 → total 40 → D →
 *   improvement plan 06-01 … 07-01; June re-appraisal at 55 % → 50 → still below 70 → transfer or exit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { AgentBonus } from '../../domain/appraisal/index.ts';
import { DIALECTS, createTestDb, type TestDb } from '../support/databases.ts';
import { buildSmallOrg, changePerson, type SmallOrg } from '../support/factories.ts';
import type { Conn } from '../../server/db/types.ts';
import * as appraisal from '../../server/modules/appraisal/appraisal.service.ts';

const actorOf = (id: string, role: Actor['role'], departmentId: string | null = null): Actor => ({
  id,
  role,
  departmentId,
  groupId: null,
  ledGroupIds: [],
});

type Agent = 'agentA1' | 'agentA2' | 'agentB1';
const QUARTER_ITEMS = ['utilisation', 'qa_score', 'positive_reviews', 'training_pass', 'case_contributions'];
const QUARTER_VALUES: Record<Agent, number[]> = {
  agentA1: [0.7, 95, 0.85, 0.95, 3],
  agentA2: [0.64, 84, 0.74, 0.84, 3],
  agentB1: [0.67, 87, 0.77, 0.87, 3],
};

for (const dialect of DIALECTS) {
  describe(`consequence proposals on ${dialect}`, () => {
    let db: TestDb | null;
    let org: SmallOrg;
    let admin: Actor;
    let supervisor: Actor;
    const tx = <T>(fn: (trx: Conn) => Promise<T>) => db!.kysely.transaction().execute(fn);

    /** Opens a cycle of 客服部 (or one group), enters the values and computes it (reviewing). */
    async function cycleWith(
      kind: 'monthly' | 'quarterly',
      periodFrom: string,
      periodTo: string,
      values: Partial<Record<Agent, number[]>>,
      items: string[],
      groupIds: string[] = [],
    ): Promise<string> {
      const c = await tx((trx) =>
        appraisal.createCycle(trx, admin, {
          name: `${kind} ${periodFrom}`,
          kind,
          periodFrom,
          periodTo,
          scope: { departmentIds: groupIds.length ? [] : [org.departments.cs], groupIds },
          schemeId: 'default',
          schemeVersion: 1,
        }),
      );
      await tx((trx) => appraisal.changeState(trx, admin, c.id, 'collecting'));
      for (const [login, vs] of Object.entries(values) as [Agent, number[]][]) {
        for (const [i, itemId] of items.entries()) {
          await tx((trx) =>
            appraisal.submitValue(trx, supervisor, c.id, { personId: org.people[login], itemId, value: vs[i] }),
          );
        }
      }
      await tx((trx) => appraisal.changeState(trx, admin, c.id, 'reviewing'));
      return c.id;
    }
    const proposals = async (cycleId: string) =>
      (await appraisal.listProposals(db!.kysely, supervisor, cycleId)).map((p) => ({
        ...p,
        login: loginOf(p.personId),
      }));
    const loginOf = (id: string) => Object.entries(org.people).find(([, v]) => v === id)?.[0];
    const decide = (cycleId: string, id: string, body: Parameters<typeof appraisal.decideProposal>[4]) =>
      tx((trx) => appraisal.decideProposal(trx, supervisor, cycleId, id, body));

    beforeAll(async () => {
      db = await createTestDb(dialect);
      if (!db) return;
      org = await buildSmallOrg(db);
      await changePerson(db, org.people.agentB1, { level: 'star', star: 2 }, '2025-06-01');
      admin = actorOf(org.people.admin, 'admin');
      supervisor = actorOf(org.people.supervisor, 'supervisor', org.departments.cs);
    });
    afterAll(async () => db?.dispose());

    it('proposes a reserve supervisor after two consecutive excellent quarters, and not after a red line', async (ctx) => {
      if (!db) return ctx.skip();
      const q2 = await cycleWith('quarterly', '2026-04-01', '2026-06-30', QUARTER_VALUES, QUARTER_ITEMS);
      const r2 = await appraisal.listResults(db.kysely, admin, q2);
      expect(r2.map((r) => [loginOf(r.personId), r.total, r.grade])).toEqual([
        ['agentA1', 99.99, 'S'],
        // 0.64 → 80 each, 3 cases → 100: 48 + 12.31 + 7.38 + 7.38 + 6.15
        ['agentA2', 81.22, 'B'],
        ['agentB1', 90.62, 'A'],
      ]);
      // one excellent quarter is not enough; S in 售前 proposes the difficult-complaints group
      const first = await proposals(q2);
      expect(first.map((p) => [p.login, p.kind])).toEqual([['agentA1', 'move_group']]);
      await decide(q2, first[0].id, { decision: 'reject', reason: '售前大促期间不调岗' });
      await tx((trx) => appraisal.changeState(trx, admin, q2, 'calibration'));
      await tx((trx) => appraisal.changeState(trx, admin, q2, 'finalised'));

      await tx((trx) =>
        appraisal.recordRedLine(trx, supervisor, {
          personId: org.people.agentB1,
          kind: 'rude_to_customer',
          onDate: '2026-08-15',
        }),
      );
      const q3 = await cycleWith('quarterly', '2026-07-01', '2026-09-30', QUARTER_VALUES, QUARTER_ITEMS);
      const found = await proposals(q3);
      expect(found.map((p) => [p.login, p.kind, p.status])).toEqual([
        ['agentA1', 'move_group', 'open'],
        ['agentA1', 'reserve_supervisor', 'open'],
        // agentB1 graded A twice, but crossed a red line: demotion, no reserve-supervisor proposal
        ['agentB1', 'red_line_demotion', 'open'],
      ]);
      const reserve = found.find((p) => p.kind === 'reserve_supervisor')!;
      expect(reserve.proposal).toMatchObject({ periods: ['2026-Q2', '2026-Q3'] });
      expect(reserve.reason.en).toBe(
        '2 consecutive excellent quarters (2026-Q2 S, 2026-Q3 S): proposed as a reserve-supervisor candidate',
      );
      const confirmed = await decide(q3, reserve.id, { decision: 'confirm', reason: '列入储备主管培养计划' });
      expect([confirmed.status, confirmed.decisionReason, confirmed.applied]).toEqual([
        'confirmed',
        '列入储备主管培养计划',
        null,
      ]);
    });

    it('voids the bonus of a red line and demotes the star when the demotion is confirmed', async (ctx) => {
      if (!db) return ctx.skip();
      const q3 = (await appraisal.listCycles(db.kysely)).find((c) => c.periodFrom === '2026-07-01')!.id;
      const b1 = await appraisal.getResult(db.kysely, admin, q3, org.people.agentB1);
      const bonus = b1.bonus as AgentBonus;
      expect([b1.finalGrade, bonus.voided, bonus.totalCents]).toEqual(['A', true, 0]);
      expect(bonus.lines[0]).toMatchObject({ component: 'base', cents: 0, voidedCents: 144_992 });
      expect(bonus.nextStanding).toEqual({ level: 'star', star: 1 });

      const demotion = (await proposals(q3)).find((p) => p.kind === 'red_line_demotion')!;
      expect(demotion.proposal).toMatchObject({ from: { level: 'star', star: 2 }, to: { level: 'star', star: 1 } });
      const done = await decide(q3, demotion.id, { decision: 'confirm' });
      expect(done.applied).toMatchObject({ from: { star: 2 }, to: { level: 'star', star: 1 } });
      const person = await db.kysely
        .selectFrom('people')
        .select(['level', 'star'])
        .where('id', '=', org.people.agentB1)
        .executeTakeFirstOrThrow();
      expect(person).toEqual({ level: 'star', star: 1 });
      const history = await db.kysely
        .selectFrom('employment_events')
        .select(['kind', 'on_date', 'detail'])
        .where('person_id', '=', org.people.agentB1)
        .orderBy('created_at')
        .execute();
      expect(history.map((h) => [h.kind, h.on_date, JSON.parse(h.detail ?? 'null')?.toStar])).toEqual([
        ['joined', '2025-01-01', undefined],
        ['level_changed', '2025-06-01', 2],
        ['level_changed', done.applied && (done.applied as { effectiveDate: string }).effectiveDate, 1],
      ]);
      // the person row changed once: a second confirmation is refused
      await expect(decide(q3, demotion.id, { decision: 'confirm' })).rejects.toMatchObject({
        statusCode: 409,
        code: 'already_decided',
      });
    });

    it('plans a month of mentoring below 70 and proposes transfer or exit when the re-appraisal fails again', async (ctx) => {
      if (!db) return ctx.skip();
      const may = await cycleWith(
        'monthly',
        '2026-05-01',
        '2026-05-31',
        { agentA1: [0.7], agentA2: [0.52] },
        ['utilisation'],
        [org.groups.presale],
      );
      const a2 = await appraisal.getResult(db.kysely, admin, may, org.people.agentA2);
      expect([a2.total, a2.grade]).toEqual([40, 'D']);
      const plan = (await proposals(may)).find((p) => p.login === 'agentA2' && p.kind === 'improvement_plan')!;
      expect(plan.proposal).toMatchObject({ startOn: '2026-06-01', reappraiseOn: '2026-07-01', mentorId: null });
      expect(plan.reason.en).toBe('total 40 below 70: one-to-one mentoring for 1 month(s), then a re-appraisal');
      const confirmed = await decide(may, plan.id, { decision: 'confirm', mentorId: org.people.leadA });
      expect([confirmed.mentorId, confirmed.reappraiseOn]).toEqual([org.people.leadA, '2026-07-01']);
      expect(confirmed.applied).toEqual({
        mentorId: org.people.leadA,
        startOn: '2026-06-01',
        reappraiseOn: '2026-07-01',
      });

      // June holds the plan's last day (06-30): it is the re-appraisal
      const june = await cycleWith(
        'monthly',
        '2026-06-01',
        '2026-06-30',
        { agentA1: [0.7], agentA2: [0.55] },
        ['utilisation'],
        [org.groups.presale],
      );
      const again = (await proposals(june)).filter((p) => p.login === 'agentA2');
      expect(again.map((p) => p.kind)).toEqual(['move_group', 'transfer_or_exit']);
      expect(again[1].reason.en).toBe(
        're-appraisal after mentoring scored 50, still below 70: transfer or exit proposed',
      );
    });
  });
}
