/** The queue seam: BullMQ on Redis in production and CI, in-process for the zero-setup demo. */
export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');

export interface QueueDriver {
  readonly name: 'bullmq' | 'in-process';
  /** True when the backing store answers; the in-process driver always does. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
