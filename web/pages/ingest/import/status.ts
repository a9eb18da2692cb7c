/** How an import's status looks (a job's, or a stored run's). */
import { ImportJob } from '../../../../server/modules/ingest/ingest.schema.ts';

export const JOB_STATUSES = ImportJob.shape.status.options;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Whether a stored run's status is one a job can have (runs store it as free text). */
export const isJobStatus = (v: string): v is JobStatus => (JOB_STATUSES as readonly string[]).includes(v);

export const STATUS_COLOR: Record<JobStatus, string> = {
  running: 'processing',
  done: 'green',
  rejected: 'red',
  failed: 'volcano',
};
