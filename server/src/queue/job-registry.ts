import { Injectable } from '@nestjs/common';
import { JobName, type JobHandler } from './jobs.js';

/** Handlers register here at module init; the boot check insists on exactly one per job name. */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<N extends JobName>(name: N, handler: JobHandler<N>) {
    if (this.handlers.has(name)) throw new Error(`job "${name}" has two handlers`);
    this.handlers.set(name, handler as JobHandler<JobName>);
  }

  /** Throws at boot when a job name has no handler, so a job can never sit unprocessed. */
  assertComplete(): Map<JobName, JobHandler<JobName>> {
    const missing = Object.values(JobName).filter((name) => !this.handlers.has(name));
    if (missing.length) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
    return this.handlers;
  }
}
