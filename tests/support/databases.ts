/**
 * The dialects the database tests run over, Kysely-style: `for (const dialect of DIALECTS)`.
 * TEST_DIALECTS=sqlite,postgres selects them (default both). PostgreSQL tests get a fresh
 * database each (created on TEST_PG_URL's server, dropped afterwards); when no server is
 * reachable they are skipped with a message, unless TEST_REQUIRE_PG=1 (CI) makes that fail.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Db, type DialectName } from '../../server/db/database.ts';

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const DIALECTS: DialectName[] = (process.env.TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is DialectName => s === 'sqlite' || s === 'postgres');

let pgReachable: Promise<boolean> | undefined;

/** Whether the PostgreSQL test server answers (checked once per test file). */
export function postgresAvailable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      if (process.env.TEST_REQUIRE_PG === '1') throw new Error(`PostgreSQL is required but not reachable at ${PG_ADMIN_URL}`);
      console.warn(`[tests] PostgreSQL not reachable at ${PG_ADMIN_URL}: PostgreSQL tests are skipped (.ci/run starts it).`);
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgReachable;
}

export interface TestDb extends Db {
  /** closes and deletes the database */
  dispose(): Promise<void>;
}

/** A fresh, migrated database of the given dialect, or null when PostgreSQL is unavailable. */
export async function createTestDb(dialect: DialectName): Promise<TestDb | null> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-test-'));
    const db = openDatabase(`sqlite:${path.join(dir, 'test.sqlite')}`);
    await migrateToLatest(db);
    return {
      ...db,
      dispose: async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!(await postgresAvailable())) return null;
  const name = `helmsman_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = openDatabase(url.toString());
  await migrateToLatest(db);
  return {
    ...db,
    dispose: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      // the pool's connections are closing: wait for them rather than kill them mid-goodbye
      for (let i = 0; ; i++) {
        try {
          await c.query(`drop database if exists ${name}${i < 20 ? '' : ' with (force)'}`);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006' || i >= 20) throw e; // 55006: still in use
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      await c.end();
    },
  };
}
