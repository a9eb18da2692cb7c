/**
 * An appraisal cycle through the real services on SQLite and PostgreSQL (SPEC APR-2..APR-6):
 * messages imported, a monthly cycle of 售前一组 on the default scheme from draft to finalised,
 * the results worked by hand, a red line voiding a bonus, calibration with a reason, the
 * consequence proposals decided before finalising, and a finalised cycle refusing every change
 * (the review writes of appraisal.reviews.test.ts included).
 *
 * November 2026, default scheme v1, monthly → quantitative section only (first response 15,
 * average response 15, immediate resolution 25, repeat complaints 15, customers/day 15,
 * utilisation 15). No resolution or complaint data → those two are left out and their weight
 * passes on: the four scored indicators carry 15 / 60 = 25 % each.
 * - agentA1 (junior): rounds 20 s (first) and 40 s → first response 20 s ≤ 30 → 100 → 25.00;
 *   average 30 s ≤ 35 band → 100 → 25.00; 1 customer/day, below the floor of 10 → 0 → 0.00;
 *   utilisation 61 % on 40 % → 70 % → 70 → 17.50. Total 67.50 → C; < 70 → improvement plan.
 *   Bonus: base ¥800 pro rata (customers/day missed) 80000 × 67.5 % = 54000; one adopted
 *   suggestion 20000 → 74000 cents.
 * - agentA2 (junior): first response 50 s → (60 − 50) / 30 × 100 = 33.33 → 8.33; average 50 s
 *   ≤ 55 band → 60 → 15.00; customers 0; utilisation 70 % → 100 → 25.00. Total 48.33 → D.
 *   A red line (rude to a customer, 11-20) voids the whole bonus: 80000 × 48.33 % = 38664 voided.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { AgentBonus, AppraisalResult, Proposal } from '../../domain/appraisal/index.ts';
import { actorOf, importNovemberMessages, rejection, staffOf, transactor } from '../support/appraisal.ts';
import { DIALECTS, createTestDb, type TestDb } from '../support/databases.ts';
import { buildSmallOrg, type SmallOrg } from '../support/factories.ts';
import { listAudit } from '../../server/modules/audit/audit.service.ts';
import * as appraisal from '../../server/modules/appraisal/appraisal.service.ts';

for (const dialect of DIALECTS) {
  describe(`appraisal cycle on ${dialect}`, () => {
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
      org = await buildSmallOrg(db);
      ({ admin, supervisor } = staffOf(org));
      await importNovemberMessages(db);
    });
    afterAll(async () => db?.dispose());

    it('seeds the shipped schemes and refuses an invalid new version with paths', async (ctx) => {
      if (!db) return ctx.skip();
      const schemes = await appraisal.listSchemes(db.kysely);
      expect(schemes.map((s) => `${s.id}@${s.version}`)).toEqual(['default@1', 'taobao@1']);
      const base = schemes[0];
      const bad = { id: 'default', name: base.name, sections: [{ ...base.sections[0], weight: 50 }, base.sections[1]] };
      const err = await rejection(tx((trx) => appraisal.createSchemeVersion(trx, admin, bad)));
      expect([err.statusCode, err.code]).toEqual([400, 'scheme_invalid']);
      expect(err.details?.map((d) => d.field)).toContain('sections');
      const v2 = await tx((trx) =>
        appraisal.createSchemeVersion(trx, admin, { id: 'default', name: base.name, sections: base.sections }),
      );
      expect(v2.version).toBe(2);
      expect((await appraisal.getScheme(db.kysely, 'default', 1)).createdBy).toBeNull();
    });

    it('opens a cycle and says what is missing before reviewing', async (ctx) => {
      if (!db) return ctx.skip();
      const c = await tx((trx) =>
        appraisal.createCycle(trx, admin, {
          name: '2026年11月 售前一组',
          kind: 'monthly',
          periodFrom: '2026-11-01',
          periodTo: '2026-11-30',
          scope: { departmentIds: [], groupIds: [org.groups.presale] },
          schemeId: 'default',
          schemeVersion: 1,
        }),
      );
      cycleId = c.id;
      expect(c.state).toBe('draft');
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'collecting'));
      const board = await appraisal.getCycle(db.kysely, cycleId);
      expect(board.next?.state).toBe('reviewing');
      expect(board.next?.missing.map((m) => [m.code, m.agentIds.length])).toEqual([['values_not_entered', 2]]);
      const err = await rejection(tx((trx) => appraisal.changeState(trx, admin, cycleId, 'reviewing')));
      expect([err.statusCode, err.code]).toEqual([409, 'not_ready']);
      expect(err.message).toContain('2 hand-entered values missing');
    });

    it('computes the hand-worked month when the cycle enters reviewing', async (ctx) => {
      if (!db) return ctx.skip();
      const value = (personId: string, itemId: string, v: number) =>
        tx((trx) => appraisal.submitValue(trx, supervisor, cycleId, { personId, itemId, value: v }));
      await value(org.people.agentA1, 'utilisation', 0.61);
      await value(org.people.agentA2, 'utilisation', 0.7);
      await value(org.people.agentA1, 'adopted_suggestions', 1);
      await tx((trx) =>
        appraisal.recordRedLine(trx, supervisor, {
          personId: org.people.agentA2,
          kind: 'rude_to_customer',
          onDate: '2026-11-20',
          note: '辱骂客户',
        }),
      );
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'reviewing'));

      const a1 = await result(org.people.agentA1);
      const why = a1.appraisal as AppraisalResult;
      expect(why.indicators.map((i) => [i.id, i.status, i.score, i.weight, i.points])).toEqual([
        ['first_response', 'scored', 100, 25, 25],
        ['avg_response', 'scored', 100, 25, 25],
        ['immediate_resolution', 'missing', null, 0, null],
        ['repeat_complaint', 'missing', null, 0, null],
        ['customers_per_day', 'scored', 0, 25, 0],
        ['utilisation', 'scored', 70, 25, 17.5],
        ...['qa_score', 'satisfaction', 'positive_reviews', 'training_pass', 'case_contributions'].map((id) => [
          id,
          'excluded',
          null,
          0,
          null,
        ]),
      ]);
      expect([a1.total, a1.grade, a1.rank, a1.rankOf]).toEqual([67.5, 'C', 1, 2]);
      const bonus = a1.bonus as AgentBonus;
      expect(bonus.lines.map((l) => [l.component, l.cents])).toEqual([
        ['base', 54_000],
        ['excess', 0],
        ['excess', 0],
        ['innovation', 20_000],
        ['team', 0],
      ]);
      expect(a1.bonusCents).toBe(74_000);
      expect((a1.proposals as Proposal[]).map((p) => p.kind)).toEqual(['improvement_plan']);

      const a2 = await result(org.people.agentA2);
      expect([a2.total, a2.grade, a2.rank]).toEqual([48.33, 'D', 2]);
    });

    it('voids the bonus of the agent who crossed a red line, whatever the score', async (ctx) => {
      if (!db) return ctx.skip();
      const a2 = await result(org.people.agentA2);
      const bonus = a2.bonus as AgentBonus;
      expect([bonus.voided, bonus.totalCents, a2.bonusCents]).toEqual([true, 0, 0]);
      expect(bonus.lines[0]).toMatchObject({ component: 'base', cents: 0, voidedCents: 38_664 });
      expect(bonus.lines[0].reason.zh).toContain('触犯高压线（服务态度恶劣）');
    });

    it('calibrates only with a reason, audits it and re-prices the bonus', async (ctx) => {
      if (!db) return ctx.skip();
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'calibration'));
      const err = await rejection(
        tx((trx) =>
          appraisal.calibrateResult(trx, supervisor, cycleId, org.people.agentA1, { total: 72, reason: '  ' }),
        ),
      );
      expect([err.statusCode, err.code]).toEqual([400, 'reason_required']);
      await tx((trx) =>
        appraisal.calibrateResult(trx, supervisor, cycleId, org.people.agentA1, {
          total: 72,
          reason: '双十一期间支援售后，接待量被低估',
        }),
      );
      const a1 = await result(org.people.agentA1);
      expect([a1.total, a1.finalTotal, a1.finalGrade, a1.calibration?.reason]).toEqual([
        67.5,
        72,
        'C',
        '双十一期间支援售后，接待量被低估',
      ]);
      // 80000 × 72 % = 57600 + innovation 20000
      expect(a1.bonusCents).toBe(77_600);
      expect(a1.proposals).toEqual([]);
      const audit = (
        await listAudit(db.kysely, {
          entity: 'appraisal_result',
          entityId: `${cycleId}/${org.people.agentA1}`,
          limit: 10,
        })
      ).filter((a) => a.action === 'appraisal.calibrate');
      expect(audit).toHaveLength(1);
      expect(audit[0].after).toMatchObject({ total: 72, reason: '双十一期间支援售后，接待量被低估' });
    });

    it('finalises only once every consequence proposal is confirmed or rejected', async (ctx) => {
      if (!db) return ctx.skip();
      const blocked = await rejection(tx((trx) => appraisal.changeState(trx, admin, cycleId, 'finalised')));
      expect([blocked.statusCode, blocked.code, blocked.details?.map((d) => d.field)]).toEqual([
        409,
        'not_ready',
        ['proposals_open'],
      ]);
      const open = await appraisal.listProposals(db.kysely, supervisor, cycleId);
      // agentA2: 48.33 < 70 → improvement plan; graded D in 售前 → the basic-inquiries group
      expect(open.map((p) => [p.personId, p.kind, p.status])).toEqual([
        [org.people.agentA2, 'improvement_plan', 'open'],
        [org.people.agentA2, 'move_group', 'open'],
      ]);
      const [plan, move] = open;
      // no senior colleague to suggest as mentor: the supervisor must name one
      const noMentor = await rejection(
        tx((trx) => appraisal.decideProposal(trx, supervisor, cycleId, plan.id, { decision: 'confirm' })),
      );
      expect([noMentor.statusCode, noMentor.details?.[0].field]).toEqual([400, 'mentorId']);
      const confirmed = await tx((trx) =>
        appraisal.decideProposal(trx, supervisor, cycleId, plan.id, {
          decision: 'confirm',
          mentorId: org.people.leadA,
        }),
      );
      // the plan starts the day after the period and is re-appraised one month later
      expect([confirmed.status, confirmed.mentorId, confirmed.reappraiseOn]).toEqual([
        'confirmed',
        org.people.leadA,
        '2027-01-01',
      ]);
      await tx((trx) =>
        appraisal.decideProposal(trx, supervisor, cycleId, move.id, {
          decision: 'reject',
          reason: '售前组人手不足，暂不调岗',
        }),
      );
      const again = await rejection(
        tx((trx) => appraisal.decideProposal(trx, supervisor, cycleId, move.id, { decision: 'confirm' })),
      );
      expect([again.statusCode, again.code]).toEqual([409, 'already_decided']);
    });

    it('refuses every write once finalised, the new review writes included (409 cycle_locked)', async (ctx) => {
      if (!db) return ctx.skip();
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'finalised'));
      const refusals: (() => Promise<unknown>)[] = [
        () =>
          tx((trx) =>
            appraisal.calibrateResult(trx, supervisor, cycleId, org.people.agentA1, { total: 90, reason: '再调' }),
          ),
        () =>
          tx((trx) =>
            appraisal.submitReview(trx, supervisor, cycleId, {
              personId: org.people.agentA1,
              kind: 'supervisor',
              value: 90,
            }),
          ),
        () =>
          tx((trx) =>
            appraisal.submitValue(trx, supervisor, cycleId, {
              personId: org.people.agentA1,
              itemId: 'utilisation',
              value: 0.9,
            }),
          ),
        () => tx((trx) => appraisal.changeState(trx, admin, cycleId, 'calibration')),
        () =>
          tx((trx) =>
            appraisal.recordRedLine(trx, supervisor, {
              personId: org.people.agentA1,
              kind: 'data_leak',
              onDate: '2026-11-21',
              cycleId,
            }),
          ),
        () =>
          tx((trx) =>
            appraisal.setPeerReviewers(trx, supervisor, cycleId, org.people.agentA1, {
              reviewerIds: [org.people.agentA2],
            }),
          ),
        () =>
          tx((trx) =>
            appraisal.submitPeerReview(trx, actorOf(org.people.agentA2, 'agent'), cycleId, {
              personId: org.people.agentA1,
              value: 90,
            }),
          ),
        () =>
          tx((trx) =>
            appraisal.enterSurveyAnswers(trx, supervisor, cycleId, [
              { personId: org.people.agentA1, customerId: 'c1', satisfied: true },
            ]),
          ),
        () =>
          tx((trx) =>
            appraisal.putInterview(trx, supervisor, cycleId, org.people.agentA1, {
              heldOn: '2026-12-03',
              summary: '复盘接待量',
              actions: [],
            }),
          ),
        async () => {
          const [plan] = await appraisal.listProposals(db!.kysely, supervisor, cycleId);
          return tx((trx) =>
            appraisal.decideProposal(trx, supervisor, cycleId, plan.id, { decision: 'reject', reason: '再议' }),
          );
        },
        () =>
          tx((trx) => appraisal.acknowledge(trx, actorOf(org.people.agentA1, 'agent'), cycleId, org.people.agentA1)),
        () =>
          tx((trx) =>
            appraisal.appeal(trx, actorOf(org.people.agentA1, 'agent'), cycleId, org.people.agentA1, '再申诉'),
          ),
      ];
      for (const refuse of refusals) {
        const err = await rejection(refuse());
        expect([err.statusCode, err.code]).toEqual([409, 'cycle_locked']);
      }
      expect((await result(org.people.agentA1)).finalTotal).toBe(72);
    });
  });
}
