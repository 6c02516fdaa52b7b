import type { JobHandler, JobName, JobPayloads } from './jobs.js';

export interface QueuedJob<N extends JobName> {
  name: N;
  payload: JobPayloads[N];
  jobId: string;
}

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');

/** The queue seam: BullMQ on Redis in production and CI, in-process for the zero-setup demo. */
export interface QueueDriver {
  readonly name: 'bullmq' | 'in-process';
  /** Adds jobs; a job whose jobId is waiting or kept is not added again. */
  addBulk(jobs: Array<QueuedJob<JobName>>): Promise<void>;
  /** Starts consuming jobs with the registered handlers. */
  startWorkers(handlers: Map<JobName, JobHandler<JobName>>): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
