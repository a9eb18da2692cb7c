/**
 * Re-inspecting stored history after a manager changes the lexicons or the inspection settings,
 * as a background job (the pattern of kpi.recompute.ts): the request that saved the change
 * returns at once; a change saved while a run is going queues one more run, which picks up the
 * rules in force when it starts. Pages are committed one by one, so the console shows results
 * under the new rules as they come (InspectionOut.current says which are).
 */
import type { Db } from '../../db/database.ts';
import { reinspect } from './qa.inspection.ts';
import type { ReinspectState } from './qa.lexicons.schema.ts';

interface Job {
  state: ReinspectState;
  again: boolean;
  running: Promise<void> | null;
}

const jobs = new WeakMap<Db, Job>();

const IDLE: ReinspectState = {
  status: 'idle',
  done: 0,
  total: 0,
  alerts: 0,
  startedAt: null,
  finishedAt: null,
  error: null,
  queued: false,
};

function jobOf(db: Db): Job {
  let job = jobs.get(db);
  if (!job) jobs.set(db, (job = { state: { ...IDLE }, again: false, running: null }));
  return job;
}

/** Where the re-inspection stands. */
export function reinspectState(db: Db): ReinspectState {
  const job = jobOf(db);
  return { ...job.state, queued: job.again };
}

/** Starts re-inspecting all history (or queues a run behind the running one) and returns at once. */
export function requestReinspect(db: Db, log?: (msg: string, err?: unknown) => void): ReinspectState {
  const job = jobOf(db);
  if (job.running) {
    job.again = true;
    return reinspectState(db);
  }
  const run = async () => {
    do {
      job.again = false;
      job.state = { ...IDLE, status: 'running', startedAt: new Date().toISOString() };
      try {
        const r = await reinspect(db, {}, (done, total, alerts) => {
          job.state.done = done;
          job.state.total = total;
          job.state.alerts = alerts;
        });
        job.state = {
          ...job.state,
          status: 'done',
          done: r.conversations,
          alerts: r.alerts,
          finishedAt: new Date().toISOString(),
        };
      } catch (e) {
        log?.('re-inspection failed', e);
        job.state = {
          ...job.state,
          status: 'failed',
          error: (e as Error).message,
          finishedAt: new Date().toISOString(),
        };
      }
    } while (job.again);
  };
  job.running = run().finally(() => (job.running = null));
  return reinspectState(db);
}

/** Resolves when no re-inspection is running (tests, shutdown). */
export async function reinspectSettled(db: Db): Promise<ReinspectState> {
  const job = jobOf(db);
  while (job.running) await job.running;
  return reinspectState(db);
}
