/**
 * Imports service data (SPEC ING-1..5): a file streams through parse → validate → resolve
 * (agent logins, shops) → store, in one transaction. Atomic by default: any bad row rejects
 * the file (`file:line: field: reason`) and the database stays as it was. With a rejects file,
 * good rows are kept and bad rows written out with their reasons. Re-importing changes
 * nothing and says so. Facts for the KPIs are refreshed for what the file touched.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/database.ts';
import type { Conn } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/dates.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import { record } from '../audit/audit.service.ts';
import { checkHeader, COLUMNS, detectType, RECORD_TYPES, type FieldProblem, type RecordType } from './ingest.formats.ts';
import { parseChunks, type Parsed } from './ingest.pipeline.ts';
import { checkPresetOptions, flagOf, openPresetSource, type Preset, type PresetOptions } from './presets/index.ts';
import { FileFormatError, formatOf, openRows, type FileFormat, type SourceRow } from './ingest.readers.ts';
import { existing, insertNew, keyOf, sameRow, TABLES, updateRows } from './ingest.repository.ts';
import { insertReporting } from '../../db/bulk.ts';
import type { MessageRecord } from '../../../domain/metrics/index.ts';
import { agentGroupMap, rebuildDays, refreshFacts, type Touched } from '../kpi/kpi.refresh.ts';
import { loadReferences, type References } from './ingest.references.ts';
import { importInspection } from '../qa/qa.inspection.ts';

export interface ImportOptions {
  /** path of the file on disk */
  path: string;
  /** name to report (defaults to the path's base name) */
  fileName?: string;
  type?: RecordType;
  format?: FileFormat;
  /** IANA zone for offset-less times */
  tz?: string;
  /** keep good rows and write bad ones here (CSV) instead of rejecting the file */
  rejectsPath?: string;
  actor?: AuditActor;
  onProgress?: (p: ImportProgress) => void;
  /** rows per batch (tests use small batches) */
  batchSize?: number;
  /** touched conversations + customers that trigger a facts refresh mid-import (tests use small values) */
  factsFlush?: number;
  /** customers waiting for their sales and repeat-complaint refresh that trigger it mid-import (tests use small values) */
  customersFlush?: number;
  /** read the file through a preset (七鱼, JDDC, Zendesk, Freshdesk) instead of the canonical format */
  preset?: { preset: Preset; options: PresetOptions };
}

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
  phase: 'reading' | 'facts' | 'done';
}

export interface ImportProblem extends FieldProblem {
  line: number;
}

export interface ImportSummary {
  runId: string;
  file: string;
  /** the main record type (messages when present) */
  type: RecordType;
  /** every record type the file held (several for presets) */
  types: RecordType[];
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** true when the database did not change */
  nothingChanged: boolean;
  /** the first problems, `line` numbered as in the file */
  problems: ImportProblem[];
  rejectsPath: string | null;
  factsRefreshed: { conversations: number; customers: number };
  ms: number;
  /** where the time went (ms): reading + parsing + validating, storing, facts, automatic inspection, daily KPI counters */
  phases: ImportPhases;
}

export interface ImportPhases {
  read: number;
  store: number;
  facts: number;
  /** automatic inspection of the conversations with new messages, and their alerts (SPEC QA-3) */
  inspect: number;
  kpis: number;
}

/** Thrown when the file is rejected as a whole; carries every problem found (up to a limit). */
export class ImportRejected extends Error {
  constructor(
    readonly file: string,
    readonly problems: ImportProblem[],
    readonly headerProblem = false,
  ) {
    const first = problems[0];
    super(
      first
        ? `${file}:${first.line}: ${first.field}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : ''} — nothing imported`
        : `${file}: rejected`,
    );
  }
}

const MAX_PROBLEMS = 100;
const FACTS_FLUSH = 10_000;
/**
 * Customers' sales credit and repeat complaints are refreshed once for many batches, but at the
 * latest when this many wait: their number grows with the file (a 2 GB file of 2,000 agents
 * holds over a million customers), and memory must not.
 */
const CUSTOMERS_FLUSH = 50_000;

/** One record type's rows of an import: a plain file has one part, a preset file several. */
interface Part {
  type: RecordType;
  header: string[];
  chunks: AsyncIterable<Parsed[]>;
}

/** Order in which a multi-type import stores its parts: what facts depend on comes first. */
const PART_ORDER: readonly RecordType[] = ['conversations', 'ratings', 'orders', 'messages'];

/**
 * Maps a preset file onto canonical records, split by type into temporary JSON Lines files
 * (streamed, so memory stays bounded). Each record keeps its source line in `__line`.
 */
async function splitPreset(
  file: string,
  filePath: string,
  preset: Preset,
  presetOptions: PresetOptions,
  dir: string,
  onProblem: (line: number, problems: FieldProblem[], raw: Record<string, unknown> | null) => void,
  refs: References,
  tz: string | undefined,
): Promise<{ parts: Part[]; bytesRead: () => number }> {
  const optionProblems = checkPresetOptions(preset, presetOptions);
  if (optionProblems.length) {
    throw new ImportRejected(file, optionProblems.map((p) => ({ line: 0, field: `--${flagOf(p.field)}`, message: p.message })), true);
  }
  let src;
  try {
    src = await openPresetSource(filePath, preset);
  } catch (e) {
    if (e instanceof FileFormatError) throw new ImportRejected(file, [{ line: e.line, field: 'file', message: e.message }], true);
    throw e;
  }
  const headerProblems = preset.checkHeader?.(src.header) ?? [];
  if (headerProblems.length) throw new ImportRejected(file, headerProblems.map((p) => ({ line: 1, ...p })), true);
  const fds = new Map<RecordType, number>();
  try {
    for await (const out of preset.map(src.inputs, presetOptions)) {
      if ('problems' in out) {
        onProblem(out.line, out.problems, null);
        continue;
      }
      let fd = fds.get(out.type);
      if (fd === undefined) {
        fd = fs.openSync(path.join(dir, `${out.type}.jsonl`), 'w');
        fds.set(out.type, fd);
      }
      fs.writeSync(fd, `${JSON.stringify({ ...out.values, __line: out.line })}\n`);
    }
  } finally {
    for (const fd of fds.values()) fs.closeSync(fd);
  }
  const parts: Part[] = [];
  for (const type of PART_ORDER) {
    if (!fds.has(type)) continue;
    const rows = await openRows(path.join(dir, `${type}.jsonl`), 'jsonl');
    parts.push({ type, header: [...COLUMNS[type].required, ...COLUMNS[type].optional], chunks: parseChunks(withSourceLines(rows.rows), type, refs, tz) });
  }
  return { parts, bytesRead: src.bytesRead };
}

async function* withSourceLines(rows: AsyncIterable<SourceRow>): AsyncGenerator<SourceRow> {
  for await (const r of rows) {
    const { __line, ...values } = r.values;
    yield { line: Number(__line), values };
  }
}

/** Imports one file; see the module comment for the guarantees. */
export async function importFile(db: Db, opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const file = opts.fileName ?? path.basename(opts.path);
  const totalBytes = fs.statSync(opts.path).size;
  const keepGood = Boolean(opts.rejectsPath);
  const rejects = keepGood ? fs.openSync(opts.rejectsPath!, 'w') : null;
  const tmpDir = opts.preset ? fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-preset-')) : null;
  const problems: ImportProblem[] = [];
  const counts = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  let rejectsHeader: string[] | null = null;
  /** a bad row: counted, its problems kept (up to a limit), and written to the rejects file */
  const reject = (line: number, raw: Record<string, unknown> | null, ps: FieldProblem[], header?: string[]) => {
    counts.rejected++;
    for (const p of ps) if (problems.length < MAX_PROBLEMS) problems.push({ line, ...p });
    if (rejects === null) return;
    const cols = header ?? [];
    if (rejectsHeader === null) {
      rejectsHeader = opts.preset ? ['line', 'field', 'reason', 'record'] : ['line', 'field', 'reason', ...cols];
      fs.writeSync(rejects, `\ufeff${stringify([rejectsHeader])}`);
    }
    const fields = ps.map((p) => p.field).join(' ');
    const reasons = ps.map((p) => p.message).join('; ');
    const rest = opts.preset ? [raw ? JSON.stringify(raw) : ''] : cols.map((h) => raw?.[h] ?? '');
    fs.writeSync(rejects, stringify([[line, fields, reasons, ...rest]]));
  };

  try {
    const refs = await loadReferences(db.kysely);
    let parts: Part[];
    let bytesRead: () => number;
    if (opts.preset) {
      counts.rows = 0;
      const split = await splitPreset(file, opts.path, opts.preset.preset, opts.preset.options, tmpDir!, (line, ps, raw) => {
        counts.rows++;
        reject(line, raw, ps);
      }, refs, opts.tz);
      parts = split.parts;
      bytesRead = split.bytesRead;
    } else {
      const format = opts.format ?? formatOf(file);
      if (!format) throw new ImportRejected(file, [{ line: 0, field: 'file', message: 'unknown file type: use .csv, .jsonl or .xlsx, or a --preset' }], true);
      let source;
      try {
        source = await openRows(opts.path, format);
      } catch (e) {
        if (e instanceof FileFormatError) throw new ImportRejected(file, [{ line: e.line, field: 'file', message: e.message }], true);
        throw e;
      }
      const type = opts.type ?? detectType(source.header);
      if (!type) {
        throw new ImportRejected(
          file,
          [{ line: 1, field: 'header', message: `cannot tell the record type from the header (${RECORD_TYPES.join(', ')}): pass --type` }],
          true,
        );
      }
      const headerProblems = checkHeader(type, source.header);
      if (headerProblems.length) throw new ImportRejected(file, headerProblems.map((p) => ({ line: 1, ...p })), true);
      parts = [{ type, header: source.header, chunks: parseChunks(source.rows, type, refs, opts.tz) }];
      bytesRead = source.bytesRead;
    }
    if (parts.length === 0 && counts.rejected === 0) {
      throw new ImportRejected(file, [{ line: 0, field: 'file', message: 'no records in the file' }], true);
    }

    const runId = newId();
    const batchSize = opts.batchSize ?? 5000;
    const touched: Touched = { conversations: new Set(), customers: new Set(), days: new Set(), fresh: new Map() };
    const progress = (phase: ImportProgress['phase']) =>
      opts.onProgress?.({ rows: counts.rows, bytes: Math.min(bytesRead(), totalBytes), totalBytes, phase });
    const refreshed = { conversations: 0, customers: 0 };
    const phases: ImportPhases = { read: 0, store: 0, facts: 0, inspect: 0, kpis: 0 };
    /** inspects conversations with new messages after each facts refresh; alerts go out after the commit */
    const inspection = importInspection(db);
    const timed = async <T>(phase: keyof ImportPhases, fn: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      try {
        return await fn();
      } finally {
        phases[phase] += performance.now() - t;
      }
    };
    /** customers whose sales credit and repeat complaints are refreshed later (see CUSTOMERS_FLUSH) */
    const pendingCustomers = new Set<string>();
    // PostgreSQL statistics are refreshed each time the import has doubled what it inserted
    // (see analyzeIfPostgres): the planner scales row counts by table size, so stats that are at
    // most half the table behind still pick the index scans, and ANALYZE runs ~log2(n) times.
    let analyzeAt = 0;
    const analyzeWhenGrown = async (trx: Conn) => {
      if (counts.inserted < analyzeAt) return;
      analyzeAt = Math.max(2 * counts.inserted, counts.inserted + 10_000);
      await analyzeIfPostgres(db, trx);
    };
    const refreshNow = async (trx: Conn) => {
      await timed('facts', async () => {
        await analyzeWhenGrown(trx);
        const r = await refreshFacts(db, trx, touched, undefined, pendingCustomers);
        refreshed.conversations += r.conversations;
      });
      await timed('inspect', () => inspection.run(trx, touched));
      touched.conversations.clear();
      touched.customers.clear();
      touched.fresh!.clear();
      if (pendingCustomers.size >= (opts.customersFlush ?? CUSTOMERS_FLUSH)) await refreshCustomers(trx);
    };
    /** refreshes the waiting customers (a customer seen again later is simply refreshed again) */
    const refreshCustomers = (trx: Conn) =>
      timed('facts', async () => {
        await analyzeWhenGrown(trx);
        const ids = [...pendingCustomers];
        pendingCustomers.clear();
        for (let i = 0; i < ids.length; i += FACTS_FLUSH) {
          const r = await refreshFacts(db, trx, { conversations: new Set(), customers: new Set(ids.slice(i, i + FACTS_FLUSH)), days: touched.days });
          refreshed.customers += r.customers;
        }
      });
    if (counts.rejected > 0 && !keepGood) throw new ImportRejected(file, problems);

    let summary: ImportSummary | undefined;
    await db.kysely.transaction().execute(async (trx) => {
      for (const part of parts) {
        const { type } = part;
        const table = TABLES[type];
        let batch: { line: number; row: unknown[] }[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const storeStarted = performance.now();
          const fresh: unknown[][] = [];
          const changed: unknown[][] = [];
          /** a row whose key is stored: unchanged, an update, or refused (immutable records) */
          const compare = (b: (typeof batch)[number], old: unknown[]) => {
            if (sameRow(old, b.row)) counts.unchanged++;
            else if (table.updatable) changed.push(b.row);
            else reject(b.line, null, [{ field: table.key[0], message: 'already stored with different content (records are immutable)' }], part.header);
          };
          if (table.updatable) {
            const stored = await existing(trx, table, batch.map((b) => b.row));
            for (const b of batch) {
              const key = keyOf(table, b.row);
              const old = stored.get(key);
              if (old) compare(b, old);
              else {
                fresh.push(b.row);
                stored.set(key, b.row); // a later row of the batch with the same key compares with this one
              }
            }
            await insertNew(db, trx, table, fresh);
          } else {
            // Immutable records (messages): insert first, then look up only the rows that collided.
            const went = await insertReporting(db, trx, table, batch.map((b) => b.row));
            const stored = await existing(trx, table, batch.filter((_, i) => !went[i]).map((b) => b.row));
            batch.forEach((b, i) => (went[i] ? fresh.push(b.row) : compare(b, stored.get(keyOf(table, b.row))!)));
          }
          counts.inserted += fresh.length;
          await updateRows(trx, table, changed);
          counts.updated += changed.length;
          for (const r of fresh) noteTouched(type, r, touched);
          if (type === 'messages') for (const r of fresh) noteFreshMessage(r, touched);
          for (const r of changed) noteTouched(type, r, touched);
          batch = [];
          phases.store += performance.now() - storeStarted;
          // Facts are refreshed as the touched set fills, so memory stays bounded whatever the
          // file size; a conversation split across batches is simply refreshed again.
          if (touched.conversations.size + touched.customers.size >= (opts.factsFlush ?? FACTS_FLUSH)) await refreshNow(trx);
          progress('reading');
        };
        try {
          for await (const chunk of part.chunks) {
            for (const p of chunk) {
              counts.rows++;
              if ('problems' in p) reject(p.line, p.values, p.problems, part.header);
              else if (keepGood || counts.rejected === 0) {
                // (once a row is bad the file is rejected anyway: only problems are collected)
                batch.push(p);
                if (batch.length >= batchSize) await flush();
              }
            }
          }
        } catch (e) {
          if (e instanceof FileFormatError) {
            reject(e.line, null, [{ field: 'file', message: e.message }]);
            throw new ImportRejected(file, problems);
          }
          throw e;
        }
        await flush();
      }
      if (counts.rejected > 0 && !keepGood) throw new ImportRejected(file, problems);
      progress('facts');
      await refreshNow(trx);
      await refreshCustomers(trx);
      await timed('kpis', async () => rebuildDays(db, trx, touched.days!, await agentGroupMap(trx)));
      const nothingChanged = counts.inserted === 0 && counts.updated === 0;
      const type = parts.find((p) => p.type === 'messages')?.type ?? parts[0]?.type ?? 'messages';
      summary = {
        runId,
        file,
        type,
        types: parts.map((p) => p.type),
        ...counts,
        nothingChanged,
        problems,
        rejectsPath: opts.rejectsPath ?? null,
        factsRefreshed: refreshed,
        ms: Date.now() - started,
        phases: { ...phases, read: Date.now() - started - phases.store - phases.facts - phases.inspect - phases.kpis },
      };
      await trx
        .insertInto('import_runs')
        .values({
          id: runId,
          file,
          type: parts.map((p) => p.type).join(','),
          format: opts.preset ? `preset:${opts.preset.preset.name}` : (opts.format ?? formatOf(file)),
          actor_id: opts.actor?.id ?? null,
          started_at: new Date(started).toISOString(),
          finished_at: nowIso(),
          status: 'done',
          total_bytes: totalBytes,
          bytes: totalBytes,
          rows: counts.rows,
          inserted: counts.inserted + counts.updated,
          unchanged: counts.unchanged,
          rejected: counts.rejected,
          message: nothingChanged ? 'nothing changed: every record was already stored' : null,
          details: problems.length ? JSON.stringify(problems) : null,
        })
        .execute();
      if (opts.actor) {
        await record(trx, opts.actor, 'import.file', 'import_run', runId, null, { file, types: parts.map((p) => p.type), ...counts });
      }
    });
    inspection.publish();
    progress('done');
    return summary!;
  } catch (e) {
    // A rejected file changed nothing, but it belongs in the import history with its reasons.
    if (e instanceof ImportRejected) {
      await db.kysely
        .insertInto('import_runs')
        .values({
          id: newId(),
          file,
          type: opts.type ?? null,
          format: opts.preset ? `preset:${opts.preset.preset.name}` : (opts.format ?? formatOf(file)),
          actor_id: opts.actor?.id ?? null,
          started_at: new Date(started).toISOString(),
          finished_at: nowIso(),
          status: 'rejected',
          total_bytes: totalBytes,
          rows: counts.rows,
          rejected: counts.rejected,
          message: e.message,
          details: JSON.stringify(e.problems),
        })
        .execute();
    }
    throw e;
  } finally {
    if (rejects !== null) fs.closeSync(rejects);
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

/**
 * PostgreSQL plans from table statistics, and tables filled inside this one long transaction
 * look empty to it (autovacuum cannot see uncommitted rows), so lookups by customer or
 * conversation would scan whole tables. ANALYZE inside the transaction samples what it sees.
 */
async function analyzeIfPostgres(db: Db, trx: Conn) {
  if (db.dialect !== 'postgres') return;
  await sql`analyze messages, fact_conversations, fact_agent_days, fact_sales, fact_ratings, fact_rounds, orders`.execute(trx);
}

/** Keeps an inserted message, text included, for the facts refresh and inspection (see Touched.fresh). */
function noteFreshMessage(row: unknown[], t: Touched) {
  const m: MessageRecord = {
    messageId: row[0] as string,
    conversationId: row[1] as string,
    shopId: row[2] as string,
    channel: row[3] as MessageRecord['channel'],
    customerId: row[4] as string,
    sender: row[5] as MessageRecord['sender'],
    agentId: (row[6] as string | null) ?? null,
    sentAt: row[7] as number,
    text: row[8] as string,
    autoReply: row[9] === 1,
    event: row[10] as MessageRecord['event'],
    toAgentId: (row[11] as string | null) ?? null,
  };
  const list = t.fresh!.get(m.conversationId);
  if (list) list.push(m);
  else t.fresh!.set(m.conversationId, [m]);
}

function noteTouched(type: RecordType, row: unknown[], t: Touched) {
  switch (type) {
    case 'messages':
      t.conversations.add(row[1] as string);
      t.customers.add(row[4] as string);
      break;
    case 'conversations':
    case 'ratings':
      t.conversations.add(row[0] as string);
      break;
    case 'orders':
      t.customers.add(row[2] as string);
      break;
  }
}
