import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { requirePermission, type App, type RouteDeps } from '../../http.ts';
import { badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { isTimeZone } from '../../lib/dates.ts';
import { ApiError } from '../auth/auth.schema.ts';
import { IdParams } from '../org/org.schema.ts';
import { ImportJob, ImportQuery, ImportStarted, ImportRun, ImportSummary, LiveRecordsBody } from './ingest.schema.ts';
import { getJob, jobDir, rejectsFile, startJob } from './ingest.jobs.ts';
import { ImportRejected, importFile } from './ingest.service.ts';
import { formatOf } from './ingest.readers.ts';
import { PRESETS } from './presets/index.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
const tags = ['import'];

function checkTz(tz: string | undefined) {
  if (tz && !isTimeZone(tz)) throw badRequest(`unknown time zone "${tz}"`, [{ field: 'tz', message: 'unknown IANA time zone' }]);
}

/** Service-data import: file uploads as background jobs, live records, and the run history. */
export async function ingestRoutes(app: App, { db }: RouteDeps) {
  app.post(
    '/api/import',
    {
      schema: {
        tags,
        summary: 'Upload a service-data file (CSV, XLSX, JSON Lines; multipart field "file"); imported in the background',
        querystring: ImportQuery,
        consumes: ['multipart/form-data'],
        response: { 202: ImportStarted, ...errors },
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'import.write');
      checkTz(req.query.tz);
      const file = await req.file({ limits: { fileSize: 4 * 1024 ** 3 } });
      if (!file) throw badRequest('upload a file in the multipart field "file"', [{ field: 'file', message: 'missing' }]);
      const name = path.basename(file.filename || 'upload');
      const q = req.query;
      if (!formatOf(name) && !q.preset) {
        throw badRequest(`${name}: unknown file type: use .csv, .jsonl or .xlsx, or choose a preset`, [{ field: 'file', message: 'unknown type' }]);
      }
      const dir = jobDir();
      const target = path.join(dir, name);
      await pipeline(file.file, fs.createWriteStream(target)); // streamed to disk: bounded memory
      if (file.file.truncated) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw badRequest(`${name}: larger than 4 GB`);
      }
      const preset = q.preset
        ? { preset: PRESETS[q.preset], options: { shop: q.shop, agent: q.agent, transferTo: q.transferTo, base: q.base, spacingSeconds: q.spacing, tz: q.tz } }
        : undefined;
      const jobId = startJob(db, actor, dir, target, name, { type: q.type, tz: q.tz, preset, keepGood: q.keepGood === 'true' });
      return reply.code(202).send({ jobId });
    },
  );

  app.get(
    '/api/import/jobs/:id',
    { schema: { tags, summary: 'Progress and outcome of an import job', params: IdParams, response: { 200: ImportJob, ...errors } } },
    async (req) => {
      const { actor } = requirePermission(req, 'import.write');
      const job = getJob(req.params.id, actor);
      if (job === 'forbidden') throw forbidden('this import was started by someone else');
      if (!job) throw notFound('import job');
      return job;
    },
  );

  app.get(
    '/api/import/jobs/:id/rejects.csv',
    { schema: { tags, summary: 'The rows an import kept out, with their reasons', params: IdParams } },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'import.write');
      const file = rejectsFile(req.params.id, actor);
      if (!file) throw notFound('rejects file');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="rejects.csv"')
        .send(fs.createReadStream(file));
    },
  );

  app.get(
    '/api/import/runs',
    { schema: { tags, summary: 'Import history, newest first', response: { 200: z.array(ImportRun), ...errors } } },
    async (req) => {
      requirePermission(req, 'import.write');
      const rows = await db.read.selectFrom('import_runs').selectAll().orderBy('id', 'desc').limit(200).execute();
      return rows.map((r) => ({
        id: r.id,
        file: r.file,
        type: r.type,
        actorId: r.actor_id,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        status: r.status,
        rows: Number(r.rows),
        inserted: Number(r.inserted),
        unchanged: Number(r.unchanged),
        rejected: Number(r.rejected),
        message: r.message,
      }));
    },
  );

  app.post(
    '/api/import/records',
    {
      schema: {
        tags,
        summary: 'Live records (one or a batch, canonical format): applied whole or rejected whole',
        body: LiveRecordsBody,
        response: { 200: ImportSummary, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'import.write');
      checkTz(req.body.tz);
      const dir = jobDir();
      const file = path.join(dir, 'records.jsonl');
      try {
        // the same pipeline as files: line n of the batch is record n
        fs.writeFileSync(file, req.body.records.map((r) => JSON.stringify(r)).join('\n'));
        const s = await importFile(db, { path: file, fileName: 'records', type: req.body.type, format: 'jsonl', tz: req.body.tz, actor });
        return s;
      } catch (e) {
        if (e instanceof ImportRejected) {
          throw badRequest(e.message.replace(/^records:(\d+):/, 'record $1:'), e.problems.map((p) => ({ row: p.line, field: p.field, message: p.message })));
        }
        throw e;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
