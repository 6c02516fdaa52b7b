import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { QueueDriver } from './queue-driver.js';

export const DEFAULT_QUEUE = 'linyi';

export class BullMqDriver implements QueueDriver {
  readonly name = 'bullmq' as const;
  private readonly connection: Redis;
  readonly queue: Queue;

  constructor(redisUrl: string) {
    // BullMQ needs maxRetriesPerRequest null; lazyConnect lets the API boot while Redis is down.
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true, enableOfflineQueue: true });
    this.connection.on('error', () => undefined);
    this.queue = new Queue(DEFAULT_QUEUE, { connection: this.connection });
    this.queue.on('error', () => undefined);
  }

  async ping(): Promise<boolean> {
    try {
      if (this.connection.status === 'wait') await this.connection.connect();
      return (await Promise.race([this.connection.ping(), new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 1000))])) === 'PONG';
    } catch {
      return false;
    }
  }

  async close() {
    await this.queue.close();
    this.connection.disconnect();
  }
}
