/** A failed send; the queue retries it with backoff and dead-letters it after the last attempt. */
export class ChannelError extends Error {
  constructor(
    readonly channel: string,
    message: string,
  ) {
    super(message);
  }
}
