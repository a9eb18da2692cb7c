/**
 * Reviews around a result on SQLite and PostgreSQL (SPEC APR-3, APR-8): peer/360 reviewers picked
 * by a supervisor (only they may answer; the score counts from 3 answers), the reproducible
 * customer-survey sample and its answers filling the survey indicator, performance-interview
 * notes, and all of it refused once the cycle is finalised.
 *
 * Scheme `review360` (a new version next to the shipped ones): quantitative 50 % = first response
 * (linear 60 s → 30 s); qualitative 50 % = peer/360 50 (linear 60 → 85) and customer survey 50
 * (linear 50 % → 90 %). Quarter 2026-Q3 of 售前一组 on the September data:
 * - agentA1: first response 39 s → 70 → 35.00; peers 90, 80, 70 → mean 80 → (80 − 60) / 25 × 100 = 80
 *   → 20.00; survey 1 of 2 satisfied = 50 % → 0 → 0.00; total 55.00.
 * - agentA2: first response 24 s → 100 → 50.00; two peer answers, fewer than 3 → withheld, its weight
 *   passes to the survey: 2 of 2 satisfied → 100 → 50.00; total 100.00.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import { surveySample, type AppraisalResult, type Scheme } from '../../domain/appraisal/index.ts';
import { DIALECTS, createTestDb, type TestDb } from '../support/databases.ts';
import { buildAppraisalSeptember, septemberConversations, type SmallOrg } from '../support/factories.ts';
import type { Conn } from '../../server/db/types.ts';
import { listAudit } from '../../server/modules/audit/audit.service.ts';
import * as appraisal from '../../server/modules/appraisal/appraisal.service.ts';

const actorOf = (
  id: string,
  role: Actor['role'],
  departmentId: string | null = null,
  groupId: string | null = null,
): Actor => ({
  id,
  role,
  departmentId,
  groupId,
  ledGroupIds: groupId ? [groupId] : [],
});

const label = (en: string) => ({ zh: en, en });
const REVIEW_SCHEME: Omit<Scheme, 'version'> = {
  id: 'review360',
  name: label('360 and survey'),
  sections: [
    {
      kind: 'quantitative',
      label: label('Quantitative'),
      weight: 50,
      indicators: [
        {
          id: 'first_response',
          kind: 'metric',
          metric: 'first_response_avg_s',
          label: label('First response'),
          direction: 'lower',
          target: 30,
          weight: 100,
          curve: { type: 'linear', floor: 60 },
        },
      ],
    },
    {
      kind: 'qualitative',
      label: label('Qualitative'),
      weight: 50,
      indicators: [
        {
          id: 'peer',
          kind: 'review',
          review: 'peer360',
          label: label('Peers'),
          direction: 'higher',
          target: 85,
          weight: 50,
          curve: { type: 'linear', floor: 60 },
        },
        {
          id: 'survey',
          kind: 'review',
          review: 'customer_survey',
          label: label('Survey'),
          direction: 'higher',
          target: 0.9,
          weight: 50,
          curve: { type: 'linear', floor: 0.5 },
        },
      ],
    },
  ],
};

for (const dialect of DIALECTS) {
  describe(`peer reviews, the customer survey and interview notes on ${dialect}`, () => {
    let db: TestDb | null;
    let org: SmallOrg;
    let admin: Actor;
    let supervisor: Actor;
    let cycleId: string;
    const tx = <T>(fn: (trx: Conn) => Promise<T>) => db!.kysely.transaction().execute(fn);
    const agent = (login: 'agentA1' | 'agentA2' | 'agentB1' | 'agentOther') => actorOf(org.people[login], 'agent');
    const lead = () => actorOf(org.people.leadA, 'lead', org.departments.cs, org.groups.presale);
    const peer = (by: Actor, personId: string, value: number) =>
      tx((trx) => appraisal.submitPeerReview(trx, by, cycleId, { personId, value }));

    beforeAll(async () => {
      db = await createTestDb(dialect);
      if (!db) return;
      org = await buildAppraisalSeptember(db);
      admin = actorOf(org.people.admin, 'admin');
      supervisor = actorOf(org.people.supervisor, 'supervisor', org.departments.cs);
      const scheme = await tx((trx) => appraisal.createSchemeVersion(trx, admin, REVIEW_SCHEME as never));
      cycleId = (
        await tx((trx) =>
          appraisal.createCycle(trx, admin, {
            name: '2026 Q3 售前一组 360',
            kind: 'quarterly',
            periodFrom: '2026-07-01',
            periodTo: '2026-09-30',
            scope: { departmentIds: [], groupIds: [org.groups.presale] },
            schemeId: scheme.id,
            schemeVersion: scheme.version,
          }),
        )
      ).id;
    });
    afterAll(async () => db?.dispose());

    it('lets a supervisor or lead in scope pick peer reviewers, and nobody else', async (ctx) => {
      if (!db) return ctx.skip();
      const set = (by: Actor, personId: string, reviewerIds: string[]) =>
        tx((trx) => appraisal.setPeerReviewers(trx, by, cycleId, personId, { reviewerIds }));
      const a1 = await set(supervisor, org.people.agentA1, [org.people.agentA2, org.people.leadA, org.people.agentB1]);
      expect([a1.reviewers.map((r) => r.name).sort(), a1.submitted, a1.minRaters]).toEqual([
        ['agentA2', 'agentB1', 'leadA'],
        0,
        3,
      ]);
      await set(lead(), org.people.agentA2, [org.people.agentA1, org.people.leadA]);
      const other = actorOf(org.people.supervisor2, 'supervisor', org.departments.other);
      await expect(set(other, org.people.agentA1, [org.people.agentA2])).rejects.toMatchObject({ statusCode: 403 });
      await expect(set(agent('agentA1'), org.people.agentA1, [org.people.agentA2])).rejects.toMatchObject({
        statusCode: 403,
      });
      await expect(set(supervisor, org.people.agentA1, [org.people.agentA1, 'nobody'])).rejects.toMatchObject({
        statusCode: 400,
        details: [
          { field: 'reviewerIds.0', message: 'nobody reviews themself' },
          { field: 'reviewerIds.1', message: 'unknown person nobody' },
        ],
      });
      const audit = await listAudit(db.kysely, {
        entity: 'appraisal_result',
        entityId: `${cycleId}/${org.people.agentA1}`,
        limit: 5,
      });
      expect(audit.map((a) => [a.action, a.after])).toEqual([
        ['appraisal.peer_reviewers', { reviewerIds: [org.people.agentA2, org.people.leadA, org.people.agentB1] }],
      ]);
    });

    it('lists each reviewer’s pending peer reviews and takes answers from the picked reviewers only', async (ctx) => {
      if (!db) return ctx.skip();
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'collecting'));
      const pending = await appraisal.myPendingPeerReviews(db.kysely, lead());
      expect(pending.map((p) => [p.cycleId, p.personName, p.cycleState])).toEqual([
        [cycleId, 'agentA1', 'collecting'],
        [cycleId, 'agentA2', 'collecting'],
      ]);
      await peer(agent('agentA2'), org.people.agentA1, 90);
      await peer(lead(), org.people.agentA1, 80);
      await peer(agent('agentA1'), org.people.agentA2, 95);
      await peer(lead(), org.people.agentA2, 85);
      expect(await appraisal.myPendingPeerReviews(db.kysely, lead())).toEqual([]);
      await expect(peer(agent('agentB1'), org.people.agentA2, 60)).rejects.toMatchObject({ statusCode: 403 });
      await expect(peer(agent('agentOther'), org.people.agentA1, 60)).rejects.toMatchObject({ statusCode: 403 });
      // someone who answered cannot be taken off the list
      const drop = tx((trx) =>
        appraisal.setPeerReviewers(trx, supervisor, cycleId, org.people.agentA1, { reviewerIds: [org.people.agentB1] }),
      );
      await expect(drop).rejects.toMatchObject({ statusCode: 409 });
      const list = await appraisal.listPeerAssignments(db.kysely, supervisor, cycleId);
      expect(list.map((a) => [a.personName, a.submitted, a.reviewers.length])).toEqual([
        ['agentA1', 2, 3],
        ['agentA2', 2, 2],
      ]);
    });

    it('draws the reproducible 10 % survey sample from the customers each agent served', async (ctx) => {
      if (!db) return ctx.skip();
      const survey = await appraisal.getSurvey(db.kysely, supervisor, cycleId);
      const served = (login: string) =>
        septemberConversations()
          .filter((c) => c.agent === login)
          .map((c) => c.customer);
      expect(survey.agents.map((a) => [a.personName, a.served, a.sampleSize])).toEqual([
        ['agentA1', 19, 2], // 19 distinct customers → ⌈1.9⌉ = 2
        ['agentA2', 20, 2],
      ]);
      expect(survey.agents[0].customers.map((c) => c.customerId)).toEqual(
        surveySample(cycleId, org.people.agentA1, served('agentA1')),
      );
      expect(await appraisal.getSurvey(db.kysely, supervisor, cycleId)).toEqual(survey);

      const [a1, a2] = survey.agents;
      const enter = (answers: Parameters<typeof appraisal.enterSurveyAnswers>[3]) =>
        tx((trx) => appraisal.enterSurveyAnswers(trx, supervisor, cycleId, answers));
      await expect(
        enter([
          { personId: a1.personId, ref: 'not-a-ref', satisfied: true },
          { personId: a1.personId, customerId: 'a2-c0', satisfied: true },
        ]),
      ).rejects.toMatchObject({
        statusCode: 400,
        details: [
          { field: 'answers.0.ref', message: 'not in the survey sample of this agent' },
          { field: 'answers.1.customerId', message: 'not in the survey sample of this agent' },
        ],
      });
      expect(
        await enter([
          { personId: a1.personId, ref: a1.customers[0].ref, satisfied: true },
          { personId: a1.personId, ref: a1.customers[1].ref, csat: 2, comment: '回复太慢' },
          { personId: a2.personId, ref: a2.customers[0].ref, csat: 5 },
          { personId: a2.personId, customerId: a2.customers[1].customerId, satisfied: true },
        ]),
      ).toBe(4);
      const after = await appraisal.getSurvey(db.kysely, supervisor, cycleId);
      expect(after.agents.map((a) => [a.answered, a.satisfied, a.value])).toEqual([
        [2, 1, 0.5],
        [2, 2, 1],
      ]);
      await expect(
        tx((trx) =>
          appraisal.enterSurveyAnswers(trx, agent('agentA1'), cycleId, [
            { personId: a2.personId, ref: a2.customers[0].ref, satisfied: false },
          ]),
        ),
      ).rejects.toMatchObject({ statusCode: 403 });
    });

    it('holds the cycle until every picked reviewer answered, then scores peers from 3 answers', async (ctx) => {
      if (!db) return ctx.skip();
      await expect(
        tx((trx) =>
          appraisal.putInterview(trx, supervisor, cycleId, org.people.agentA1, {
            heldOn: '2026-10-08',
            summary: '早了',
            actions: [],
          }),
        ),
      ).rejects.toMatchObject({ statusCode: 409, code: 'wrong_state' });
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'reviewing'));
      const blocked = tx((trx) => appraisal.changeState(trx, admin, cycleId, 'calibration'));
      await expect(blocked).rejects.toMatchObject({
        statusCode: 409,
        code: 'not_ready',
        details: [{ field: 'reviews_open' }],
      });
      await peer(agent('agentB1'), org.people.agentA1, 70);
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'calibration'));

      const a1 = await appraisal.getResult(db.kysely, admin, cycleId, org.people.agentA1);
      const a2 = await appraisal.getResult(db.kysely, admin, cycleId, org.people.agentA2);
      const scores = (r: typeof a1) =>
        (r.appraisal as AppraisalResult).indicators.map((i) => [i.id, i.value, i.score, i.weight, i.points]);
      expect(scores(a1)).toEqual([
        ['first_response', 39, 70, 50, 35],
        ['peer', 80, 80, 25, 20],
        ['survey', 0.5, 0, 25, 0],
      ]);
      expect(scores(a2)).toEqual([
        ['first_response', 24, 100, 50, 50],
        ['peer', null, null, 0, null],
        ['survey', 1, 100, 50, 50],
      ]);
      expect([a1.total, a2.total]).toEqual([55, 100]);
      // the appraisee sees how many peers answered, never the answers
      const own = await appraisal.getResult(db.kysely, agent('agentA1'), cycleId, org.people.agentA1);
      expect((own.appraisal as { inputs: { reviews: unknown } }).inputs.reviews).toMatchObject({
        peers: [],
        peerRaters: 3,
      });
      const peers = (a1.appraisal as { inputs: { reviews: { peers: number[] } } }).inputs.reviews.peers;
      expect([...peers].sort()).toEqual([70, 80, 90]);
    });

    it('records performance-interview notes the agent can read, audited', async (ctx) => {
      if (!db) return ctx.skip();
      const put = (by: Actor, personId: string, body: Parameters<typeof appraisal.putInterview>[4]) =>
        tx((trx) => appraisal.putInterview(trx, by, cycleId, personId, body));
      await put(supervisor, org.people.agentA1, {
        heldOn: '2026-10-08',
        summary: '客户回访满意度偏低',
        actions: ['每周复盘两通差评会话'],
      });
      const note = await put(supervisor, org.people.agentA1, {
        heldOn: '2026-10-09',
        summary: '客户回访满意度偏低，首响需提速',
        actions: ['每周复盘两通差评会话', '首响控制在 30 秒内'],
      });
      expect([note.heldOn, note.actions.length, note.recordedBy]).toEqual(['2026-10-09', 2, org.people.supervisor]);
      await put(lead(), org.people.agentA2, { heldOn: '2026-10-09', summary: '保持', actions: [] });
      await expect(
        put(agent('agentA1'), org.people.agentA1, { heldOn: '2026-10-09', summary: '自己写', actions: [] }),
      ).rejects.toMatchObject({ statusCode: 403 });
      await expect(
        put(supervisor, org.people.agentA1, { heldOn: '2026-02-30', summary: 'x', actions: [] }),
      ).rejects.toMatchObject({
        statusCode: 400,
        details: [{ field: 'heldOn' }],
      });

      expect(await appraisal.getInterview(db.kysely, agent('agentA1'), cycleId, org.people.agentA1)).toEqual(note);
      await expect(
        appraisal.getInterview(db.kysely, agent('agentA2'), cycleId, org.people.agentA1),
      ).rejects.toMatchObject({ statusCode: 403 });
      expect((await appraisal.listInterviews(db.kysely, agent('agentA1'), cycleId)).map((n) => n.personId)).toEqual([
        org.people.agentA1,
      ]);
      expect((await appraisal.listInterviews(db.kysely, lead(), cycleId)).length).toBe(2);
      const audit = await listAudit(db.kysely, {
        entity: 'appraisal_result',
        entityId: `${cycleId}/${org.people.agentA1}`,
        limit: 10,
      });
      const edits = audit.filter((a) => a.action === 'appraisal.interview');
      expect(
        edits
          .map((a) => [
            (a.before as { heldOn?: string } | null)?.heldOn ?? null,
            (a.after as { heldOn: string }).heldOn,
          ])
          .sort(),
      ).toEqual([
        [null, '2026-10-08'],
        ['2026-10-08', '2026-10-09'],
      ]);
    });

    it('refuses every review write once the cycle is finalised (409 cycle_locked)', async (ctx) => {
      if (!db) return ctx.skip();
      for (const p of await appraisal.listProposals(db.kysely, supervisor, cycleId)) {
        await tx((trx) =>
          appraisal.decideProposal(trx, supervisor, cycleId, p.id, { decision: 'reject', reason: '季度末统一处理' }),
        );
      }
      await tx((trx) => appraisal.changeState(trx, admin, cycleId, 'finalised'));
      const [a1] = (await appraisal.getSurvey(db.kysely, supervisor, cycleId)).agents;
      const writes: (() => Promise<unknown>)[] = [
        () =>
          tx((trx) => appraisal.setPeerReviewers(trx, supervisor, cycleId, org.people.agentA2, { reviewerIds: [] })),
        () => peer(agent('agentA2'), org.people.agentA1, 100),
        () =>
          tx((trx) =>
            appraisal.enterSurveyAnswers(trx, supervisor, cycleId, [
              { personId: a1.personId, ref: a1.customers[0].ref, satisfied: false },
            ]),
          ),
        () =>
          tx((trx) =>
            appraisal.importSurveyCsv(trx, supervisor, cycleId, Buffer.from('login,ref,satisfied\nagentA1,x,yes\n')),
          ),
        () =>
          tx((trx) =>
            appraisal.putInterview(trx, supervisor, cycleId, org.people.agentA1, {
              heldOn: '2026-10-10',
              summary: '改',
              actions: [],
            }),
          ),
      ];
      for (const write of writes)
        await expect(write()).rejects.toMatchObject({ statusCode: 409, code: 'cycle_locked' });
      expect((await appraisal.getSurvey(db.kysely, supervisor, cycleId)).agents[0].value).toBe(0.5);
    });
  });
}
