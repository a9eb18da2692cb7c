/**
 * Quality inspection through the real services on SQLite and PostgreSQL (SPEC QA-1, QA-2, QA-4,
 * QA-5): a sample drawn from imported conversations, dealt to reviewers; reviews scored by the
 * default scorecard; a dispute decided by a second reviewer; a blind calibration session.
 *
 * Service data, 2026-11-01..05 in 云裳旗舰店 and 云裳京东店 (every conversation: a question and a
 * reply 20 s later), worked by hand against the default rules (30 %, 100 % for new hires and
 * complaint rates above 5 %, at least one per agent):
 * - agentA1 (hired 2025): 5 days × 2 shops × 2 = 20, no categories → 30 % = 6, one per stratum
 *   at most (10 strata of 2, 0.6 each).
 * - newbie (hired 2026-10-15, a new hire): 4 → all 4.
 * - agentB1: 4, one a complaint → 25 % > 5 % → all 4.
 * - agentA2: 3, all consults → 30 % of 3 = 0.9 → 1.
 * 15 conversations over leadA, leadB and the supervisor: 5 each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { AppraisalResult } from '../../domain/appraisal/index.ts';
import { DEFAULT_SCORECARD } from '../../domain/qa/defaults.ts';
import { buildRatings } from '../../domain/qa/factories.ts';
import type { Db } from '../../server/db/database.ts';
import type { Conn } from '../../server/db/types.ts';
import { listAudit, SYSTEM } from '../../server/modules/audit/audit.service.ts';
import { toActor } from '../../server/modules/auth/auth.service.ts';
import { importFile } from '../../server/modules/ingest/ingest.service.ts';
import { findById } from '../../server/modules/people/people.repository.ts';
import { applyState } from '../../server/modules/people/people.service.ts';
import * as qa from '../../server/modules/qa/qa.service.ts';
import * as appraisal from '../../server/modules/appraisal/appraisal.service.ts';
import { computeResults } from '../../server/modules/appraisal/appraisal.compute.ts';
import { findCycle } from '../../server/modules/appraisal/appraisal.repository.ts';
import type { SampleCreate } from '../../server/modules/qa/qa.schema.ts';
import { rejection } from '../support/appraisal.ts';
import { DIALECTS, createTestDb, type TestDb } from '../support/databases.ts';
import { buildPerson, buildSmallOrg, type SmallOrg } from '../support/factories.ts';

const SHOPS = ['云裳旗舰店', '云裳京东店'];
const rated = (over: Record<string, number | null> = {}) => buildRatings(DEFAULT_SCORECARD, over);

interface Conv {
  id: string;
  agent: string;
  shop: string;
  day: number;
  category?: string;
}

/** The period's conversations (see the file comment). */
function conversations(): Conv[] {
  const out: Conv[] = [];
  for (let day = 1; day <= 5; day++) {
    for (const shop of SHOPS)
      for (let i = 0; i < 2; i++)
        out.push({ id: `a1-${day}-${shop === SHOPS[0] ? 't' : 'j'}-${i}`, agent: 'agentA1', shop, day });
  }
  for (const day of [1, 2])
    for (let i = 0; i < 2; i++) out.push({ id: `nb-${day}-${i}`, agent: 'newbie', shop: SHOPS[0], day });
  out.push({ id: 'b1-3-0', agent: 'agentB1', shop: SHOPS[0], day: 3, category: 'complaint' });
  out.push({ id: 'b1-3-1', agent: 'agentB1', shop: SHOPS[0], day: 3, category: 'consult' });
  out.push({ id: 'b1-4-0', agent: 'agentB1', shop: SHOPS[1], day: 4, category: 'consult' });
  out.push({ id: 'b1-4-1', agent: 'agentB1', shop: SHOPS[1], day: 4, category: 'consult' });
  for (const day of [2, 3, 4])
    out.push({ id: `a2-${day}`, agent: 'agentA2', shop: SHOPS[1], day, category: 'consult' });
  return out;
}

async function importConversations(db: Db, convs: Conv[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-qa-'));
  const messages = ['conversation_id,message_id,shop_id,channel,customer_id,sender,agent_id,sent_at,text'];
  const attrs = ['conversation_id,category'];
  convs.forEach((c, n) => {
    const d = `2026-11-0${c.day}`;
    const minute = String(n % 60).padStart(2, '0');
    messages.push(`${c.id},${c.id}-q,${c.shop},chat,cust-${c.id},customer,,${d}T10:${minute}:00+08:00,请问发货了吗`);
    messages.push(
      `${c.id},${c.id}-a,${c.shop},chat,cust-${c.id},agent,${c.agent},${d}T10:${minute}:20+08:00,亲，今天下午发出，电话13812345678`,
    );
    if (c.category) attrs.push(`${c.id},${c.category}`);
  });
  for (const [name, rows] of [
    ['messages.csv', messages],
    ['conversations.csv', attrs],
  ] as const) {
    fs.writeFileSync(path.join(dir, name), rows.join('\n'));
    await importFile(db, { path: path.join(dir, name) });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

for (const dialect of DIALECTS) {
  describe(`quality inspection on ${dialect}`, () => {
    let db: TestDb | null;
    let org: SmallOrg;
    let newbie: string;
    const actors = new Map<string, Actor>();
    const as = (key: string) => actors.get(key)!;
    const tx = <T>(fn: (trx: Conn) => Promise<T>) => db!.kysely.transaction().execute(fn);
    let body: SampleCreate;
    let sampleId: string;

    beforeAll(async () => {
      db = await createTestDb(dialect);
      if (!db) return;
      org = await buildSmallOrg(db);
      const k = db.kysely;
      newbie = (
        await applyState(
          k,
          SYSTEM,
          undefined,
          buildPerson({
            login: 'newbie',
            departmentId: org.departments.cs,
            groupId: org.groups.presale,
            hireDate: '2026-10-15',
            statusSince: '2026-10-15',
          }),
          { effectiveDate: '2026-10-15' },
        )
      ).id;
      for (const [key, id] of [...Object.entries(org.people), ['newbie', newbie]]) {
        actors.set(key, toActor((await findById(k, id))!));
        actors.set(id, actors.get(key)!);
      }
      await importConversations(db, conversations());
      body = {
        periodFrom: '2026-11-01',
        periodTo: '2026-11-05',
        scorecardId: 'default',
        reviewerIds: [org.people.leadA, org.people.leadB, org.people.supervisor],
        scope: { departmentIds: [], groupIds: [] },
      };
    });
    afterAll(async () => db?.dispose());

    it('seeds the default scorecard and saves an edit as a new version, refusing a broken one by path', async (ctx) => {
      if (!db) return ctx.skip();
      const cards = await qa.listScorecards(db.kysely);
      expect(cards.map((c) => `${c.id}@${c.version}`)).toEqual(['default@1']);
      const { name, categories } = cards[0];
      const broken = structuredClone(categories);
      broken[1].items[0].weight = 10;
      const err = await rejection(
        tx((trx) => qa.reviseScorecard(trx, as('manager'), 'default', { name, categories: broken, maxScore: 100 })),
      );
      expect([err.statusCode, err.code, err.details?.map((d) => d.field)]).toEqual([
        400,
        'scorecard_invalid',
        ['categories'],
      ]);
      const v2 = await tx((trx) =>
        qa.reviseScorecard(trx, as('manager'), 'default', { name, categories, maxScore: 110 }),
      );
      expect([v2.version, v2.maxScore, v2.createdBy]).toEqual([2, 110, org.people.manager]);
      expect((await qa.getScorecard(db.kysely, 'default', 1)).maxScore).toBe(100);
    });

    it('draws the period’s sample by the rules, the same every time', async (ctx) => {
      if (!db) return ctx.skip();
      const first = await qa.previewSample(db.kysely, as('manager'), { ...body, scorecardVersion: 1 });
      const again = await qa.previewSample(db.kysely, as('manager'), { ...body, scorecardVersion: 1 });
      expect(again).toEqual(first);
      expect(first.seed).toBe('2026-11-01..2026-11-05');
      const byName = Object.fromEntries(
        first.agents.map((a) => [
          a.agentName,
          [a.conversations, a.sampled, a.byReason.map((r) => r.reason), a.complaintRate],
        ]),
      );
      expect(byName).toEqual({
        agentA1: [20, 6, ['random'], null],
        newbie: [4, 4, ['new_hire'], null],
        agentB1: [4, 4, ['high_complaints'], 0.25],
        agentA2: [3, 1, ['random'], 0],
      });
      const a1 = first.conversations.filter((c) => c.agentId === org.people.agentA1);
      expect(new Set(a1.map((c) => `${c.day}|${c.shopId}`)).size).toBe(6);
      const perReviewer = body.reviewerIds.map((r) => first.conversations.filter((c) => c.reviewerId === r).length);
      expect(perReviewer).toEqual([5, 5, 5]);
    });

    it('saves the sample as the preview drew it and fills each reviewer’s queue', async (ctx) => {
      if (!db) return ctx.skip();
      const preview = await qa.previewSample(db.kysely, as('manager'), { ...body, scorecardVersion: 1 });
      const sample = await tx((trx) => qa.createSample(trx, as('manager'), { ...body, scorecardVersion: 1 }));
      sampleId = sample.id;
      expect(sample.reviewers.map((r) => [r.assigned, r.done])).toEqual([
        [5, 0],
        [5, 0],
        [5, 0],
      ]);
      const detail = await qa.getSample(db.kysely, as('manager'), sample.id);
      const saved = detail.assignments.map((a) => [a.conversationId, a.reviewerId, a.reason]).sort();
      expect(saved).toEqual(preview.conversations.map((c) => [c.conversationId, c.reviewerId, c.reason]).sort());
      const queue = await qa.listQueue(db.kysely, as('leadB'), 'open');
      expect(queue).toHaveLength(5);
      expect(queue.every((a) => a.reviewerId === org.people.leadB && a.scorecardVersion === 1)).toBe(true);
      const again = await rejection(tx((trx) => qa.createSample(trx, as('manager'), body)));
      expect([again.statusCode, again.code]).toEqual([409, 'already_sampled']);
      const audit = await listAudit(db.kysely, { entity: 'qa_sample', entityId: sample.id, limit: 5 });
      expect(audit.map((a) => a.action)).toEqual(['qa.sample_create']);
      expect(audit[0].after).toMatchObject({ seed: '2026-11-01..2026-11-05', sampled: 15 });
    });

    describe('reviews and disputes', () => {
      let first: string;
      let second: string;
      let secondReviewer: string;

      it('scores a review with N/A items by the weighted mean of the rest, and a critical fail as 0', async (ctx) => {
        if (!db) return ctx.skip();
        const a1 = (await qa.getSample(db.kysely, as('manager'), sampleId)).assignments.filter(
          (a) => a.agentId === org.people.agentA1,
        );
        const [x, y] = a1;
        const wrong = a1.find((a) => a.reviewerId !== x.reviewerId)!.reviewerId;
        const refused = await rejection(
          tx((trx) => qa.submitReview(trx, as(wrong), x.id, { ratings: rated(), comments: {} })),
        );
        expect(refused.statusCode).toBe(403);
        const invalid = await rejection(
          tx((trx) =>
            qa.submitReview(trx, as(x.reviewerId), x.id, { ratings: rated({ privacy: null }), comments: {} }),
          ),
        );
        expect([invalid.code, invalid.details?.map((d) => d.field)]).toEqual(['ratings_invalid', ['ratings.privacy']]);

        // emotional care N/A (rated weight 75), greeting 1 of 2 loses 4 → 71 / 75 = 94.67
        const r1 = await tx((trx) =>
          qa.submitReview(trx, as(x.reviewerId), x.id, {
            ratings: rated({ acknowledged_feelings: null, calmed_customer: null, standard_greeting: 1 }),
            comments: { standard_greeting: '开场未使用标准话术' },
            coachingNote: '复习标准开场语',
          }),
        );
        expect([r1.score, r1.finalScore, r1.criticalFail, r1.status]).toEqual([94.67, 94.67, false, 'submitted']);
        // the agent's reply carried a phone number: privacy breach → 0 whatever else
        const r2 = await tx((trx) =>
          qa.submitReview(trx, as(y.reviewerId), y.id, {
            ratings: rated({ privacy: 0 }),
            comments: { privacy: '发送了手机号' },
          }),
        );
        expect([r2.score, r2.criticalFail]).toEqual([0, true]);
        expect((r2.breakdown as { failedCritical: string[] }).failedCritical).toEqual(['privacy']);
        const twice = await rejection(
          tx((trx) => qa.submitReview(trx, as(x.reviewerId), x.id, { ratings: rated(), comments: {} })),
        );
        expect([twice.statusCode, twice.code]).toEqual([409, 'already_reviewed']);
        expect((await qa.getAssignment(db.kysely, as(x.reviewerId), x.id)).status).toBe('done');
        first = r1.id;
        second = r2.id;
        secondReviewer = y.reviewerId;
        const scores = await qa.qaScoreFor(
          db.kysely,
          [org.people.agentA1, org.people.agentA2],
          '2026-11-01',
          '2026-11-30',
        );
        // (94.67 + 0) / 2
        expect(scores.get(org.people.agentA1)).toEqual({ score: 47.34, reviews: 2 });
        expect(scores.get(org.people.agentA2)).toEqual({ score: null, reviews: 0 });
      });

      it('lets the agent dispute their own review once and a second reviewer revise it', async (ctx) => {
        if (!db) return ctx.skip();
        const other = await rejection(tx((trx) => qa.disputeReview(trx, as('agentA2'), second, '不是我的')));
        expect(other.statusCode).toBe(403);
        const disputed = await tx((trx) =>
          qa.disputeReview(trx, as('agentA1'), second, '号码是客户自己的，我只是复述确认'),
        );
        expect([disputed.status, disputed.dispute?.reason]).toEqual(['disputed', '号码是客户自己的，我只是复述确认']);
        const again = await rejection(tx((trx) => qa.disputeReview(trx, as('agentA1'), second, '再申诉')));
        expect(again.code).toBe('already_disputed');

        const disputeId = disputed.dispute!.id;
        const decide = (who: string) => (trx: Conn) =>
          qa.decideDispute(trx, as(who), disputeId, {
            outcome: 'revised',
            ratings: rated({ correct_first_time: 4 }),
            note: '号码为客户提供，不算泄露；首次答复不完整',
          });
        const own = await rejection(tx(decide(secondReviewer)));
        expect([own.statusCode, own.message]).toEqual([
          403,
          'a second reviewer decides a dispute, not the one who wrote the review',
        ]);
        const decider = secondReviewer === org.people.supervisor ? org.people.leadA : org.people.supervisor;
        const outside = await rejection(tx(decide(org.people.leadB)));
        expect(outside.statusCode).toBe(403);
        // correct first time 4 of 5 loses 15 × 0.2 = 3 → 97
        const revised = await tx(decide(decider));
        expect([
          revised.score,
          revised.finalScore,
          revised.status,
          revised.dispute?.outcome,
          revised.dispute?.decidedBy,
        ]).toEqual([0, 97, 'revised', 'revised', decider]);
        expect(revised.dispute?.ratings).toEqual(rated({ correct_first_time: 4 }));
        const twice = await rejection(tx(decide(decider)));
        expect(twice.code).toBe('already_decided');
        const scores = await qa.qaScoreFor(db.kysely, [org.people.agentA1], '2026-11-01', '2026-11-05');
        // (94.67 + 97) / 2 = 95.835
        expect(scores.get(org.people.agentA1)).toEqual({ score: 95.84, reviews: 2 });
        const audit = await listAudit(db.kysely, { entity: 'qa_review', entityId: second, limit: 10 });
        expect(audit.map((a) => a.action).sort()).toEqual(['qa.dispute_decide', 'qa.dispute_open', 'qa.review_submit']);
      });

      it('shows an agent their own reviews only', async (ctx) => {
        if (!db) return ctx.skip();
        const own = await qa.listReviews(db.kysely, as('agentA1'), { limit: 50 });
        expect(own.map((r) => r.id).sort()).toEqual([first, second].sort());
        expect(await qa.listReviews(db.kysely, as('agentA2'), { limit: 50 })).toEqual([]);
        expect((await rejection(qa.getReview(db.kysely, as('agentA2'), first))).statusCode).toBe(403);
      });

      it('fills the appraisal’s QA-score indicator with the period’s QA score, after the dispute', async (ctx) => {
        if (!db) return ctx.skip();
        const admin = as('admin');
        const cycle = await tx((trx) =>
          appraisal.createCycle(trx, admin, {
            name: '2026-11 QA',
            kind: 'quarterly',
            periodFrom: '2026-11-01',
            periodTo: '2026-11-05',
            scope: { departmentIds: [org.departments.cs], groupIds: [] },
            schemeId: 'default',
            schemeVersion: 1,
          }),
        );
        await tx(async (trx) => computeResults(trx, (await findCycle(trx, cycle.id))!));
        const qaOf = async (personId: string) =>
          ((await appraisal.getResult(db!.kysely, admin, cycle.id, personId)).appraisal as AppraisalResult).indicators.find(
            (i) => i.id === 'qa_score',
          );
        // agentA1: (94.67 + 97) / 2 = 95.84 from the two reviews; agentA2 was not reviewed and has no hand entry
        expect((await qaOf(org.people.agentA1))?.value).toBe(95.84);
        expect((await qaOf(org.people.agentA2))?.value ?? null).toBeNull();
      });
    });

    describe('calibration', () => {
      let sessionId: string;
      const reviewers = () => [org.people.leadA, org.people.leadB, org.people.supervisor];
      const score = (who: string, conversationId: string, over: Record<string, number | null> = {}) =>
        tx((trx) => qa.submitCalibrationScore(trx, as(who), sessionId, { conversationId, ratings: rated(over) }));

      it('keeps the scores blind until the session closes', async (ctx) => {
        if (!db) return ctx.skip();
        const s = await tx((trx) =>
          qa.createCalibration(trx, as('manager'), {
            name: '11月第一周校准',
            scorecardId: 'default',
            scorecardVersion: 1,
            conversationIds: ['a2-2', 'a2-3'],
            reviewerIds: reviewers(),
            benchmarkReviewerId: null,
          }),
        );
        sessionId = s.id;
        await score(org.people.leadA, 'a2-2');
        await score(org.people.leadB, 'a2-2', { no_repeated_back_and_forth: 3 });
        await score(org.people.supervisor, 'a2-2', { no_repeated_back_and_forth: 4, calmed_customer: null });
        for (const who of reviewers()) await score(who, 'a2-3');

        const seen = await qa.getCalibration(db.kysely, as('leadA'), sessionId);
        expect(seen.scores.map((x) => x.reviewerId)).toEqual([org.people.leadA, org.people.leadA]);
        expect(seen.progress.find((p) => p.reviewerId === org.people.leadB)?.conversationIds).toEqual(['a2-2', 'a2-3']);
        expect((await qa.getCalibration(db.kysely, as('manager'), sessionId)).scores).toEqual([]);
        const early = await rejection(qa.calibrationReportOf(db.kysely, as('manager'), sessionId));
        expect([early.statusCode, early.code]).toEqual([409, 'session_open']);
        const stranger = await rejection(score(org.people.manager, 'a2-2'));
        expect(stranger.statusCode).toBe(403);

        await tx((trx) => qa.closeCalibration(trx, as('manager'), sessionId));
        expect((await qa.getCalibration(db.kysely, as('leadA'), sessionId)).scores).toHaveLength(6);
        const late = await rejection(score(org.people.leadA, 'a2-2'));
        expect(late.code).toBe('session_closed');
      });

      it('reports agreement against the median as worked by hand', async (ctx) => {
        if (!db) return ctx.skip();
        // Ranges of the default scorecard: 1 + 1 + 1 + 5 + 5 + 5 + 5 + 2 + 2 + bonus 1 = 28 per conversation.
        // a2-2 medians: back-and-forth median(5, 3, 4) = 4; calmed one N/A of three → median(5, 5) = 5.
        // leadA and leadB lose 5 × 1/5 = 1 of 28 on back-and-forth; the supervisor loses 5 (N/A against 5).
        // a2-3 everyone agrees: 28 of 28.
        const report = await qa.calibrationReportOf(db.kysely, as('leadB'), sessionId);
        expect(report.benchmarks.map((b) => [b.conversationId, b.basis, b.score])).toEqual([
          ['a2-2', 'median', 97],
          ['a2-3', 'median', 100],
        ]);
        const who = (id: string) => report.reviewers.find((r) => r.reviewerId === id)!;
        expect(who(org.people.leadA).alignment).toBeCloseTo(55 / 56, 10);
        expect(who(org.people.leadB).alignment).toBeCloseTo(55 / 56, 10);
        expect(who(org.people.supervisor).alignment).toBeCloseTo(51 / 56, 10);
        expect(report.overall.alignment).toBeCloseTo(161 / 168, 10);
        const item = (id: string) => report.items.find((i) => i.itemId === id)!;
        // back-and-forth: (0.8 + 0.8 + 1 + 1 + 1 + 1) / 6; calmed: (1 + 1 + 0 + 1 + 1 + 1) / 6
        expect(item('no_repeated_back_and_forth').alignment).toBeCloseTo(5.6 / 6, 10);
        expect(item('calmed_customer').alignment).toBeCloseTo(5 / 6, 10);
        expect(item('privacy')).toMatchObject({ alignment: 1, comparisons: 6 });
        // leadA 100 vs 97 on a2-2, 100 vs 100 on a2-3 → mean gap 1.5
        expect([who(org.people.leadA).scoreGap, who(org.people.leadB).scoreGap]).toEqual([1.5, 1.5]);
      });

      it('compares against the benchmark reviewer the owner names, leaving them out of the figures', async (ctx) => {
        if (!db) return ctx.skip();
        const s = await tx((trx) =>
          qa.createCalibration(trx, as('manager'), {
            name: '以主管为基准',
            scorecardId: 'default',
            scorecardVersion: 1,
            conversationIds: ['a2-2'],
            reviewerIds: reviewers(),
            benchmarkReviewerId: null,
          }),
        );
        sessionId = s.id;
        await tx((trx) => qa.setBenchmark(trx, as('manager'), sessionId, org.people.supervisor));
        await score(org.people.leadA, 'a2-2');
        await score(org.people.leadB, 'a2-2', { no_repeated_back_and_forth: 3 });
        await score(org.people.supervisor, 'a2-2', { no_repeated_back_and_forth: 4, calmed_customer: null });
        await tx((trx) => qa.closeCalibration(trx, as('manager'), sessionId));
        const report = await qa.calibrationReportOf(db.kysely, as('manager'), sessionId);
        // each lead: back-and-forth one point off (loses 1) and calmed 5 against N/A (loses 5) → 22 / 28
        expect(report.reviewers.map((r) => r.name).sort()).toEqual(['leadA', 'leadB']);
        expect(report.reviewers.map((r) => r.alignment)).toEqual([22 / 28, 22 / 28]);
        expect(report.benchmarkReviewerId).toBe(org.people.supervisor);
        expect(report.benchmarks[0].basis).toBe('benchmark');
      });
    });
  });
}
