import path from 'node:path';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, sql, SqliteDialect, Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema.ts';
import type { Conn } from './types.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_service_data.ts';
import * as m0003 from './migrations/0003_facts.ts';
import * as m0004 from './migrations/0004_kpi_monthly.ts';
import * as m0005 from './migrations/0005_appraisal.ts';
import * as m0006 from './migrations/0006_appraisal_reviews.ts';
import * as m0007 from './migrations/0007_qa.ts';
import * as m0008 from './migrations/0008_binary_collation.ts';
import * as m0009 from './migrations/0009_qa_inspection.ts';
import * as m0010 from './migrations/0010_qa_weekly.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /**
   * For reads that must not wait behind a long write: on SQLite a second, read-only connection
   * (WAL lets it read the last committed state while an import holds the writer); on
   * PostgreSQL the same pool.
   */
  read: Kysely<Database>;
  /** the raw SQLite handle (same connection Kysely uses) for the bulk-insert fast path */
  sqlite?: SQLite.Database;
  /**
   * PostgreSQL: the pool's client that runs a transaction (found by its backend pid), for
   * COPY, which Kysely cannot send. Only for a transaction: outside one, each query may run on
   * another client.
   */
  pgClientOf?: (trx: Conn) => Promise<pg.PoolClient>;
  /** human-readable location without credentials */
  describe: string;
  close(): Promise<void>;
}

/** The default store: an embedded SQLite file under ./data. */
export const DEFAULT_DATABASE_URL = 'sqlite:data/helmsman.sqlite';

// PostgreSQL int8 (COUNT, SUM) arrives as a string by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Opens the database named by a URL: `sqlite:<path>` (`sqlite::memory:` for tests) or
 * `postgres://…`. Throws a clear error for anything else.
 */
export function openDatabase(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Db {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const sqlite = new SQLite(file);
    // A new database gets 16 KiB pages (set before WAL, after which the size is fixed): imports
    // write far fewer page splits and headers than with 4 KiB pages (300 agents × 10 days of
    // messages: 15.0 → 13.3 s). An existing file keeps the page size it was created with.
    if (sqlite.pragma('page_count', { simple: true }) === 0) sqlite.pragma('page_size = 16384');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // WAL + NORMAL is durable across application crashes; a larger page cache speeds up imports
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('cache_size = -65536');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    let read = kysely;
    if (file !== ':memory:') {
      const reader = new SQLite(file, { readonly: true });
      reader.pragma('busy_timeout = 5000');
      read = new Kysely<Database>({ dialect: new SqliteDialect({ database: reader }) });
    }
    const close = async () => {
      if (read !== kysely) await read.destroy();
      await kysely.destroy();
    };
    return { kysely, read, dialect: 'sqlite', sqlite, describe: `SQLite ${file}`, close };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // A connection the server drops (a restart, an administrator, a database dropped while the
    // pool closes) must not crash the process: a query on it still fails with the error, and
    // the pool replaces the connection.
    pool.on('error', (err) => console.warn(`[database] idle PostgreSQL connection lost: ${err.message}`));
    const byPid = new Map<number, pg.PoolClient>();
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      const pid = (client as unknown as { processID: number }).processID;
      byPid.set(pid, client);
      client.once('end', () => byPid.delete(pid));
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const clientOf = new WeakMap<Conn, pg.PoolClient>();
    const pgClientOf = async (trx: Conn) => {
      if (!trx.isTransaction) throw new TypeError('pgClientOf needs a transaction');
      let client = clientOf.get(trx);
      if (!client) {
        const { pid } = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0];
        client = byPid.get(Number(pid));
        if (!client) throw new Error(`no pooled client has backend pid ${pid}`);
        clientOf.set(trx, client);
      }
      return client;
    };
    const u = new URL(url);
    return {
      kysely,
      pgClientOf,
      read: kysely,
      dialect: 'postgres',
      describe: `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`,
      close: () => kysely.destroy(),
    };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}

/** Every migration, in order. One set for both dialects. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_service_data': m0002,
  '0003_facts': m0003,
  '0004_kpi_monthly': m0004,
  '0005_appraisal': m0005,
  '0006_appraisal_reviews': m0006,
  '0007_qa': m0007,
  '0008_binary_collation': m0008,
  '0009_qa_inspection': m0009,
  '0010_qa_weekly': m0010,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String((error as Error).message ?? error)}`);
  }
}
