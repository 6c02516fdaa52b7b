import { Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { BullMqDriver } from './bullmq.driver.js';
import { InProcessDriver } from './in-process.driver.js';
import { JobRegistry } from './job-registry.js';
import { QUEUE_DRIVER, type QueueDriver } from './queue-driver.js';

@Global()
@Module({
  providers: [
    JobRegistry,
    {
      provide: QUEUE_DRIVER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): QueueDriver =>
        config.redisUrl
          ? new BullMqDriver({ redisUrl: config.redisUrl, prefix: config.queue.prefix, concurrency: config.queue.concurrency, lockDurationMs: config.queue.lockDurationMs, backoffMs: config.queue.backoffMs })
          : new InProcessDriver(),
    },
  ],
  exports: [QUEUE_DRIVER, JobRegistry],
})
export class QueueModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('queue');

  constructor(
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every module has registered its handlers by now: check them all, then start consuming. */
  async onApplicationBootstrap() {
    const handlers = this.registry.assertComplete();
    if (this.config.queue.runWorkers) {
      await this.driver.startWorkers(handlers);
      this.logger.log({ msg: 'workers started', driver: this.driver.name, concurrency: this.config.queue.concurrency });
    }
  }

  async onApplicationShutdown() {
    await this.driver.close();
  }
}
