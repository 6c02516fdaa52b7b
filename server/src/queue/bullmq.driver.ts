import { Logger } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { JOB_OPTIONS, KEEP_COMPLETED_SECONDS, KEEP_FAILED_SECONDS, QUEUE_OF, QueueName, type JobHandler, type JobName } from './jobs.js';
import type { QueueDriver, QueuedJob } from './queue-driver.js';

export interface BullMqSettings {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  lockDurationMs: number;
  /** Overrides every job's first backoff (tests use a few ms). */
  backoffMs?: number;
}

const ADD_TIMEOUT_MS = 3_000;

export class BullMqDriver implements QueueDriver {
  readonly name = 'bullmq' as const;
  private readonly logger = new Logger('queue');
  private readonly producer: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly workerConnections: Redis[] = [];

  constructor(private readonly settings: BullMqSettings) {
    // Producers fail fast while Redis is down (the outbox keeps the work); workers wait for it to return.
    this.producer = new Redis(settings.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
    this.producer.on('error', () => undefined);
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.producer, prefix: this.settings.prefix });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async addBulk(jobs: Array<QueuedJob<JobName>>): Promise<void> {
    await this.connectProducer();
    for (const queueName of new Set(jobs.map((job) => QUEUE_OF[job.name]))) {
      const bulk = jobs
        .filter((job) => QUEUE_OF[job.name] === queueName)
        .map((job) => ({
          name: job.name,
          data: job.payload,
          opts: {
            jobId: job.jobId,
            attempts: JOB_OPTIONS[job.name].attempts,
            backoff: { type: 'exponential', delay: this.settings.backoffMs ?? JOB_OPTIONS[job.name].backoffMs },
            removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
            removeOnFail: { age: KEEP_FAILED_SECONDS },
          },
        }));
      await withTimeout(this.queue(queueName).addBulk(bulk), ADD_TIMEOUT_MS, 'queue add');
    }
  }

  async startWorkers(handlers: Map<JobName, JobHandler<JobName>>): Promise<void> {
    for (const queueName of new Set(Object.values(QUEUE_OF))) {
      const connection = new Redis(this.settings.redisUrl, { maxRetriesPerRequest: null });
      connection.on('error', () => undefined);
      this.workerConnections.push(connection);
      const worker = new Worker(queueName, (job) => this.process(handlers, job), {
        connection,
        prefix: this.settings.prefix,
        concurrency: this.settings.concurrency,
        lockDuration: this.settings.lockDurationMs,
        stalledInterval: Math.max(1_000, Math.floor(this.settings.lockDurationMs / 2)),
        maxStalledCount: 3,
      });
      worker.on('error', (error) => this.logger.warn({ msg: 'worker error', queue: queueName, error: String(error) }));
      worker.on('failed', (job, error) => this.logger.warn({ msg: 'job failed', job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, error: String(error) }));
      this.workers.push(worker);
    }
  }

  private async process(handlers: Map<JobName, JobHandler<JobName>>, job: Job) {
    const handler = handlers.get(job.name as JobName);
    if (!handler) throw new Error(`no handler for ${job.name}`);
    const attempts = job.opts.attempts ?? 1;
    await handler(job.data, { attempt: job.attemptsMade + 1, finalAttempt: job.attemptsMade + 1 >= attempts });
  }

  async ping(): Promise<boolean> {
    try {
      await this.connectProducer();
      return (await withTimeout(this.producer.ping(), 1_000, 'ping')) === 'PONG';
    } catch {
      return false;
    }
  }

  async close() {
    // Workers finish the jobs they hold before the process goes (graceful shutdown).
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    // BullMQ leaves connections it was given open; an open socket would keep the process alive.
    for (const connection of this.workerConnections) connection.disconnect();
    this.producer.disconnect();
  }

  private async connectProducer() {
    if (this.producer.status === 'wait' || this.producer.status === 'end') await withTimeout(this.producer.connect(), ADD_TIMEOUT_MS, 'redis connect');
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms).unref())]);
}
