/** Shared setup of the appraisal tests (tests/db/appraisal*.test.ts, tests/api/appraisal*.test.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { Conn } from '../../server/db/types.ts';
import { HttpError } from '../../server/lib/errors.ts';
import { importFile } from '../../server/modules/ingest/ingest.service.ts';
import type { CycleCreate } from '../../server/modules/appraisal/appraisal.schema.ts';
import { createTestDb, type TestDb } from './databases.ts';
import { buildMessageRecord, buildSmallOrg, type SmallOrg } from './factories.ts';
import { clientFor, startServer, type TestServer } from './server.ts';

/** An actor as the services take it; a group given is also the one the actor leads. */
export const actorOf = (
  id: string,
  role: Actor['role'],
  departmentId: string | null = null,
  groupId: string | null = null,
): Actor => ({ id, role, departmentId, groupId, ledGroupIds: groupId ? [groupId] : [] });

/** The admin and the 客服部 supervisor of the small org. */
export const staffOf = (org: SmallOrg): { admin: Actor; supervisor: Actor } => ({
  admin: actorOf(org.people.admin, 'admin'),
  supervisor: actorOf(org.people.supervisor, 'supervisor', org.departments.cs),
});

/** `tx(fn)`: runs fn in a transaction of the database `getDb()` returns once the tests run. */
export const transactor =
  (getDb: () => TestDb | null) =>
  <T>(fn: (trx: Conn) => Promise<T>): Promise<T> =>
    getDb()!.kysely.transaction().execute(fn);

/** The HttpError a promise rejects with (fails the test when it resolves or throws something else). */
export async function rejection(p: Promise<unknown>): Promise<HttpError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HttpError);
  return e as HttpError;
}

const HEADER =
  'conversation_id,message_id,shop_id,channel,customer_id,sender,agent_id,sent_at,text,auto_reply,event,to_agent_id';
/** November 2026 of 售前一组: agentA1 replies in 20 s then 40 s, agentA2 in 50 s. */
const NOVEMBER_MESSAGES = [
  HEADER,
  'cv1,m1,云裳旗舰店,chat,c1,customer,,2026-11-11T10:00:00+08:00,请问有M码吗,false,,',
  'cv1,m2,云裳旗舰店,chat,c1,agent,agentA1,2026-11-11T10:00:20+08:00,亲，有的哦,false,,',
  'cv1,m3,云裳旗舰店,chat,c1,customer,,2026-11-11T10:05:00+08:00,什么时候发货？,false,,',
  'cv1,m4,云裳旗舰店,chat,c1,agent,agentA1,2026-11-11T10:05:40+08:00,今天下午发出,false,,',
  'cv2,m5,云裳旗舰店,chat,c2,customer,,2026-11-12T09:00:00+08:00,在吗,false,,',
  'cv2,m6,云裳旗舰店,chat,c2,agent,agentA2,2026-11-12T09:00:50+08:00,在的,false,,',
];

/** Imports the November messages (see NOVEMBER_MESSAGES) through the file importer. */
export async function importNovemberMessages(db: TestDb): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-appraisal-'));
  const file = path.join(dir, 'messages.csv');
  fs.writeFileSync(file, NOVEMBER_MESSAGES.join('\n'));
  await importFile(db, { path: file });
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A cycle of 客服部 over September 2026 (monthly) or the third quarter (quarterly), default scheme v1,
 * with the bonus options of the worked examples: team split by presence, 1 % commission, an AOV bonus
 * of 5000 cents at a 15 % uplift, and a team award of 60000 cents at 85 % immediate resolution.
 */
export const septemberCycle = (org: SmallOrg, name: string, kind: 'monthly' | 'quarterly'): CycleCreate => ({
  name,
  kind,
  periodFrom: kind === 'monthly' ? '2026-09-01' : '2026-07-01',
  periodTo: '2026-09-30',
  scope: { departmentIds: [org.departments.cs], groupIds: [] },
  schemeId: 'default',
  schemeVersion: 1,
  options: {
    bonus: {
      teamSplit: 'coverage',
      commission: { rateBasisPoints: 100, aovBonus: { minUplift: 0.15, cents: 5_000 } },
    },
    teamAward: {
      poolCents: 60_000,
      targets: [{ metric: 'immediate_resolution_rate', target: 0.85, direction: 'higher' }],
    },
  },
});

/** A SQLite small org behind a real HTTP server, with a few November messages of agentA1 and agentA2 imported. */
export async function startAppraisalServer(): Promise<{ db: TestDb; org: SmallOrg; server: TestServer }> {
  const db = (await createTestDb('sqlite'))!;
  const org = await buildSmallOrg(db);
  const server = await startServer(db);
  const admin = await clientFor(server, 'admin');
  const msg = buildMessageRecord;
  const imported = await admin.send('POST', '/api/import/records', {
    type: 'messages',
    records: [
      msg('a1', 'c-a1', 'customer', '', '09:00:00'),
      msg('a2', 'c-a1', 'agent', 'agentA1', '09:00:15'),
      msg('b1', 'c-a2', 'customer', '', '09:30:00'),
      msg('b2', 'c-a2', 'agent', 'agentA2', '09:30:40'),
    ],
  });
  expect(imported.status).toBe(200);
  return { db, org, server };
}
