import type { QueueDriver } from './queue-driver.js';

export class InProcessDriver implements QueueDriver {
  readonly name = 'in-process' as const;

  async ping() {
    return true;
  }

  async close() {}
}
