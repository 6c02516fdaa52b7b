import { Logger } from '@nestjs/common';
import { JOB_OPTIONS, type JobHandler, type JobName } from './jobs.js';
import type { QueueDriver, QueuedJob } from './queue-driver.js';

/** The zero-setup demo's queue: timers in this process, same retries and backoff, nothing persisted. */
export class InProcessDriver implements QueueDriver {
  readonly name = 'in-process' as const;
  private readonly logger = new Logger('queue');
  private readonly seen = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private handlers: Map<JobName, JobHandler<JobName>> | null = null;
  private readonly pending: Array<() => void> = [];
  private closed = false;

  async addBulk(jobs: Array<QueuedJob<JobName>>): Promise<void> {
    for (const job of jobs) {
      if (this.seen.has(job.jobId)) continue;
      this.seen.add(job.jobId);
      const start = () => this.schedule(job.name, job.payload, 1, new Date());
      if (this.handlers) start();
      else this.pending.push(start);
    }
  }

  async startWorkers(handlers: Map<JobName, JobHandler<JobName>>): Promise<void> {
    this.handlers = handlers;
    for (const start of this.pending.splice(0)) start();
  }

  private schedule(name: JobName, payload: unknown, attempt: number, at: Date) {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.run(name, payload, attempt);
    }, Math.max(0, at.getTime() - Date.now()));
    timer.unref();
    this.timers.add(timer);
  }

  private async run(name: JobName, payload: unknown, attempt: number) {
    const { attempts, backoffMs } = JOB_OPTIONS[name];
    try {
      await this.handlers!.get(name)!(payload as never, { attempt, finalAttempt: attempt >= attempts });
    } catch (error) {
      this.logger.warn({ msg: 'job failed', job: name, attempt, error: String(error) });
      if (attempt < attempts) this.schedule(name, payload, attempt + 1, new Date(Date.now() + backoffMs * 2 ** (attempt - 1)));
    }
  }

  async ping() {
    return true;
  }

  async close() {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
  }
}
