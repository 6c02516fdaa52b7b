import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { BullMqDriver } from './bullmq.driver.js';
import { InProcessDriver } from './in-process.driver.js';
import { QUEUE_DRIVER, type QueueDriver } from './queue-driver.js';

@Global()
@Module({
  providers: [
    {
      provide: QUEUE_DRIVER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): QueueDriver => (config.redisUrl ? new BullMqDriver(config.redisUrl) : new InProcessDriver()),
    },
  ],
  exports: [QUEUE_DRIVER],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(QUEUE_DRIVER) private readonly driver: QueueDriver) {}

  async onApplicationShutdown() {
    await this.driver.close();
  }
}
