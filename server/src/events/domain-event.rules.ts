/** When an outbox event that keeps failing stops being retried, pure. */
import { JOB_OPTIONS, JobName } from '../queue/jobs.js';

/**
 * Three whole rounds of the queue's retries, each round at least a lost-job lease (10 min) after the
 * last: a passing outage (failover, deploy) does not park an event that would then succeed, while an
 * event that can never be handled stops after about half an hour instead of every 10 minutes forever.
 */
export const EVENT_MAX_ATTEMPTS = 3 * JOB_OPTIONS[JobName.HandleDomainEvent].attempts;

export type EventVerdict = 'retry' | 'park';

/**
 * After `attemptsMade` handling attempts that did not finish (threw, or their worker died): try again,
 * or park the event as dead (never queued again; an operator looks at `lastError`).
 */
export function eventVerdict(attemptsMade: number, maxAttempts = EVENT_MAX_ATTEMPTS): EventVerdict {
  return attemptsMade >= maxAttempts ? 'park' : 'retry';
}
