/**
 * `npm run bench:kpi`: import throughput, peak memory and KPI query time on generated data,
 * with DuckDB as the yardstick for the response-time computation.
 *
 *   npm run bench:kpi -- [--agents 1000] [--days 30] [--seed 7] [--start 2026-11-01]
 *                        [--dialects sqlite,postgres] [--keep]
 *
 * 1. Generates the demo data files in a child process (so its memory is not counted).
 * 2. For each dialect: a fresh database, the roster, then conversations, ratings, orders and
 *    messages through the real import pipeline (parse + validate + store + facts + daily KPIs).
 * 3. Times the month's KPI query by agent (median of 5).
 * 4. Computes first-response and average-response per agent with DuckDB SQL over the same
 *    messages.csv and compares time and figures.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Db } from '../server/db/database.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { importFile, type ImportPhases } from '../server/modules/ingest/ingest.service.ts';
import { queryKpis } from '../server/modules/kpi/kpi.service.ts';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '1000' },
    days: { type: 'string', default: '30' },
    seed: { type: 'string', default: '7' },
    start: { type: 'string', default: '2026-11-01' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
    keep: { type: 'boolean', default: false },
    pg: { type: 'string', default: process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const agents = Number(values.agents);
const days = Number(values.days);
const seed = Number(values.seed);
const start = values.start!;
const end = new Date(Date.parse(`${start}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

function generate(dir: string) {
  console.log(`generating ${agents} agents × ${days} days (seed ${seed}, from ${start}) into ${dir} …`);
  const t = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo-generate.ts', '--agents', String(agents), '--days', String(days), '--seed', String(seed), '--start', start, '--out', dir, '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('generation failed');
  const size = fs.readdirSync(dir).reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
  console.log(`  generated ${mb(size)} in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

async function openBench(dialect: string, dir: string): Promise<{ db: Db; drop: () => Promise<void> } | null> {
  if (dialect === 'sqlite') {
    const file = path.join(dir, 'bench.sqlite');
    fs.rmSync(file, { force: true });
    const db = openDatabase(`sqlite:${file}`);
    return { db, drop: async () => fs.rmSync(file, { force: true }) };
  }
  const admin = new pg.Client({ connectionString: values.pg, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL not reachable at ${values.pg}: skipped\n`);
    return null;
  }
  const name = `helmsman_bench_${process.pid}`;
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(values.pg!);
  url.pathname = `/${name}`;
  const db = openDatabase(url.toString());
  return {
    db,
    drop: async () => {
      const c = new pg.Client({ connectionString: values.pg });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function benchDialect(dialect: string, dir: string) {
  const opened = await openBench(dialect, dir);
  if (!opened) return null;
  const { db, drop } = opened;
  try {
    console.log(`== ${db.describe}`);
    await migrateToLatest(db);
    await seedDemo(db, { agents, days, seed, start, serviceData: false });
    peakRss = process.memoryUsage().rss;
    const results: Record<string, { rows: number; ms: number; phases: ImportPhases }> = {};
    for (const type of ['conversations', 'ratings', 'orders', 'messages']) {
      const s = await importFile(db, { path: path.join(dir, `${type}.csv`) });
      results[type] = { rows: s.rows, ms: s.ms, phases: s.phases };
      const ph = Object.entries(s.phases).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ');
      console.log(`  import ${type.padEnd(13)} ${fmt(s.rows).padStart(10)} rows in ${(s.ms / 1000).toFixed(1).padStart(6)} s = ${fmt(s.rows / (s.ms / 1000)).padStart(8)} rows/s  (${ph} s)`);
    }
    const m = results.messages;
    const core = (m.phases.read + m.phases.store + m.phases.facts) / 1000;
    console.log(`  messages/s end to end (parse + validate + store + facts + automatic inspection + daily KPIs): ${fmt(m.rows / (m.ms / 1000))}`);
    console.log(`  messages/s as the issue counts them (parse + validate + store + facts, ${core.toFixed(1)} s): ${fmt(m.rows / core)}`);
    console.log(`  peak RSS during import: ${mb(peakRss)}`);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await queryKpis(db.kysely, null, { from: start, to: end, by: 'agent', period: 'all', format: 'json' });
      times.push(performance.now() - t);
      rows = r.rows.length;
    }
    times.sort((a, b) => a - b);
    console.log(`  KPI query, ${start}..${end} by agent: ${rows} rows, median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)})`);
    const byAgent = await queryKpis(db.kysely, null, { from: start, to: end, by: 'agent', period: 'all', format: 'json' });
    const logins = new Map((await db.kysely.selectFrom('people').select(['id', 'login']).execute()).map((p) => [p.id, p.login]));
    const figures = new Map(byAgent.rows.map((r) => [logins.get(r.key) ?? r.key, { frt: r.first_response_avg_s, art: r.avg_response_s }]));
    console.log('');
    return { dialect, msgsPerSec: m.rows / (m.ms / 1000), importMs: m.ms, queryMs: times[2], figures };
  } finally {
    await db.close();
    await drop();
  }
}

/** The same two figures by DuckDB SQL (rounds from valid replies, service hours, cap; no hand-off/transfer rules). */
async function duckdb(dir: string) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  const t = performance.now();
  const file = path.join(dir, 'messages.csv').replace(/'/g, "''");
  const r = await c.runAndReadAll(`
    with ev as (
      select conversation_id, cast(sent_at as timestamptz) as t, sender, agent_id, auto_reply, coalesce(event, '') as event,
             (sender = 'agent' and not auto_reply and coalesce(event, '') = '') as valid
      from read_csv('${file}', header = true, all_varchar = false, types = {'sent_at': 'VARCHAR', 'agent_id': 'VARCHAR', 'to_agent_id': 'VARCHAR', 'event': 'VARCHAR'})
    ),
    seq as (
      select *, coalesce(sum(valid::int) over (partition by conversation_id order by t rows between unbounded preceding and 1 preceding), 0) as k,
             last_value(agent_id ignore nulls) over (partition by conversation_id order by t rows between unbounded preceding and unbounded following) as last_agent
      from ev
    ),
    opens as (select conversation_id, k, min(t) as open_t, any_value(last_agent) as last_agent from seq where sender = 'customer' and event = '' group by all),
    closes as (select conversation_id, k, t as close_t, agent_id from seq where valid),
    rounds as (
      select o.conversation_id, o.open_t, coalesce(c.agent_id, o.last_agent) as agent,
             least(coalesce(epoch(c.close_t) - epoch(o.open_t), 600), 600) as dur,
             row_number() over (partition by o.conversation_id order by o.open_t) = 1 as first
      from opens o left join closes c using (conversation_id, k)
      where hour(timezone('Asia/Shanghai', o.open_t)) between 8 and 22
    )
    select agent, avg(dur) as art, avg(dur) filter (where first) as frt, count(*) as rounds from rounds where agent is not null group by agent`);
  const ms = performance.now() - t;
  const rows = r.getRowObjects() as { agent: string; art: number; frt: number | null }[];
  return { ms, figures: new Map(rows.map((x) => [x.agent, { art: Number(x.art), frt: x.frt === null ? null : Number(x.frt) }])) };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-bench-'));
  try {
    generate(dir);
    console.log(`V8 heap limit ${mb(v8.getHeapStatistics().heap_size_limit)} (npm run bench:kpi, npm start and npx helmsman run with --max-old-space-size=384 --max-semi-space-size=32)\n`);
    const results = [];
    for (const d of values.dialects!.split(',')) {
      const r = await benchDialect(d.trim(), dir);
      if (r) results.push(r);
    }
    console.log('== DuckDB over the same messages.csv (first and average response per agent)');
    const duck = await duckdb(dir);
    console.log(`  DuckDB: ${(duck.ms / 1000).toFixed(2)} s for ${duck.figures.size} agents`);
    for (const r of results) {
      const diffs: number[] = [];
      for (const [agent, f] of r.figures) {
        const d = duck.figures.get(agent);
        if (d && typeof f.art === 'number') diffs.push(Math.abs(f.art - d.art));
      }
      diffs.sort((a, b) => a - b);
      console.log(
        `  ${r.dialect}: full import of the messages ${(r.importMs / 1000).toFixed(1)} s = ${(r.importMs / duck.ms).toFixed(1)}× DuckDB's query-only time; ` +
          `KPI query ${r.queryMs.toFixed(0)} ms = ${(duck.ms / r.queryMs).toFixed(0)}× faster than recomputing with DuckDB; ` +
          `average-response difference per agent: median ${diffs[Math.floor(diffs.length / 2)]?.toFixed(2)} s, max ${diffs[diffs.length - 1]?.toFixed(2)} s (DuckDB lacks the hand-off and transfer rules)`,
      );
    }
    console.log(`\npeak RSS of this process, DuckDB's in-process query included: ${mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024))}`);
  } finally {
    clearInterval(sampler);
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

await main();
