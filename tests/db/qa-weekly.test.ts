/**
 * The weekly QA report through the real services on SQLite and PostgreSQL (SPEC QA-6, KPI-15):
 * a hand-built 2026-W47 (16–22 Nov) and the week after, worked by hand.
 *
 * Complaints of W47 (by the customer's words; a2-c1 by its issue key `o-1:price`):
 *   agentA1 (售前一组): logistics ×3, quality ×1 (+ one consult, not a complaint)
 *   agentA2 (售前一组): price (issue key overrides 破洞), other
 *   agentB1 (售后一组): quality, attitude, returns_refunds
 *   agentOther (直播客服部): logistics
 * Shares, flagged strictly above 20 %:
 *   manager (all, 10):        logistics 4/10 = 40 % ⚑; quality 2/10 = 20 % (not above); the rest 10 %
 *   supervisor (客服部, 9):    logistics 3/9 ⚑; quality 2/9 = 22.2 % ⚑
 *   leadA (售前一组, 6):       logistics 3/6 = 50 % ⚑; quality, price, other 1/6
 * W48: agentA1 logistics ×1, quality ×2; agentB1 attitude ×1 → all 4: logistics 1/4 = 25 %;
 *   客服部 4: quality 2/4 = 50 %.
 *
 * Reviews of W47 (everything sampled: every agent's complaint rate is above 5 %; 11 due):
 *   a1-c1 all best 100; a1-c2 greeting 1 of 2 (−8 × ½) 96; b1-c1 correct first time 4 of 5
 *   (−15 × ⅕) 97; a2-c2 calmed 3 of 5 (−15 × ⅖) and greeting 1 of 2 → 100 − 6 − 4 = 90.
 *   All: 4 done of 11, score (100 + 96 + 97 + 90) / 4 = 95.75; 售前一组 (100 + 96 + 90) / 3 =
 *   95.33, 售后一组 97; agentA1 98. Failure items: greeting 2 of 4 rated, then calmed and
 *   correct first time 1 of 4 each (by id).
 * Improvement actions: the manager's on logistics (everything; owner leadA): 40 % → 25 %,
 *   change −15 points; the supervisor's on quality (客服部; owner leadB): 2/9 → 50 %.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import { DEFAULT_SCORECARD } from '../../domain/qa/defaults.ts';
import { buildRatings } from '../../domain/qa/factories.ts';
import type { Db } from '../../server/db/database.ts';
import type { Conn } from '../../server/db/types.ts';
import { HttpError } from '../../server/lib/errors.ts';
import { listAudit } from '../../server/modules/audit/audit.service.ts';
import { toActor } from '../../server/modules/auth/auth.service.ts';
import { importFile } from '../../server/modules/ingest/ingest.service.ts';
import { findById } from '../../server/modules/people/people.repository.ts';
import * as qa from '../../server/modules/qa/qa.service.ts';
import { closeAction, createAction, listActions } from '../../server/modules/qa/qa.weekly.actions.ts';
import type { WeeklyOut } from '../../server/modules/qa/qa.weekly.schema.ts';
import { updateWeeklySettings, weeklyReport } from '../../server/modules/qa/qa.weekly.service.ts';
import { DIALECTS, createTestDb, type TestDb } from '../support/databases.ts';
import { buildSmallOrg, type SmallOrg } from '../support/factories.ts';

/** One conversation: the credited agent, its day in November, category, issue key, the customer's words. */
type Conv = [id: string, agent: string, day: number, category: string, issueKey: string, text: string];

const W47: Conv[] = [
  ['a1-c1', 'agentA1', 16, 'complaint', 'o-11', '快递一直不动，你们到底发没发？'],
  ['a1-c2', 'agentA1', 16, 'complaint', 'o-12', '说好48小时发货，5天了还没发'],
  ['a1-c3', 'agentA1', 17, 'complaint', 'o-13', '我的包裹还没收到'],
  ['a1-c4', 'agentA1', 18, 'complaint', 'sku-1', '收到的衣服有破洞，太失望了'],
  ['a1-x1', 'agentA1', 18, 'consult', '', '请问有货吗'],
  ['a2-c1', 'agentA2', 19, 'complaint', 'o-1:price', '衣服有破洞'],
  ['a2-c2', 'agentA2', 19, 'complaint', 'o-2', '在吗'],
  ['b1-c1', 'agentB1', 20, 'complaint', 'sku-2', '穿了一次就起球了，什么质量啊'],
  ['b1-c2', 'agentB1', 20, 'complaint', 'o-3', '上一个客服态度太差了'],
  ['b1-c3', 'agentB1', 21, 'complaint', 'o-4', '我退货寄回去好几天了，什么时候退款？'],
  ['ot-c1', 'agentOther', 22, 'complaint', 'o-5', '快递丢件了'],
];
const W48: Conv[] = [
  ['a1-d1', 'agentA1', 23, 'complaint', 'o-21', '物流信息一直不更新'],
  ['a1-d2', 'agentA1', 24, 'complaint', 'sku-3', '质量太差了'],
  ['a1-d3', 'agentA1', 25, 'complaint', 'sku-4', '衣服有很大的异味'],
  ['b1-d1', 'agentB1', 26, 'complaint', 'o-22', '你们客服都不回消息的吗？'],
];

/** Imports the conversations: the customer's words, then the agent's reply 20 s later (agents by login). */
async function importConversations(db: Db, convs: Conv[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-weekly-'));
  const messages = ['conversation_id,message_id,shop_id,channel,customer_id,sender,agent_id,sent_at,text'];
  const attrs = ['conversation_id,category,issue_key'];
  convs.forEach(([id, agent, day, category, issueKey, text], n) => {
    const at = `2026-11-${day}T10:${String(n % 60).padStart(2, '0')}`;
    messages.push(`${id},${id}-q,云裳旗舰店,chat,cust-${id},customer,,${at}:00+08:00,${text}`);
    messages.push(`${id},${id}-a,云裳旗舰店,chat,cust-${id},agent,${agent},${at}:20+08:00,亲，非常抱歉`);
    attrs.push(`${id},${category},${issueKey}`);
  });
  for (const [name, rows] of [
    ['messages.csv', messages],
    ['conversations.csv', attrs],
  ] as const) {
    fs.writeFileSync(path.join(dir, name), rows.join('\n'));
    const summary = await importFile(db, { path: path.join(dir, name) });
    if (summary.rejected) throw new Error(`${name}: ${JSON.stringify(summary.problems)}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

const pct = (r: WeeklyOut) =>
  Object.fromEntries(r.complaints.categories.map((c) => [c.category, [c.count, c.share, c.flagged]]));

for (const dialect of DIALECTS) {
  describe(`weekly QA report on ${dialect}`, () => {
    let db: TestDb | null;
    let org: SmallOrg;
    const actors = new Map<string, Actor>();
    const as = (key: string) => actors.get(key)!;
    const tx = <T>(fn: (trx: Conn) => Promise<T>) => db!.kysely.transaction().execute(fn);
    const report = (who: string, week: string) =>
      weeklyReport(db!.kysely, { conn: db!.kysely, wait: true }, as(who), week);
    let logisticsAction: string;
    let qualityAction: string;

    beforeAll(async () => {
      db = await createTestDb(dialect);
      if (!db) return;
      org = await buildSmallOrg(db);
      for (const [key, id] of Object.entries(org.people)) actors.set(key, toActor((await findById(db.kysely, id))!));
      await importConversations(db, [...W47, ...W48]);
      const sample = await tx((trx) =>
        qa.createSample(trx, as('manager'), {
          periodFrom: '2026-11-16',
          periodTo: '2026-11-22',
          scorecardId: 'default',
          reviewerIds: [org.people.leadA, org.people.leadB, org.people.supervisor],
          scope: { departmentIds: [], groupIds: [] },
        }),
      );
      const assignments = (await qa.getSample(db.kysely, as('manager'), sample.id)).assignments;
      const reviewer = (id: string) => [...actors.values()].find((v) => v.id === id)!;
      const review = async (conversationId: string, over: Record<string, number>) => {
        const a = assignments.find((x) => x.conversationId === conversationId)!;
        const body = { ratings: buildRatings(DEFAULT_SCORECARD, over), comments: {} };
        await tx((trx) => qa.submitReview(trx, reviewer(a.reviewerId), a.id, body));
      };
      await review('a1-c1', {});
      await review('a1-c2', { standard_greeting: 1 });
      await review('b1-c1', { correct_first_time: 4 });
      await review('a2-c2', { calmed_customer: 3, standard_greeting: 1 });
      // automatic-inspection results (migration 0009's table) of three W47 conversations
      await db.kysely.deleteFrom('qa_inspections').execute();
      const nothing = {
        negative_words: 0,
        negative_share_ppm: 0,
        sentiment_bp: 0,
        banned_privacy: 0,
        banned_off_platform: 0,
      };
      const zero = { banned_rude: 0, banned_promise: 0, repeated_questions: 0, unanswered: 0, ended_upset: 0 };
      const inspected = (conversation_id: string, agent: keyof SmallOrg['people'], found: Partial<typeof zero>) => ({
        conversation_id,
        agent_id: org.people[agent],
        group_id: null,
        day: '2026-11-16',
        rules_version: 'test',
        customer_messages: 1,
        longest_wait_s: 20,
        findings: '[]',
        inspected_at: '2026-11-23T00:00:00.000Z',
        ...nothing,
        ...zero,
        ...found,
        banned_hits: (found.banned_rude ?? 0) + (found.banned_promise ?? 0),
      });
      await db.kysely
        .insertInto('qa_inspections')
        .values([
          inspected('a1-c1', 'agentA1', { banned_rude: 1, ended_upset: 1 }),
          inspected('b1-c1', 'agentB1', { banned_promise: 2, repeated_questions: 1 }),
          inspected('ot-c1', 'agentOther', { banned_rude: 1 }),
        ])
        .execute();
    });
    afterAll(async () => db?.dispose());

    it('classifies the week’s complaints and flags categories above 20 % for each scope', async (ctx) => {
      if (!db) return ctx.skip();
      const all = await report('manager', '2026-W47');
      expect([all.from, all.to, all.scope.kind, all.complaints.total]).toEqual(['2026-11-16', '2026-11-22', 'all', 10]);
      expect(pct(all)).toEqual({
        logistics: [4, 0.4, true],
        quality: [2, 0.2, false],
        attitude: [1, 0.1, false],
        returns_refunds: [1, 0.1, false],
        price: [1, 0.1, false],
        other: [1, 0.1, false],
      });
      expect(all.complaints.bySource).toEqual({ attribute: 1, lexicon: 8, none: 1 });
      const dept = await report('supervisor', '2026-W47');
      expect([dept.complaints.total, dept.complaints.flagged]).toEqual([9, ['logistics', 'quality']]);
      expect(dept.complaints.categories.find((c) => c.category === 'quality')?.share).toBeCloseTo(2 / 9, 10);
      const group = await report('leadA', '2026-W47');
      expect([group.complaints.total, group.complaints.flagged, pct(group).logistics]).toEqual([
        6,
        ['logistics'],
        [3, 0.5, true],
      ]);
      const cached = await db.kysely
        .selectFrom('qa_complaint_classes')
        .select(['category', 'source'])
        .where('conversation_id', '=', 'a2-c1')
        .executeTakeFirst();
      expect(cached).toEqual({ category: 'price', source: 'attribute' });
    });

    it('reports reviews done vs due, QA scores by group and agent, and the top failure items', async (ctx) => {
      if (!db) return ctx.skip();
      const all = await report('manager', '2026-W47');
      expect([all.reviews.due, all.reviews.done]).toEqual([11, 4]);
      expect(all.reviews.byReviewer.reduce((s, r) => s + r.due, 0)).toBe(11);
      expect(all.scores.overall).toEqual({ reviews: 4, score: 95.75, belowTarget: false });
      expect(all.scores.groups.map((g) => [g.groupName, g.agents, g.reviews, g.score]).sort()).toEqual([
        ['售前一组', 2, 3, 95.33],
        ['售后一组', 1, 1, 97],
      ]);
      expect(all.scores.agents.find((a) => a.agentName === 'agentA1')).toMatchObject({ reviews: 2, score: 98 });
      expect(all.failureItems.map((i) => [i.itemId, i.failures, i.rated, i.share])).toEqual([
        ['standard_greeting', 2, 4, 0.5],
        ['calmed_customer', 1, 4, 0.25],
        ['correct_first_time', 1, 4, 0.25],
      ]);
      expect(all.failureItems[0].label).toEqual({ zh: '规范开场', en: 'Standard greeting' });
      const lead = await report('leadA', '2026-W47');
      // 售前一组: agentA1 5 + agentA2 2 due; a1-c1, a1-c2, a2-c2 done; (100 + 96 + 90) / 3
      expect([lead.reviews.due, lead.reviews.done, lead.scores.overall.score]).toEqual([7, 3, 95.33]);
    });

    it('counts automatic findings by kind within the scope', async (ctx) => {
      if (!db) return ctx.skip();
      const kinds = (r: WeeklyOut) =>
        Object.fromEntries(r.findings.kinds.filter((k) => k.count).map((k) => [k.kind, k.count]));
      const all = await report('manager', '2026-W47');
      expect([all.findings.available, all.findings.conversations, all.findings.total]).toEqual([true, 3, 6]);
      expect(kinds(all)).toEqual({ banned_rude: 2, banned_promise: 2, repeated_questions: 1, ended_upset: 1 });
      const dept = await report('supervisor', '2026-W47');
      expect([dept.findings.conversations, kinds(dept)]).toEqual([
        2,
        { banned_rude: 1, banned_promise: 2, repeated_questions: 1, ended_upset: 1 },
      ]);
    });

    it('tracks an improvement action’s category share in the following week', async (ctx) => {
      if (!db) return ctx.skip();
      const logistics = await tx((trx) =>
        createAction(trx, as('manager'), {
          category: 'logistics',
          week: '2026-W47',
          description: '与仓库约定48小时发货，超时自动补偿',
          ownerId: org.people.leadA,
          dueDate: '2026-12-31',
        }),
      );
      logisticsAction = logistics.id;
      expect(logistics.scope).toEqual({ departmentIds: [], groupIds: [] });
      const quality = await tx((trx) =>
        createAction(trx, as('supervisor'), {
          category: 'quality',
          week: '2026-W47',
          description: '质检抽查到货品质，问题批次下架',
          ownerId: org.people.leadB,
          dueDate: '2026-12-31',
        }),
      );
      qualityAction = quality.id;
      const w48 = await report('manager', '2026-W48');
      const tracked = w48.actions.find((a) => a.id === logisticsAction)!;
      // W47 4 / 10 = 40 %; W48 1 / 4 = 25 %
      expect(tracked.effect.map((e) => [e.week, e.count, e.total, e.share])).toEqual([
        ['2026-W47', 4, 10, 0.4],
        ['2026-W48', 1, 4, 0.25],
      ]);
      expect([tracked.baseline, tracked.latest, tracked.change]).toEqual([0.4, 0.25, -0.15]);
      const dept = await report('supervisor', '2026-W48');
      const q = dept.actions.find((a) => a.id === qualityAction)!;
      // 客服部: W47 2 / 9; W48 2 / 4 = 50 %
      expect(q.effect.map((e) => [e.count, e.total])).toEqual([
        [2, 9],
        [2, 4],
      ]);
      expect(q.change).toBeCloseTo(0.5 - 2 / 9, 6);
      expect(dept.complaints.categories.find((c) => c.category === 'quality')?.actionIds).toEqual([qualityAction]);
    });

    it('shows each reader the actions their scope covers, or that they own', async (ctx) => {
      if (!db) return ctx.skip();
      const ids = async (who: string) => (await listActions(db!.kysely, as(who), 'all')).map((a) => a.id).sort();
      expect(await ids('manager')).toEqual([logisticsAction, qualityAction].sort());
      expect(await ids('supervisor')).toEqual([qualityAction]);
      expect(await ids('leadA')).toEqual([logisticsAction]);
      expect(await ids('leadB')).toEqual([qualityAction]);
      expect(await ids('supervisor2')).toEqual([]);
      expect((await report('leadA', '2026-W48')).actions.map((a) => a.id)).toEqual([logisticsAction]);
    });

    it('closes an action once, audited, and refuses a writer outside its scope', async (ctx) => {
      if (!db) return ctx.skip();
      const refused = await tx((trx) => closeAction(trx, as('supervisor'), logisticsAction, {})).catch(
        (e: unknown) => e,
      );
      expect([(refused as HttpError).statusCode]).toEqual([403]);
      const closed = await tx((trx) => closeAction(trx, as('manager'), logisticsAction, { outcome: '超时发货下降' }));
      expect([closed.status, closed.closedBy, closed.outcome]).toEqual(['done', org.people.manager, '超时发货下降']);
      const again = await tx((trx) => closeAction(trx, as('manager'), logisticsAction, {})).catch((e: unknown) => e);
      expect((again as HttpError).code).toBe('action_closed');
      const audit = await listAudit(db.kysely, {
        entity: 'qa_improvement_action',
        entityId: logisticsAction,
        limit: 5,
      });
      expect(audit.map((a) => a.action).sort()).toEqual(['qa.action_close', 'qa.action_create']);
      // closed during W48: still tracked in W48's report
      expect((await report('manager', '2026-W48')).actions.map((a) => [a.id, a.status])).toContainEqual([
        logisticsAction,
        'done',
      ]);
    });

    it('classifies a conversation again when the customer writes more', async (ctx) => {
      if (!db) return ctx.skip();
      const classOf = () =>
        db!.kysely
          .selectFrom('qa_complaint_classes')
          .select('category')
          .where('conversation_id', '=', 'a1-d2')
          .executeTakeFirst();
      expect(await classOf()).toEqual({ category: 'quality' });
      // 质量 1 against 快递丢 + 物流 + 一直不动 3
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-weekly-'));
      const file = path.join(dir, 'messages.csv');
      fs.writeFileSync(
        file,
        [
          'conversation_id,message_id,shop_id,channel,customer_id,sender,agent_id,sent_at,text',
          'a1-d2,a1-d2-q2,云裳旗舰店,chat,cust-a1-d2,customer,,2026-11-24T11:00:00+08:00,快递丢了吧？物流一直不动',
        ].join('\n'),
      );
      await importFile(db, { path: file });
      fs.rmSync(dir, { recursive: true, force: true });
      expect(pct(await report('manager', '2026-W48')).logistics).toEqual([2, 0.5, true]);
      expect(await classOf()).toEqual({ category: 'logistics' });
    });

    it('takes the flag threshold from the settings and refuses agents', async (ctx) => {
      if (!db) return ctx.skip();
      await tx((trx) => updateWeeklySettings(trx, as('manager'), { flagShare: 0.35 }));
      expect((await report('manager', '2026-W47')).complaints.flagged).toEqual(['logistics']);
      expect((await report('supervisor', '2026-W47')).complaints.flagged).toEqual([]);
      await tx((trx) => updateWeeklySettings(trx, as('manager'), { flagShare: 0.2 }));
      const refused = await report('agentA1', '2026-W47').catch((e: unknown) => e);
      expect((refused as HttpError).statusCode).toBe(403);
    });
  });
}
