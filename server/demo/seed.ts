/**
 * First-start demo organisation: the deterministic generator's departments, groups, shops,
 * channels and roster, the roster written by the roster import itself (so history
 * and audit entries are real). Every demo account's password is DEMO_PASSWORD.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateOrganisation, type DemoOrganisation } from '../../domain/demo/organisation.ts';
import { generateServiceData } from '../../domain/demo/service.ts';
import {
  CONVERSATION_COLUMNS,
  MESSAGE_COLUMNS,
  ORDER_COLUMNS,
  RATING_COLUMNS,
  csvLine,
  recordCsvLine,
  rosterCsv,
} from '../../domain/demo/records.ts';
import { importFile } from '../modules/ingest/ingest.service.ts';
import type { Db } from '../db/database.ts';
import type { Conn } from '../db/types.ts';
import { hashPassword } from '../lib/password.ts';
import { nowIso, todayIn } from '../lib/dates.ts';
import { SYSTEM } from '../modules/audit/audit.service.ts';
import { importRoster } from '../modules/people/roster.import.ts';

export const DEMO_PASSWORD = 'helmsman123';

/** The demo accounts the README lists, one per role. */
export const DEMO_ACCOUNTS = ['admin', 'manager', 'hr', 'supervisor', 'lead', 'agent'] as const;

export interface DemoOptions {
  agents?: number;
  days?: number;
  seed?: number;
  /** first day of the demo period; default: `days` days before today (Asia/Shanghai) */
  start?: string;
  /** also generate and import the period's service data (default true) */
  serviceData?: boolean;
  /** progress lines (e.g. console.log) */
  log?: (line: string) => void;
}

/** Whether the database holds no people yet (first start). */
export async function isEmpty(db: Conn): Promise<boolean> {
  const row = await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export function demoStart(days: number, today = todayIn('Asia/Shanghai')): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Writes the demo organisation; returns it (the generator's view, ids included). */
export async function seedDemo(db: Db, opts: DemoOptions = {}): Promise<DemoOrganisation> {
  const days = opts.days ?? 90;
  const org = generateOrganisation({
    agents: opts.agents ?? 60,
    days,
    seed: opts.seed ?? 7,
    start: opts.start ?? demoStart(days),
  });
  // One hash for all demo accounts: they share the published demo password anyway, and
  // hashing ~70 times with a memory-hard function would slow the first start for nothing.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    for (const d of org.departments) {
      await trx.insertInto('departments').values({ id: d.id, name: d.name, name_en: d.nameEn, created_at: now }).execute();
    }
    for (const g of org.groups) {
      await trx
        .insertInto('groups')
        .values({ id: g.id, department_id: g.departmentId, name: g.name, name_en: g.nameEn, kind: g.kind, created_at: now })
        .execute();
    }
    for (const s of org.shops) await trx.insertInto('shops').values({ id: s.id, name: s.name, platform: s.platform, created_at: now }).execute();
    for (const c of org.channels) await trx.insertInto('channels').values({ id: c.id, name: c.name, kind: c.kind, created_at: now }).execute();

  });
  // People go through the roster import itself (the generator writes the documented roster
  // CSV), so the demo exercises the path users take; then every demo account gets the hash.
  await importRoster(db.kysely, SYSTEM, 'demo-roster.csv', Buffer.from(rosterCsv(org)));
  await db.kysely.updateTable('people').set({ password_hash: passwordHash }).execute();
  if (opts.serviceData !== false) await seedServiceData(db, org, opts.log);
  return org;
}

/**
 * Generates the period's service data and imports it through the real import pipeline, a
 * chunk of days at a time: each chunk is its own short transaction, so a server that is
 * already serving stays responsive and shows the data as it arrives. Within a chunk,
 * attributes, ratings and orders go first so that the messages' import computes every
 * conversation's facts once, with all they depend on.
 */
export async function seedServiceData(db: Db, org: DemoOrganisation, log?: (line: string) => void, chunkDays = 10): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-demo-'));
  const files = {
    conversations: { path: path.join(dir, 'conversations.csv'), columns: CONVERSATION_COLUMNS },
    ratings: { path: path.join(dir, 'ratings.csv'), columns: RATING_COLUMNS },
    orders: { path: path.join(dir, 'orders.csv'), columns: ORDER_COLUMNS },
    messages: { path: path.join(dir, 'messages.csv'), columns: MESSAGE_COLUMNS },
  };
  let fds: Record<keyof typeof files, number> | null = null;
  let firstDay = '';
  let lastDay = '';
  let n = 0;
  const open = () =>
    Object.fromEntries(
      Object.entries(files).map(([k, f]) => {
        const fd = fs.openSync(f.path, 'w');
        fs.writeSync(fd, csvLine(f.columns));
        return [k, fd];
      }),
    ) as Record<keyof typeof files, number>;
  const flush = async () => {
    if (!fds) return;
    for (const fd of Object.values(fds)) fs.closeSync(fd);
    fds = null;
    const started = Date.now();
    let messages = 0;
    for (const [type, f] of Object.entries(files)) {
      const s = await importFile(db, { path: f.path, fileName: `demo-${type}.csv` });
      if (type === 'messages') messages = s.inserted;
    }
    log?.(`  ${firstDay} … ${lastDay}: ${messages.toLocaleString('en')} messages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const write = <R extends object>(fd: number, records: R[], columns: readonly (keyof R & string)[]) => {
    if (records.length) fs.writeSync(fd, records.map((r) => recordCsvLine(r, columns)).join(''));
  };
  try {
    for (const day of generateServiceData(org)) {
      if (!fds) {
        fds = open();
        firstDay = day.day;
      }
      lastDay = day.day;
      write(fds.messages, day.messages, MESSAGE_COLUMNS);
      write(fds.conversations, day.conversations, CONVERSATION_COLUMNS);
      write(fds.ratings, day.ratings, RATING_COLUMNS);
      write(fds.orders, day.orders, ORDER_COLUMNS);
      if (++n % chunkDays === 0) await flush();
    }
    await flush();
  } finally {
    if (fds) for (const fd of Object.values(fds as Record<string, number>)) fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
