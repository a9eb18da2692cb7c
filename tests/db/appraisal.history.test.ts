/**
 * What stands behind a result, on SQLite and PostgreSQL (SPEC APR-4): the agent sees their own
 * result, values and history only from calibration on; the hand-entered values say who entered
 * them; the history lists every calibration and appeal event from the audit log in order (never
 * the peer reviewers); the appeal inbox gathers appeals across cycles in the caller's scope; the
 * cycle list says what each open cycle is missing.
 *
 * November 2026, default scheme v1, monthly (the month of appraisal.test.ts without its red line):
 * agentA1 67.50 → C, agentA2 48.33 → D. A1 is calibrated to 72 (C), then to 75 (B).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import { actorOf, importNovemberMessages, staffOf, transactor } from '../support/appraisal.ts';
import { DIALECTS, createTestDb, type TestDb } from '../support/databases.ts';
import { buildSmallOrg, type SmallOrg } from '../support/factories.ts';
import * as appraisal from '../../server/modules/appraisal/appraisal.service.ts';

for (const dialect of DIALECTS) {
  describe(`what stands behind a result on ${dialect}`, () => {
    let db: TestDb | null;
    let org: SmallOrg;
    let admin: Actor;
    let supervisor: Actor;
    let cycleId: string;
    const tx = transactor(() => db);
    const agent = (login: 'agentA1' | 'agentA2') => actorOf(org.people[login], 'agent');
    const lead = () => actorOf(org.people.leadA, 'lead', org.departments.cs, org.groups.presale);
    const step = (to: Parameters<typeof appraisal.changeState>[3]) =>
      tx((trx) => appraisal.changeState(trx, admin, cycleId, to));

    beforeAll(async () => {
      db = await createTestDb(dialect);
      if (!db) return;
      org = await buildSmallOrg(db);
      ({ admin, supervisor } = staffOf(org));
      await importNovemberMessages(db);
      cycleId = (
        await tx((trx) =>
          appraisal.createCycle(trx, admin, {
            name: '2026年11月 售前一组',
            kind: 'monthly',
            periodFrom: '2026-11-01',
            periodTo: '2026-11-30',
            scope: { departmentIds: [], groupIds: [org.groups.presale] },
            schemeId: 'default',
            schemeVersion: 1,
          }),
        )
      ).id;
      await step('collecting');
    });
    afterAll(async () => db?.dispose());

    it('lists what each open cycle is missing before its next state', async (ctx) => {
      if (!db) return ctx.skip();
      const [listed] = await appraisal.listCycles(db.kysely);
      expect(listed.next?.state).toBe('reviewing');
      expect(listed.next?.missing.map((m) => [m.code, m.agentIds.length])).toEqual([['values_not_entered', 2]]);
      expect(listed).toEqual(await appraisal.getCycle(db.kysely, cycleId));
    });

    it('says who entered each hand-entered value and when, and keeps it from the agent until calibration', async (ctx) => {
      if (!db) return ctx.skip();
      const value = (by: Actor, personId: string, itemId: string, v: number, comment?: string) =>
        tx((trx) => appraisal.submitValue(trx, by, cycleId, { personId, itemId, value: v, comment }));
      await value(lead(), org.people.agentA1, 'utilisation', 0.5);
      await value(supervisor, org.people.agentA1, 'utilisation', 0.61, '排班表核对');
      await value(supervisor, org.people.agentA2, 'utilisation', 0.7);
      const values = await appraisal.listValues(db.kysely, lead(), cycleId, org.people.agentA1);
      expect(values).toEqual([
        {
          itemId: 'utilisation',
          value: 0.61,
          comment: '排班表核对',
          enteredBy: org.people.supervisor,
          enteredByName: 'supervisor',
          enteredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      ]);
      await expect(
        appraisal.listValues(db.kysely, agent('agentA1'), cycleId, org.people.agentA1),
      ).rejects.toMatchObject({ statusCode: 403, code: 'not_released' });
      await expect(
        appraisal.listValues(db.kysely, agent('agentA2'), cycleId, org.people.agentA1),
      ).rejects.toMatchObject({ statusCode: 403, code: 'forbidden' });
    });

    it('shows reviewers the results in reviewing and the agent nothing of their own yet', async (ctx) => {
      if (!db) return ctx.skip();
      await step('reviewing');
      expect((await appraisal.listResults(db.kysely, lead(), cycleId)).map((r) => [r.personName, r.total])).toEqual([
        ['agentA1', 67.5],
        ['agentA2', 48.33],
      ]);
      expect(await appraisal.listResults(db.kysely, agent('agentA1'), cycleId)).toEqual([]);
      await expect(appraisal.getResult(db.kysely, agent('agentA1'), cycleId, org.people.agentA1)).rejects.toMatchObject(
        { statusCode: 403, code: 'not_released' },
      );
      await expect(
        appraisal.resultHistory(db.kysely, agent('agentA1'), cycleId, org.people.agentA1),
      ).rejects.toMatchObject({ statusCode: 403, code: 'not_released' });
    });

    it('keeps every calibration and appeal event in order, without the peer reviewers', async (ctx) => {
      if (!db) return ctx.skip();
      await tx((trx) =>
        appraisal.setPeerReviewers(trx, supervisor, cycleId, org.people.agentA1, { reviewerIds: [org.people.agentA2] }),
      );
      await step('calibration');
      const own = await appraisal.getResult(db.kysely, agent('agentA1'), cycleId, org.people.agentA1);
      expect([own.finalTotal, own.finalGrade]).toEqual([67.5, 'C']);
      const calibrate = (total: number, reason: string) =>
        tx((trx) => appraisal.calibrateResult(trx, supervisor, cycleId, org.people.agentA1, { total, reason }));
      await calibrate(72, '大促支援售后');
      await calibrate(75, '复核后补计电话渠道');
      await tx((trx) => appraisal.appeal(trx, agent('agentA1'), cycleId, org.people.agentA1, '电话渠道未统计'));
      await tx((trx) => appraisal.answerAppeal(trx, supervisor, cycleId, org.people.agentA1, '已补计，维持 75 分'));
      await tx((trx) => appraisal.acknowledge(trx, agent('agentA1'), cycleId, org.people.agentA1));

      const history = await appraisal.resultHistory(db.kysely, agent('agentA1'), cycleId, org.people.agentA1);
      expect(history.map((e) => [e.kind, e.actorName, e.fromTotal, e.fromGrade, e.total, e.grade, e.text])).toEqual([
        ['calibrated', 'supervisor', 67.5, 'C', 72, 'C', '大促支援售后'],
        ['calibrated', 'supervisor', 72, 'C', 75, 'B', '复核后补计电话渠道'],
        ['appealed', 'agentA1', null, null, null, null, '电话渠道未统计'],
        ['answered', 'supervisor', null, null, null, null, '已补计，维持 75 分'],
        ['acknowledged', 'agentA1', null, null, null, null, null],
      ]);
      expect(history.map((e) => e.at)).toEqual(history.map((e) => e.at).sort());
      expect(await appraisal.resultHistory(db.kysely, lead(), cycleId, org.people.agentA1)).toEqual(history);
      expect(await appraisal.resultHistory(db.kysely, admin, cycleId, org.people.agentA2)).toEqual([]);
    });

    it('gathers the appeals of the caller’s scope across cycles, open and answered', async (ctx) => {
      if (!db) return ctx.skip();
      await tx((trx) => appraisal.appeal(trx, agent('agentA2'), cycleId, org.people.agentA2, '首响时间有误'));
      const open = await appraisal.listAppeals(db.kysely, supervisor, 'open');
      expect(open.map((a) => [a.personName, a.cycleName, a.cycleState, a.appeal.reason, a.finalGrade])).toEqual([
        ['agentA2', '2026年11月 售前一组', 'calibration', '首响时间有误', 'D'],
      ]);
      const answered = await appraisal.listAppeals(db.kysely, supervisor, 'answered');
      expect(
        answered.map((a) => [a.personName, a.appeal.answer, a.answeredByName, a.calibration?.total, a.total]),
      ).toEqual([['agentA1', '已补计，维持 75 分', 'supervisor', 75, 67.5]]);
      expect((await appraisal.listAppeals(db.kysely, supervisor)).map((a) => a.personName).sort()).toEqual([
        'agentA1',
        'agentA2',
      ]);
      const elsewhere = actorOf(org.people.supervisor2, 'supervisor', org.departments.other);
      expect(await appraisal.listAppeals(db.kysely, elsewhere)).toEqual([]);
      const [listed] = await appraisal.listCycles(db.kysely);
      expect(listed.next?.missing.map((m) => m.code)).toEqual(expect.arrayContaining(['appeals_open']));
    });
  });
}
