/** Import API shapes (SPEC ING-1..5); shared by server and web. */
import { z } from 'zod';
import { RECORD_TYPES } from './ingest.formats.ts';
import { PRESET_NAMES } from './presets/preset.ts';

export const ImportQuery = z.object({
  /** record type; detected from the header when omitted */
  type: z.enum(RECORD_TYPES).optional(),
  /** IANA zone for times without an offset */
  tz: z.string().optional(),
  /** keep good rows and return bad ones as a rejects file instead of rejecting the file */
  keepGood: z.enum(['true', 'false']).default('false'),
  /** read a common export through a preset (docs/import-format.md) */
  preset: z.enum(PRESET_NAMES).optional(),
  shop: z.string().optional(),
  agent: z.string().optional(),
  transferTo: z.string().optional(),
  base: z.string().optional(),
  spacing: z.coerce.number().int().positive().optional(),
});

export const ImportProblem = z.object({ line: z.number(), field: z.string(), message: z.string() });

export const ImportSummary = z.object({
  runId: z.string(),
  file: z.string(),
  type: z.enum(RECORD_TYPES),
  /** every record type the file held (several for presets) */
  types: z.array(z.enum(RECORD_TYPES)),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  /** true when the file changed nothing (already imported) */
  nothingChanged: z.boolean(),
  problems: z.array(ImportProblem),
  factsRefreshed: z.object({ conversations: z.number(), customers: z.number() }),
  ms: z.number(),
});
export type ImportSummaryT = z.infer<typeof ImportSummary>;

export const ImportJob = z.object({
  id: z.string(),
  file: z.string(),
  status: z.enum(['running', 'done', 'rejected', 'failed']),
  progress: z.object({ rows: z.number(), bytes: z.number(), totalBytes: z.number(), phase: z.enum(['reading', 'facts', 'done']) }),
  summary: ImportSummary.nullable(),
  /** for rejected files: the problems, `file:line: field: reason` */
  message: z.string().nullable(),
  problems: z.array(ImportProblem),
  /** download path of the rejects CSV when good rows were kept and some were bad */
  rejectsUrl: z.string().nullable(),
});
export type ImportJobT = z.infer<typeof ImportJob>;

export const ImportRun = z.object({
  id: z.string(),
  file: z.string(),
  type: z.string().nullable(),
  actorId: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.string(),
  rows: z.number(),
  inserted: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  message: z.string().nullable(),
});

export const LiveRecordsBody = z.object({
  type: z.enum(RECORD_TYPES),
  /** one or more records in the canonical format (snake_case keys) */
  records: z.array(z.record(z.string(), z.unknown())).min(1).max(10_000),
  tz: z.string().optional(),
});

/** The answer to an upload: the background job to poll. */
export const ImportStarted = z.object({ jobId: z.string() });
