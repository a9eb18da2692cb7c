/**
 * The bulk writers on both dialects (on PostgreSQL inside a transaction they COPY): awkward
 * text survives, existing keys are skipped and reported, and a rollback takes everything back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert, insertReporting, type BulkTable } from '../../server/db/bulk.ts';
import { TABLES } from '../../server/modules/ingest/ingest.repository.ts';
import { createTestDb, DIALECTS, type TestDb } from '../support/databases.ts';

const MESSAGES = TABLES.messages;
const ROUNDS_LIKE: BulkTable = {
  table: 'fact_offline',
  key: [],
  columns: [
    { name: 'conversation_id', type: 'text' },
    { name: 'customer_id', type: 'text' },
    { name: 'agent_id', type: 'text' },
    { name: 'day', type: 'text' },
    { name: 'data', type: 'text' },
  ],
};

/** Text that breaks a naive COPY or CSV writer. */
const AWKWARD = ['tab\there', 'line\nbreak', 'cr\rlf\r\n', 'back\\slash \\N \\t', '\\N', '', '引号"和,逗号', '😀 emoji'];

const message = (i: number, text: string) => [`m${i}`, 'c1', 'shop-1', 'chat', 'cust1', 'customer', null, 1_700_000_000_000 + i, text, 0, '', null];

for (const dialect of DIALECTS) {
  describe(`bulk writes on ${dialect}`, () => {
    let db: TestDb | null;
    beforeAll(async () => {
      db = await createTestDb(dialect);
    });
    afterAll(async () => db?.dispose());

    it('stores awkward text exactly, skips and reports existing keys', async (ctx) => {
      if (!db) return ctx.skip();
      const d = db;
      const first = AWKWARD.map((t, i) => message(i, t));
      await d.kysely.transaction().execute(async (trx) => {
        expect(await insertReporting(d, trx, MESSAGES, first)).toEqual(AWKWARD.map(() => true));
        // the second batch repeats two keys (one with other text) and adds one
        const second = [message(0, 'changed'), message(99, 'new'), message(3, AWKWARD[3])];
        expect(await insertReporting(d, trx, MESSAGES, second)).toEqual([false, true, false]);
        expect(await bulkInsert(d, trx, MESSAGES, [message(1, 'again'), message(100, 'more')])).toBe(1);
        expect(await bulkInsert(d, trx, ROUNDS_LIKE, [['c1', 'cust1', null, '2026-11-01', '[1,"a\\tb"]'], ['c2', 'cust\t2', 'a1', '2026-11-02', '']])).toBe(2);
      });
      const stored = await d.kysely.selectFrom('messages').select(['message_id', 'text', 'agent_id', 'sent_at']).orderBy('sent_at').execute();
      expect(stored.map((r) => r.text)).toEqual([...AWKWARD, 'new', 'more']);
      expect(stored.every((r) => r.agent_id === null)).toBe(true);
      expect(Number(stored[0].sent_at)).toBe(1_700_000_000_000);
      const offline = await d.kysely.selectFrom('fact_offline').selectAll().orderBy('conversation_id').execute();
      expect(offline.map((r) => [r.customer_id, r.agent_id, r.data])).toEqual([
        ['cust1', null, '[1,"a\\tb"]'],
        ['cust\t2', 'a1', ''],
      ]);
    });

    it('takes everything back when the transaction fails', async (ctx) => {
      if (!db) return ctx.skip();
      const d = db;
      const before = Number((await d.kysely.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      await expect(
        d.kysely.transaction().execute(async (trx) => {
          await insertReporting(d, trx, MESSAGES, [message(200, 'x'), message(201, 'y')]);
          await bulkInsert(d, trx, ROUNDS_LIKE, [['c9', 'cust9', null, '2026-11-03', '[]']]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const after = Number((await d.kysely.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(after).toBe(before);
      expect(await d.kysely.selectFrom('fact_offline').selectAll().where('conversation_id', '=', 'c9').execute()).toEqual([]);
    });
  });
}
