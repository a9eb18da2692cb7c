/**
 * Service-data import through the real pipeline (file → parse → store → facts → KPI) on
 * SQLite and PostgreSQL: worked examples, idempotency, atomicity, rejects, time zones.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDb, type TestDb } from '../support/databases.ts';
import { buildSmallOrg, type SmallOrg } from '../support/factories.ts';
import { ImportRejected, importFile } from '../../server/modules/ingest/ingest.service.ts';
import { queryKpis, rebuildAll } from '../../server/modules/kpi/kpi.service.ts';
import { seedDemo } from '../../server/demo/seed.ts';

const HEADER = 'conversation_id,message_id,shop_id,channel,customer_id,sender,agent_id,sent_at,text,auto_reply,event,to_agent_id';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-ingest-'));
let n = 0;
function file(name: string, lines: string[]): string {
  const p = path.join(tmp, `${n++}-${name}`);
  fs.writeFileSync(p, lines.join('\n'));
  return p;
}

/**
 * One conversation on 2026-11-11 (Asia/Shanghai), worked by hand:
 * - 10:00:00 customer asks; 10:00:01 auto-reply (not a valid reply); 10:00:20 agentA1 replies
 *   → round 1 (first round) = 20 s.
 * - 10:05:00 customer asks again; 10:06:40 agentA1 replies → round 2 = 100 s (not slow: > 100 is slow).
 * - 10:10:00 customer asks; 10:10:30 agentA1 transfers to agentA2 without replying
 *   → round 3 unanswered, charged to agentA1 at the cap (600 s); round 4 opens for agentA2 at 10:10:30.
 * - 10:11:00 agentA2 replies → round 4 = 30 s.
 * agentA1: rounds 20, 100, 600 → avg 240 s, first response 20 s, 1 unanswered, 2 of 3 within 180 s.
 * agentA2: one round of 30 s.
 */
const CONVERSATION = [
  HEADER,
  'cv1,m1,云裳旗舰店,chat,c1,customer,,2026-11-11T10:00:00+08:00,请问有M码吗,false,,',
  'cv1,m2,云裳旗舰店,chat,c1,agent,agentA1,2026-11-11T10:00:01+08:00,您好，欢迎光临,true,,',
  'cv1,m3,云裳旗舰店,chat,c1,agent,agentA1,2026-11-11T10:00:20+08:00,亲，有的哦,false,,',
  'cv1,m4,云裳旗舰店,chat,c1,customer,,2026-11-11T10:05:00+08:00,什么时候发货？,false,,',
  'cv1,m5,云裳旗舰店,chat,c1,agent,agentA1,2026-11-11T10:06:40+08:00,今天下午发出,false,,',
  'cv1,m6,云裳旗舰店,chat,c1,customer,,2026-11-11T10:10:00+08:00,"我要退货,怎么操作",false,,',
  'cv1,m7,云裳旗舰店,chat,c1,system,agentA1,2026-11-11T10:10:30+08:00,转接,false,transfer,agentA2',
  'cv1,m8,云裳旗舰店,chat,c1,agent,agentA2,2026-11-11T10:11:00+08:00,亲，我来为您处理退货,false,,',
];

for (const dialect of DIALECTS) {
  describe(`service-data import on ${dialect}`, () => {
    let db: TestDb | null;
    let org: SmallOrg;
    const count = async (table: 'messages' | 'orders' | 'fact_rounds') =>
      Number((await db!.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      db = await createTestDb(dialect);
      if (db) org = await buildSmallOrg(db);
    });
    afterAll(async () => db?.dispose());

    it('computes the hand-worked KPIs of a conversation imported from CSV', async (ctx) => {
      if (!db) return ctx.skip();
      const s = await importFile(db, { path: file('messages.csv', CONVERSATION) });
      expect(s).toMatchObject({ type: 'messages', rows: 8, inserted: 8, unchanged: 0, rejected: 0, nothingChanged: false });
      const kpi = await queryKpis(db.kysely, null, { from: '2026-11-11', to: '2026-11-11', by: 'agent', period: 'all', format: 'json' });
      const a1 = kpi.rows.find((r) => r.agent_id === org.people.agentA1)!;
      const a2 = kpi.rows.find((r) => r.agent_id === org.people.agentA2)!;
      expect(a1).toMatchObject({
        rounds: 3,
        avg_response_s: 240,
        first_response_avg_s: 20,
        unanswered_rounds: 1,
        slow_rounds: 1,
        response_within_180s_rate: 2 / 3,
        messages_sent: 2,
        served_customers: 1,
      });
      expect(a2).toMatchObject({ rounds: 1, avg_response_s: 30, first_response_avg_s: null, messages_sent: 1 });
      const all = await queryKpis(db.kysely, null, { from: '2026-11-11', to: '2026-11-11', by: 'all', period: 'all', format: 'json' });
      expect(all.rows[0]).toMatchObject({ consult_customers: 1, rounds: 4, transfer_rate: 1 });
    });

    it('changes nothing when the same file is imported again, and says so', async (ctx) => {
      if (!db) return ctx.skip();
      const before = await count('fact_rounds');
      const s = await importFile(db, { path: file('messages.csv', CONVERSATION) });
      expect(s).toMatchObject({ inserted: 0, updated: 0, unchanged: 8, nothingChanged: true });
      expect(await count('fact_rounds')).toBe(before);
    });

    it('rejects the whole file naming file, line and field, and keeps the database as it was', async (ctx) => {
      if (!db) return ctx.skip();
      const before = await count('messages');
      const p = file('bad.csv', [
        HEADER,
        'cv2,m21,云裳旗舰店,chat,c2,customer,,2026-11-12T09:00:00+08:00,在吗,false,,',
        'cv2,m22,云裳旗舰店,chat,c2,agent,ghost,2026-11-12T09:00:10+08:00,在的,false,,',
        'cv2,m23,云裳旗舰店,chat,c2,customer,,2026-11-31T09:01:00+08:00,好,false,,',
      ]);
      const err = (await importFile(db, { path: p, fileName: 'bad.csv' }).catch((e: unknown) => e)) as ImportRejected;
      expect(err).toBeInstanceOf(ImportRejected);
      expect(err.message).toMatch(/^bad\.csv:3: agent_id: unknown agent "ghost"/);
      expect(err.problems).toEqual([
        { line: 3, field: 'agent_id', message: 'unknown agent "ghost"' },
        { line: 4, field: 'sent_at', message: '"2026-11-31T09:01:00+08:00" is not a real time' },
      ]);
      expect(await count('messages')).toBe(before);
    });

    it('keeps good rows and writes bad ones with reasons when given a rejects file', async (ctx) => {
      if (!db) return ctx.skip();
      const rejectsPath = path.join(tmp, `rejects-${dialect}.csv`);
      const p = file('mixed.csv', [
        HEADER,
        'cv3,m31,云裳旗舰店,chat,c3,customer,,2026-11-12T09:00:00+08:00,在吗,false,,',
        'cv3,m32,云裳旗舰店,fax,c3,agent,agentA1,2026-11-12T09:00:10+08:00,在的,false,,',
        'cv3,m33,云裳旗舰店,chat,c3,agent,agentA1,2026-11-12T09:00:30+08:00,在的亲,false,,',
      ]);
      const s = await importFile(db, { path: p, rejectsPath });
      expect(s).toMatchObject({ rows: 3, inserted: 2, rejected: 1 });
      const rejects = fs.readFileSync(rejectsPath, 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
      expect(rejects).toHaveLength(2);
      expect(rejects[1]).toMatch(/^3,channel,"""fax"" is not one of chat\|phone\|ticket\|email\|video",cv3,m32,/);
    });

    it('refuses times without an offset unless a time zone is given, and then applies it', async (ctx) => {
      if (!db) return ctx.skip();
      const lines = [HEADER, 'cv4,m41,云裳旗舰店,chat,c4,customer,,2026-11-13 09:00:00,在吗,false,,'];
      const err = (await importFile(db, { path: file('notz.csv', lines) }).catch((e: unknown) => e)) as ImportRejected;
      expect(err.problems[0]).toMatchObject({ line: 2, field: 'sent_at', message: expect.stringContaining('no UTC offset') });
      await importFile(db, { path: file('tz.csv', lines), tz: 'Asia/Shanghai' });
      const row = await db.kysely.selectFrom('messages').select('sent_at').where('message_id', '=', 'm41').executeTakeFirstOrThrow();
      expect(new Date(Number(row.sent_at)).toISOString()).toBe('2026-11-13T01:00:00.000Z');
    });

    it('leaves the database as before when an import dies midway', async (ctx) => {
      if (!db) return ctx.skip();
      const before = await count('messages');
      const lines = [HEADER, ...Array.from({ length: 10 }, (_, i) => `cv5,m5${i},云裳旗舰店,chat,c5,customer,,2026-11-14T09:00:0${i}+08:00,hi,false,,`)];
      let batches = 0;
      const crash = importFile(db, {
        path: file('crash.csv', lines),
        batchSize: 3,
        onProgress: () => {
          if (++batches === 2) throw new Error('power cut');
        },
      });
      await expect(crash).rejects.toThrow('power cut');
      expect(await count('messages')).toBe(before);
    });

    it('updates an order whose payment arrived later, and credits the sale to the serving agent', async (ctx) => {
      if (!db) return ctx.skip();
      const header = 'order_id,shop_id,customer_id,created_at,paid_at,amount,refund_amount,refunded_at';
      const first = await importFile(db, { path: file('orders.csv', [header, 'o1,云裳旗舰店,c1,2026-11-11T12:00:00+08:00,,199.00,0,']) });
      expect(first).toMatchObject({ inserted: 1, updated: 0 });
      const paid = await importFile(db, { path: file('orders.csv', [header, 'o1,云裳旗舰店,c1,2026-11-11T12:00:00+08:00,2026-11-11T12:05:00+08:00,199.00,0,']) });
      expect(paid).toMatchObject({ inserted: 0, updated: 1 });
      const kpi = await queryKpis(db.kysely, null, { from: '2026-11-11', to: '2026-11-11', by: 'agent', period: 'all', format: 'json', agentId: org.people.agentA2 });
      // agentA2 replied last (10:11) before the 12:00 order: the sale is theirs, agentA1 assists
      expect(kpi.rows[0]).toMatchObject({ credited_orders: 1, sales_amount: 19900, avg_order_value: 19900 });
    });

    it('gives the same figures from monthly counters as from daily ones', async (ctx) => {
      if (!db) return ctx.skip();
      const q = { by: 'agent' as const, period: 'all' as const, format: 'json' as const };
      const whole = await queryKpis(db.kysely, null, { ...q, from: '2026-11-01', to: '2026-11-30' }); // one monthly row per agent
      const days = await queryKpis(db.kysely, null, { ...q, from: '2026-11-02', to: '2026-11-30' }); // daily rows (no data on 11-01)
      expect(whole.rows.length).toBeGreaterThan(0);
      expect(whole.rows).toEqual(days.rows);
    });

    it('refuses to change an immutable message', async (ctx) => {
      if (!db) return ctx.skip();
      const changed = CONVERSATION.map((l) => l.replace('请问有M码吗', '请问有L码吗'));
      const err = (await importFile(db, { path: file('changed.csv', changed) }).catch((e: unknown) => e)) as ImportRejected;
      expect(err.problems[0]).toMatchObject({ line: 2, field: 'message_id', message: expect.stringContaining('immutable') });
    });

    it('reads JSON Lines and XLSX in the same format', async (ctx) => {
      if (!db) return ctx.skip();
      const jsonl = file('ratings.jsonl', [
        JSON.stringify({ conversation_id: 'cv1', customer_id: 'c1', agent_id: 'agentA2', rated_at: '2026-11-11T10:20:00+08:00', csat: 5, nps: 10, comment: '很满意' }),
      ]);
      expect(await importFile(db, { path: jsonl })).toMatchObject({ type: 'ratings', inserted: 1 });
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('conversations');
      ws.addRow(['conversation_id', 'category', 'resolved', 'resolved_at', 'issue_key']);
      ws.addRow(['cv1', 'after_sales', 'true', '2026-11-11T10:12:00+08:00', 'o1']);
      const xlsx = path.join(tmp, `attrs-${dialect}.xlsx`);
      await wb.xlsx.writeFile(xlsx);
      expect(await importFile(db, { path: xlsx })).toMatchObject({ type: 'conversations', inserted: 1 });
      const kpi = await queryKpis(db.kysely, null, { from: '2026-11-11', to: '2026-11-11', by: 'agent', period: 'all', format: 'json', agentId: org.people.agentA2 });
      expect(kpi.rows[0]).toMatchObject({ satisfaction_rate: 1, nps: 100, resolution_rate: 1, rating_rate: 1 });
    });
  });
}

describe('reads during an import (SQLite)', () => {
  it('computes the same facts from the messages in memory as from the stored ones, however the file is batched', async () => {
    const db = await createTestDb('sqlite');
    await buildSmallOrg(db!);
    try {
      // cv1 (the worked conversation) interleaved with cv2, so both span batches and mid-import refreshes
      const cv2 = CONVERSATION.slice(1).map((l) => l.replace(/^cv1,m/, 'cv2,n').replace(',c1,', ',c2,').replace('T10:', 'T11:'));
      const lines = [HEADER, ...CONVERSATION.slice(1).flatMap((l, i) => [l, cv2[i]])];
      await importFile(db!, { path: file('interleaved.csv', lines), batchSize: 3, factsFlush: 1 });
      const q = { by: 'agent' as const, period: 'day' as const, format: 'json' as const, from: '2026-11-11', to: '2026-11-11' };
      const imported = await queryKpis(db!.kysely, null, q);
      const rounds = await db!.kysely.selectFrom('fact_rounds').select(['conversation_id', 'seq', 'data']).orderBy('conversation_id').orderBy('seq').execute();
      await rebuildAll(db!); // recomputes every fact from the stored messages
      expect((await queryKpis(db!.kysely, null, q)).rows).toEqual(imported.rows);
      expect(await db!.kysely.selectFrom('fact_rounds').select(['conversation_id', 'seq', 'data']).orderBy('conversation_id').orderBy('seq').execute()).toEqual(rounds);
      expect(rounds).toHaveLength(8);
      // agentA1: rounds 20, 100, 600 in each conversation → 240 s average, 20 s first response
      expect(imported.rows.map((r) => [r.avg_response_s, r.first_response_avg_s, r.unanswered_rounds]).sort()).toEqual([[240, 20, 2], [30, null, 0]].sort());
    } finally {
      await db!.dispose();
    }
  });

  it('answers reads from the read connection while an import holds the writer', async () => {
    const db = (await createTestDb('sqlite'))!;
    try {
      await buildSmallOrg(db);
      const lines = [HEADER];
      for (let i = 0; i < 30_000; i++) {
        lines.push(`cvr${i % 3000},mr${i},云裳旗舰店,chat,cr${i % 3000},${i % 2 ? 'agent' : 'customer'},${i % 2 ? 'agentA1' : ''},2026-11-15T10:${String(Math.floor(i / 600) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}+08:00,hi,false,,`);
      }
      let finished = false;
      const running = importFile(db, { path: file('big.csv', lines), batchSize: 1000 }).then(() => (finished = true));
      await new Promise((r) => setTimeout(r, 30));
      const people = await db.read.selectFrom('people').select('login').execute();
      expect(people.length).toBeGreaterThan(0);
      expect(finished).toBe(false);
      await running;
      expect(finished).toBe(true);
    } finally {
      await db.dispose();
    }
  });
});

describe('presets through the import pipeline', () => {
  it('imports a Zendesk export as conversations, messages and ratings: atomic, or keeping good rows', async () => {
    const db = (await createTestDb('sqlite'))!;
    try {
      await buildSmallOrg(db);
      const { parseAgentMap, PRESETS } = await import('../../server/modules/ingest/presets/index.ts');
      const agentMap = parseAgentMap('name,login\n王小明,agentA1\n李娜,agentA2\n');
      const preset = { preset: PRESETS.zendesk, options: { shop: '云裳旗舰店', agentMap, tz: 'Asia/Shanghai' } };
      const path0 = 'tests/fixtures/presets/zendesk.csv';
      // the fixture has a ticket with an impossible date on line 7: atomic import rejects the file
      const atomic = (await importFile(db, { path: path0, preset }).catch((e: unknown) => e)) as ImportRejected;
      expect(atomic).toBeInstanceOf(ImportRejected);
      expect(atomic.message).toMatch(/^zendesk\.csv:7: Created at: "2026-13-01 10:00:00 \+0800" is not a real time/);
      const none = await db.kysely.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(none.n)).toBe(0);
      const rejectsPath = path.join(tmp, 'zendesk-rejects.csv');
      const s = await importFile(db, { path: path0, preset, rejectsPath });
      expect(s.types).toEqual(expect.arrayContaining(['conversations', 'messages']));
      expect(s.rejected).toBe(new Set(atomic.problems.map((p) => p.line)).size);
      expect(s.inserted).toBeGreaterThan(5);
      expect(fs.readFileSync(rejectsPath, 'utf8')).toContain('is not a real time');
      const again = await importFile(db, { path: path0, preset, rejectsPath });
      expect(again).toMatchObject({ inserted: 0, updated: 0 });
      const missing = (await importFile(db, { path: path0, preset: { preset: PRESETS.zendesk, options: {} } }).catch((e: unknown) => e)) as ImportRejected;
      expect(missing.problems[0]).toMatchObject({ field: '--shop', message: expect.stringContaining('required') });
    } finally {
      await db.dispose();
    }
  });
});

describe('bounded refreshes (SQLite)', () => {
  it('gives the same KPIs and sales credit when facts and customers are refreshed many times mid-import', async () => {
    // generated demo data (conversations, ratings, orders with conversions, repeat complaints, messages)
    const dir = fs.mkdtempSync(path.join(tmp, 'demo-'));
    const run = { agents: 8, days: 3, seed: 11, start: '2026-11-10' };
    const gen = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/demo-generate.ts', '--agents', String(run.agents), '--days', String(run.days), '--seed', String(run.seed), '--start', run.start, '--out', dir, '--quiet'],
      { encoding: 'utf8' },
    );
    expect(gen.status, gen.stderr).toBe(0);
    const figures = async (opts: { batchSize?: number; factsFlush?: number; customersFlush?: number }) => {
      const db = (await createTestDb('sqlite'))!;
      try {
        await seedDemo(db, { ...run, serviceData: false });
        for (const type of ['conversations', 'ratings', 'orders', 'messages']) await importFile(db, { path: path.join(dir, `${type}.csv`), ...opts });
        const logins = new Map((await db.kysely.selectFrom('people').select(['id', 'login']).execute()).map((p) => [p.id, p.login]));
        const kpis = await queryKpis(db.kysely, null, { from: run.start, to: '2026-11-12', by: 'agent', period: 'day', format: 'json' });
        const sales = await db.kysely.selectFrom('fact_sales').select(['customer_id', 'kind', 'agent_id', 'day', 'data']).execute();
        return {
          // rows by login (ids differ between the two databases)
          kpis: kpis.rows
            .map((r) => {
              const out: Record<string, unknown> = { ...r, login: logins.get(r.key) };
              for (const k of ['key', 'name', 'agent_id', 'group_id']) delete out[k];
              return out;
            })
            .sort((a, b) => `${a.login}${a.period_key}`.localeCompare(`${b.login}${b.period_key}`)),
          sales: sales.map((s) => [s.customer_id, s.kind, logins.get(s.agent_id ?? '') ?? null, s.day, s.data.replace(/"[0-9a-z]{20}"/g, '"id"')].join('|')).sort(),
        };
      } finally {
        await db.dispose();
      }
    };
    const once = await figures({});
    const often = await figures({ batchSize: 97, factsFlush: 40, customersFlush: 15 });
    expect(once.kpis.length).toBeGreaterThan(10);
    expect(once.sales.some((s) => s.includes('|order|'))).toBe(true);
    expect(often.kpis).toEqual(once.kpis);
    expect(often.sales).toEqual(once.sales);
  }, 120_000);
});
