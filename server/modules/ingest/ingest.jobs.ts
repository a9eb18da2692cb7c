/**
 * Import jobs of the console: an upload is saved to a temporary file and imported in the
 * background while the console polls its progress. Jobs live in memory for a day; the import
 * runs themselves are stored (import_runs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/database.ts';
import { newId } from '../../lib/ids.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import { ImportRejected, importFile, type ImportOptions, type ImportProgress, type ImportSummary } from './ingest.service.ts';
import type { ImportJobT } from './ingest.schema.ts';

interface Job {
  id: string;
  actorId: string | null;
  file: string;
  status: ImportJobT['status'];
  progress: ImportProgress;
  summary: ImportSummary | null;
  message: string | null;
  problems: ImportJobT['problems'];
  rejectsPath: string | null;
  createdAt: number;
  dir: string;
}

const jobs = new Map<string, Job>();
const DAY_MS = 86_400_000;

function sweep() {
  const now = Date.now();
  for (const [id, j] of jobs) {
    if (j.status !== 'running' && now - j.createdAt > DAY_MS) {
      fs.rmSync(j.dir, { recursive: true, force: true });
      jobs.delete(id);
    }
  }
}

/** A fresh temporary folder for one job's files. */
export function jobDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-import-'));
}

/** Starts importing a saved file in the background; returns the job id at once. */
export function startJob(db: Db, actor: AuditActor, dir: string, filePath: string, fileName: string, opts: Pick<ImportOptions, 'type' | 'tz' | 'preset'> & { keepGood: boolean }): string {
  sweep();
  const id = newId();
  const job: Job = {
    id,
    actorId: actor.id,
    file: fileName,
    status: 'running',
    progress: { rows: 0, bytes: 0, totalBytes: fs.statSync(filePath).size, phase: 'reading' },
    summary: null,
    message: null,
    problems: [],
    rejectsPath: opts.keepGood ? path.join(dir, 'rejects.csv') : null,
    createdAt: Date.now(),
    dir,
  };
  jobs.set(id, job);
  importFile(db, {
    path: filePath,
    fileName,
    type: opts.type,
    tz: opts.tz,
    preset: opts.preset,
    rejectsPath: job.rejectsPath ?? undefined,
    actor,
    onProgress: (p) => (job.progress = p),
  })
    .then((summary) => {
      job.summary = summary;
      job.problems = summary.problems;
      job.status = 'done';
      job.message = summary.nothingChanged ? 'nothing changed: every record was already imported' : null;
    })
    .catch((e: unknown) => {
      if (e instanceof ImportRejected) {
        job.status = 'rejected';
        job.message = e.message;
        job.problems = e.problems;
      } else {
        job.status = 'failed';
        job.message = `import failed, nothing was written: ${(e as Error).message}`;
      }
    })
    .finally(() => fs.rmSync(filePath, { force: true }));
  return id;
}

/** A job as the API shows it; only its starter and admins may see it. */
export function getJob(id: string, viewer: { id: string; role: string }): ImportJobT | null | 'forbidden' {
  const j = jobs.get(id);
  if (!j) return null;
  if (j.actorId !== viewer.id && viewer.role !== 'admin') return 'forbidden';
  const { summary } = j;
  return {
    id: j.id,
    file: j.file,
    status: j.status,
    progress: j.progress,
    summary: summary ? { ...summary } : null,
    message: j.message,
    problems: j.problems,
    rejectsUrl: j.rejectsPath && summary && summary.rejected > 0 ? `/api/import/jobs/${j.id}/rejects.csv` : null,
  };
}

export function rejectsFile(id: string, viewer: { id: string; role: string }): string | null {
  const j = jobs.get(id);
  if (!j || (j.actorId !== viewer.id && viewer.role !== 'admin') || !j.rejectsPath || !fs.existsSync(j.rejectsPath)) return null;
  return j.rejectsPath;
}
