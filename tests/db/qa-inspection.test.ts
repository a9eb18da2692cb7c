/**
 * Automatic inspection through the real import on SQLite and PostgreSQL (SPEC QA-3, KPI-12):
 * every imported conversation gets its findings stored with their positions, alerts are raised
 * once per (conversation, kind, message), and a manager's lexicon words take effect when history
 * is re-inspected.
 *
 * 2026-11-11 in 云裳旗舰店: `angry` (agentA1, 售前一组) — the customer complains twice, agentA1
 * promises (保证, 一定) and later says 回头再说 (not a shipped banned word); `calm` (agentB1) — a
 * question and a plain answer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { Db } from '../../server/db/database.ts';
import { listAudit } from '../../server/modules/audit/audit.service.ts';
import { toActor } from '../../server/modules/auth/auth.service.ts';
import { importFile, type ImportSummary } from '../../server/modules/ingest/ingest.service.ts';
import { findById } from '../../server/modules/people/people.repository.ts';
import { listAlerts } from '../../server/modules/qa/qa.alerts.ts';
import { reinspect } from '../../server/modules/qa/qa.inspection.ts';
import { getInspection } from '../../server/modules/qa/qa.inspection.service.ts';
import { addWords } from '../../server/modules/qa/qa.lexicons.ts';
import { listQaScores } from '../../server/modules/qa/qa.scores.ts';
import { DIALECTS, createTestDb, type TestDb } from '../support/databases.ts';
import { buildSmallOrg, type SmallOrg } from '../support/factories.ts';

const HEADER = 'conversation_id,message_id,shop_id,channel,customer_id,sender,agent_id,sent_at,text';
const TEXT = {
  late: '我的快递怎么还没到？太慢了，非常失望',
  promise: '亲，我保证明天一定送到',
  complaint: '你们这服务太差了，我要投诉',
  later: '抱歉亲，这个问题回头再说',
  again: '还是没到，太差劲了',
};
const row = (conv: string, id: string, sender: string, agent: string, time: string, text: string) =>
  `${conv},${id},云裳旗舰店,chat,cust-${conv},${sender},${agent},2026-11-11T${time}+08:00,${text}`;

const FIRST = [
  HEADER,
  row('angry', 'angry-1', 'customer', '', '10:00:00', TEXT.late),
  row('angry', 'angry-2', 'agent', 'agentA1', '10:00:20', TEXT.promise),
  row('angry', 'angry-3', 'customer', '', '10:01:00', TEXT.complaint),
  row('angry', 'angry-4', 'agent', 'agentA1', '10:01:20', TEXT.later),
  row('calm', 'calm-1', 'customer', '', '11:00:00', '请问发货了吗'),
  row('calm', 'calm-2', 'agent', 'agentB1', '11:00:15', '亲，今天下午发出'),
].join('\n');
const FOLLOW_UP = [HEADER, row('angry', 'angry-5', 'customer', '', '10:05:00', TEXT.again)].join('\n');

/** The covered text of each banned hit of a message, by category. */
const covered = (text: string, hits: { category: string; start: number; end: number }[]) =>
  hits.map((h) => `${h.category}:${text.slice(h.start, h.end)}`);

for (const dialect of DIALECTS) {
  describe(`automatic inspection on ${dialect}`, () => {
    let db: TestDb | null;
    let org: SmallOrg;
    let dir: string;
    const actors = new Map<string, Actor>();
    const as = (key: keyof SmallOrg['people']) => actors.get(key)!;

    async function importText(name: string, text: string): Promise<ImportSummary> {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return importFile(db!, { path: file });
    }
    const alertsOf = async (d: Db) =>
      d.kysely.selectFrom('qa_alerts').selectAll().orderBy('kind').orderBy('message_id').execute();

    beforeAll(async () => {
      db = await createTestDb(dialect);
      if (!db) return;
      org = await buildSmallOrg(db);
      for (const [key, id] of Object.entries(org.people)) actors.set(key, toActor((await findById(db.kysely, id))!));
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-inspection-'));
      await importText('first.csv', FIRST);
    });
    afterAll(async () => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      await db?.dispose();
    });

    it('stores each imported conversation’s findings with their positions', async (ctx) => {
      if (!db) return ctx.skip();
      const r = await getInspection(db.kysely, as('supervisor'), 'angry');
      expect([r.agentId, r.groupId, r.day, r.current]).toEqual([
        org.people.agentA1,
        org.groups.presale,
        '2026-11-11',
        true,
      ]);
      const promise = r.findings.find((f) => f.messageId === 'angry-2')!;
      expect(covered(TEXT.promise, promise.banned)).toEqual(['promise:保证', 'promise:一定']);
      expect(r.bannedByCategory).toEqual({ rude: 0, promise: 2, privacy: 0, off_platform: 0 });
      const late = r.findings.find((f) => f.messageId === 'angry-1')!;
      expect(late.sentiment?.label).toBe('negative');
      // every highlighted negative word is a real span of the message
      for (const t of late.sentiment!.terms) expect(TEXT.late.slice(t.start, t.end).length).toBe(t.end - t.start);
      expect(late.sentiment!.terms.map((t) => TEXT.late.slice(t.start, t.end))).toContain('失望');
      expect(r.negativeShare).toBeGreaterThan(0.03);
      expect([r.endedUpset, r.customerMessages, r.negativeMessages]).toEqual([true, 2, 2]);

      const calm = await getInspection(db.kysely, as('supervisor'), 'calm');
      expect([calm.bannedHits, calm.negativeShare, calm.endedUpset, calm.alerts]).toEqual([0, 0, false, []]);
    });

    it('sums each agent’s inspected conversations into a sentiment index and compliance (KPI-12, KPI-15), in scope', async (ctx) => {
      if (!db) return ctx.skip();
      const angry = await getInspection(db.kysely, as('supervisor'), 'angry');
      const rows = await listQaScores(db.kysely, as('supervisor'), '2026-11-01', '2026-11-30');
      const byId = new Map(rows.map((r) => [r.personId, r]));
      // agentA1: one conversation, both customer messages negative, two promise words
      expect(byId.get(org.people.agentA1)).toMatchObject({ score: null, reviews: 0 });
      expect(byId.get(org.people.agentA1)!.inspection).toEqual({
        conversations: 1,
        sentimentIndex: angry.sentimentIndex,
        negativeRate: 1,
        complianceRate: 0,
        bannedHits: { rude: 0, promise: 2, privacy: 0, offPlatform: 0, total: 2 },
        bannedPer100: 200,
      });
      expect(angry.sentimentIndex).toBe(-1);
      // agentB1: one calm conversation, nothing found
      expect(byId.get(org.people.agentB1)!.inspection).toEqual({
        conversations: 1,
        sentimentIndex: 0,
        negativeRate: 0,
        complianceRate: 1,
        bannedHits: { rude: 0, promise: 0, privacy: 0, offPlatform: 0, total: 0 },
        bannedPer100: 0,
      });
      // an agent sees only their own line; outside the period there is nothing
      expect((await listQaScores(db.kysely, as('agentB1'), '2026-11-01', '2026-11-30')).map((r) => r.personId)).toEqual([org.people.agentB1]);
      expect(await listQaScores(db.kysely, as('supervisor'), '2026-10-01', '2026-10-31')).toEqual([]);
    });

    it('raises an alert for the banned promise and one for the angry customer, placed at the agent’s group', async (ctx) => {
      if (!db) return ctx.skip();
      const alerts = await alertsOf(db);
      expect(alerts.map((a) => [a.kind, a.message_id, a.anchor, a.status])).toEqual([
        ['banned_word', 'angry-2', 'angry-2', 'open'],
        ['negative_share', 'angry-3', '', 'open'],
      ]);
      for (const a of alerts) {
        expect([a.agent_id, a.group_id, a.department_id, a.day, Number(a.live)]).toEqual([
          org.people.agentA1,
          org.groups.presale,
          org.departments.cs,
          '2026-11-11',
          0,
        ]);
      }
      expect(JSON.parse(alerts[0].detail)).toMatchObject({
        categories: ['promise'],
        words: ['保证', '一定'],
        excerpt: TEXT.promise,
      });
      // the conversation view shows them to those who handle alerts, not to the agent
      expect((await getInspection(db.kysely, as('leadA'), 'angry')).alerts).toHaveLength(2);
      expect((await getInspection(db.kysely, as('agentA1'), 'angry')).alerts).toEqual([]);
    });

    it('lists alerts only to reviewers whose scope holds the agent', async (ctx) => {
      if (!db) return ctx.skip();
      const q = { limit: 50, offset: 0 };
      expect((await listAlerts(db.kysely, as('leadA'), q)).total).toBe(2);
      expect((await listAlerts(db.kysely, as('supervisor'), q)).total).toBe(2);
      expect((await listAlerts(db.kysely, as('manager'), q)).total).toBe(2);
      expect((await listAlerts(db.kysely, as('leadB'), q)).total).toBe(0);
      expect((await listAlerts(db.kysely, as('supervisor2'), q)).total).toBe(0);
    });

    it('never raises the same alert twice when the conversation is imported again or grows', async (ctx) => {
      if (!db) return ctx.skip();
      expect((await importText('again.csv', FIRST)).nothingChanged).toBe(true);
      expect(await alertsOf(db)).toHaveLength(2);
      // a new message: the conversation is re-inspected from all its stored messages
      await importText('follow-up.csv', FOLLOW_UP);
      const r = await getInspection(db.kysely, as('supervisor'), 'angry');
      expect(r.findings.map((f) => f.messageId)).toEqual(['angry-1', 'angry-2', 'angry-3', 'angry-5']);
      expect(r.unanswered?.messageId).toBe('angry-5');
      expect(r.customerMessages).toBe(3);
      const alerts = await alertsOf(db);
      expect(alerts.map((a) => [a.kind, a.message_id])).toEqual([
        ['banned_word', 'angry-2'],
        ['negative_share', 'angry-3'],
      ]);
    });

    it('finds a word the manager adds once history is re-inspected, and raises its alert', async (ctx) => {
      if (!db) return ctx.skip();
      const before = await getInspection(db.kysely, as('supervisor'), 'angry');
      expect(before.findings.find((f) => f.messageId === 'angry-4')).toBeUndefined();
      const added = await db.kysely
        .transaction()
        .execute((trx) => addWords(trx, as('manager'), { list: 'rude', words: ['回头再说', ' '] }));
      expect(added.added.map((w) => w.word)).toEqual(['回头再说']);
      expect((await getInspection(db.kysely, as('supervisor'), 'angry')).current).toBe(false);

      expect(await reinspect(db, { from: '2026-11-11', to: '2026-11-11' })).toEqual({ conversations: 2, alerts: 1 });
      const after = await getInspection(db.kysely, as('supervisor'), 'angry');
      expect(after.current).toBe(true);
      const later = after.findings.find((f) => f.messageId === 'angry-4')!;
      expect(covered(TEXT.later, later.banned)).toEqual(['rude:回头再说']);
      expect(after.bannedByCategory.rude).toBe(1);
      expect((await alertsOf(db)).map((a) => [a.kind, a.message_id])).toEqual([
        ['banned_word', 'angry-2'],
        ['banned_word', 'angry-4'],
        ['negative_share', 'angry-3'],
      ]);
      const audit = await listAudit(db.kysely, { entity: 'qa_lexicon', limit: 10 });
      expect(audit.map((e) => [e.action, e.actorId, e.after])).toEqual([
        ['qa.lexicon.add', org.people.manager, { list: 'rude', words: ['回头再说'] }],
      ]);
    });

    it('drops a hit covered by a whitelisted phrase, without touching the alerts already raised', async (ctx) => {
      if (!db) return ctx.skip();
      await db.kysely
        .transaction()
        .execute((trx) => addWords(trx, as('manager'), { list: 'whitelist', words: ['一定送到'] }));
      expect((await reinspect(db)).alerts).toBe(0);
      const r = await getInspection(db.kysely, as('supervisor'), 'angry');
      const promise = r.findings.find((f) => f.messageId === 'angry-2')!;
      expect(covered(TEXT.promise, promise.banned)).toEqual(['promise:保证']);
      expect(await alertsOf(db)).toHaveLength(3);
    });
  });
}
