/**
 * Recomputing every fact and KPI after a change of metric settings, as a background job: on a
 * department's history it takes tens of seconds, longer than a request should wait. The job
 * runs in one transaction, so every page keeps showing the old figures until the new ones
 * are complete. A change saved while a job runs queues one more run, which picks up the
 * settings in force when it starts.
 */
import type { Db } from '../../db/database.ts';
import { rebuildAll } from './kpi.service.ts';

export interface RecomputeState {
  status: 'idle' | 'running' | 'done' | 'failed';
  /** conversations recomputed so far, of `total` */
  done: number;
  total: number;
  /** days whose KPI counters were rebuilt (when done) */
  days: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** why the last run failed (the old figures stay in force) */
  error: string | null;
  /** another run follows, for a change saved while this one ran */
  queued: boolean;
}

interface Job {
  state: RecomputeState;
  again: boolean;
  running: Promise<void> | null;
}

const jobs = new WeakMap<Db, Job>();

function jobOf(db: Db): Job {
  let job = jobs.get(db);
  if (!job) {
    job = { state: { status: 'idle', done: 0, total: 0, days: 0, startedAt: null, finishedAt: null, error: null, queued: false }, again: false, running: null };
    jobs.set(db, job);
  }
  return job;
}

/** Where the recompute stands. */
export function recomputeState(db: Db): RecomputeState {
  const job = jobOf(db);
  return { ...job.state, queued: job.again };
}

/** Starts a recompute (or queues one behind the running one) and returns at once. */
export function requestRecompute(db: Db, log?: (msg: string, err?: unknown) => void): RecomputeState {
  const job = jobOf(db);
  if (job.running) {
    job.again = true;
    return recomputeState(db);
  }
  const run = async () => {
    do {
      job.again = false;
      job.state = { status: 'running', done: 0, total: 0, days: 0, startedAt: new Date().toISOString(), finishedAt: null, error: null, queued: false };
      try {
        const r = await rebuildAll(db, (done, total) => {
          job.state.done = done;
          job.state.total = total;
        });
        job.state = { ...job.state, status: 'done', done: r.conversations, total: r.conversations, days: r.days, finishedAt: new Date().toISOString() };
      } catch (e) {
        log?.('metric recompute failed', e);
        job.state = { ...job.state, status: 'failed', error: (e as Error).message, finishedAt: new Date().toISOString() };
      }
    } while (job.again);
  };
  job.running = run().finally(() => (job.running = null));
  return recomputeState(db);
}

/** Resolves when no recompute is running (tests, shutdown). */
export async function recomputeSettled(db: Db): Promise<RecomputeState> {
  const job = jobOf(db);
  while (job.running) await job.running;
  return recomputeState(db);
}
