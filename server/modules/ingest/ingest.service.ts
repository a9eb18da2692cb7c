/**
 * Imports service data (SPEC ING-1..5): a file streams through parse → validate → resolve
 * (agent logins, shops) → store, in one transaction. Atomic by default: any bad row rejects
 * the file (`file:line: field: reason`) and the database stays as it was. With a rejects file,
 * good rows are kept and bad rows written out with their reasons. Re-importing changes
 * nothing and says so. Facts for the KPIs are refreshed for what the file touched.
 */
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/database.ts';
import type { Conn } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/dates.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import { record } from '../audit/audit.service.ts';
import { checkHeader, detectType, PARSERS, RECORD_TYPES, type FieldProblem, type RecordType } from './ingest.formats.ts';
import { FileFormatError, formatOf, openRows, type FileFormat, type SourceRow } from './ingest.readers.ts';
import { existing, insertNew, keyOf, sameRow, TABLES, updateRows } from './ingest.repository.ts';
import { agentGroupMap, rebuildDays, refreshFacts, type Touched } from '../kpi/kpi.refresh.ts';
import { loadReferences, type References } from './ingest.references.ts';

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
  type: RecordType;
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
const FACTS_FLUSH = 20_000;

function agentRef(refs: References, field: string, v: unknown, problems: FieldProblem[]): string | null {
  if (v === null || v === undefined || v === '') return null;
  const id = refs.agent(String(v));
  if (!id) problems.push({ field, message: `unknown agent "${String(v)}"` });
  return id;
}

function shopRef(refs: References, v: unknown, problems: FieldProblem[]): string | null {
  const id = refs.shop(String(v));
  if (!id) problems.push({ field: 'shop_id', message: `unknown shop "${String(v)}"` });
  return id;
}

/** Turns a parsed record into a table row, resolving agent logins and shops; problems by field. */
function toRow(type: RecordType, rec: Record<string, unknown>, refs: References, problems: FieldProblem[]): unknown[] {
  switch (type) {
    case 'messages':
      return [
        rec.messageId,
        rec.conversationId,
        shopRef(refs, rec.shopId, problems),
        rec.channel,
        rec.customerId,
        rec.sender,
        agentRef(refs, 'agent_id', rec.agentId, problems),
        rec.sentAt,
        rec.text,
        rec.autoReply ? 1 : 0,
        rec.event,
        agentRef(refs, 'to_agent_id', rec.toAgentId, problems),
      ];
    case 'conversations':
      return [rec.conversationId, rec.category, rec.resolved ? 1 : 0, rec.resolvedAt ?? null, rec.issueKey];
    case 'ratings':
      return [rec.conversationId, rec.customerId, rec.ratedAt, agentRef(refs, 'agent_id', rec.agentId, problems), rec.csat, rec.nps ?? null, rec.comment];
    case 'orders':
      return [rec.orderId, shopRef(refs, rec.shopId, problems), rec.customerId, rec.createdAt, rec.paidAt ?? null, rec.amountCents, rec.refundAmountCents, rec.refundedAt ?? null];
  }
}

/** Imports one file; see the module comment for the guarantees. */
export async function importFile(db: Db, opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const file = opts.fileName ?? opts.path.split('/').pop() ?? opts.path;
  const format = opts.format ?? formatOf(file);
  if (!format) throw new ImportRejected(file, [{ line: 0, field: 'file', message: 'unknown file type: use .csv, .jsonl or .xlsx' }], true);
  const totalBytes = fs.statSync(opts.path).size;
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

  const table = TABLES[type];
  const parse = PARSERS[type];
  const refs = await loadReferences(db.kysely);
  const runId = newId();
  const keepGood = Boolean(opts.rejectsPath);
  const rejects = keepGood ? fs.openSync(opts.rejectsPath!, 'w') : null;
  if (rejects !== null) fs.writeSync(rejects, `\ufeff${stringify([['line', 'field', 'reason', ...source.header]])}`);
  const batchSize = opts.batchSize ?? 5000;
  const problems: ImportProblem[] = [];
  const touched: Touched = { conversations: new Set(), customers: new Set(), days: new Set() };
  const counts = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  let batch: { line: number; row: unknown[] }[] = [];
  const progress = (phase: ImportProgress['phase']) =>
    opts.onProgress?.({ rows: counts.rows, bytes: Math.min(source.bytesRead(), totalBytes), totalBytes, phase });

  const reject = (line: number, raw: SourceRow['values'] | null, ps: FieldProblem[]) => {
    counts.rejected++;
    for (const p of ps) if (problems.length < MAX_PROBLEMS) problems.push({ line, ...p });
    if (rejects !== null && raw) {
      fs.writeSync(rejects, stringify([[line, ps.map((p) => p.field).join(' '), ps.map((p) => p.message).join('; '), ...source.header.map((h) => raw[h] ?? '')]]));
    }
  };

  const flush = async (trx: Conn) => {
    if (batch.length === 0) return;
    const stored = await existing(trx, table, batch.map((b) => b.row));
    const fresh: unknown[][] = [];
    const changed: unknown[][] = [];
    for (const b of batch) {
      const key = keyOf(table, b.row);
      const old = stored.get(key);
      if (!old) {
        fresh.push(b.row);
        stored.set(key, b.row); // a later row of the batch with the same key compares with this one
      }
      else if (sameRow(old, b.row)) counts.unchanged++;
      else if (table.updatable) changed.push(b.row);
      else reject(b.line, null, [{ field: table.key[0], message: 'already stored with different content (records are immutable)' }]);
    }
    counts.inserted += await insertNew(db, trx, table, fresh);
    await updateRows(trx, table, changed);
    counts.updated += changed.length;
    for (const r of [...fresh, ...changed]) noteTouched(type, r, touched);
    batch = [];
    // Facts are refreshed as the touched set fills, so memory stays bounded whatever the file
    // size; a conversation split across batches is simply refreshed again.
    if (touched.conversations.size + touched.customers.size >= FACTS_FLUSH) await refreshNow(trx);
    progress('reading');
  };

  const refreshed = { conversations: 0, customers: 0 };
  const refreshNow = async (trx: Conn) => {
    const r = await refreshFacts(db, trx, touched);
    refreshed.conversations += r.conversations;
    refreshed.customers += r.customers;
    touched.conversations.clear();
    touched.customers.clear();
  };

  let summary: ImportSummary | undefined;
  try {
    await db.kysely.transaction().execute(async (trx) => {
      try {
        for await (const { line, values } of source.rows) {
          counts.rows++;
          const parsed = parse(values, { tz: opts.tz });
          if (!parsed.ok) {
            reject(line, values, parsed.problems);
            continue;
          }
          const ps: FieldProblem[] = [];
          const row = toRow(type, parsed.record as unknown as Record<string, unknown>, refs, ps);
          if (ps.length) {
            reject(line, values, ps);
            continue;
          }
          if (!keepGood && counts.rejected > 0) continue; // the file is rejected anyway: only collect problems
          batch.push({ line, row });
          if (batch.length >= batchSize) await flush(trx);
        }
      } catch (e) {
        if (e instanceof FileFormatError) {
          reject(e.line, null, [{ field: 'file', message: e.message }]);
          throw new ImportRejected(file, problems);
        }
        throw e;
      }
      await flush(trx);
      if (counts.rejected > 0 && !keepGood) throw new ImportRejected(file, problems);
      progress('facts');
      await refreshNow(trx);
      await rebuildDays(trx, touched.days!, await agentGroupMap(trx));
      const nothingChanged = counts.inserted === 0 && counts.updated === 0;
      summary = {
        runId,
        file,
        type,
        ...counts,
        nothingChanged,
        problems,
        rejectsPath: opts.rejectsPath ?? null,
        factsRefreshed: refreshed,
        ms: Date.now() - started,
      };
      await trx
        .insertInto('import_runs')
        .values({
          id: runId,
          file,
          type,
          format,
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
        await record(trx, opts.actor, 'import.file', 'import_run', runId, null, { file, type, ...counts });
      }
    });
  } finally {
    if (rejects !== null) fs.closeSync(rejects);
  }
  progress('done');
  return summary!;
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
