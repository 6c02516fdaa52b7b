/** Queue and job names, their payloads and their options: declared once, here. */
export enum QueueName {
  Reminders = 'reminders',
  Events = 'events',
}

export enum JobName {
  DeliverReminder = 'deliver-reminder',
  HandleDomainEvent = 'handle-domain-event',
}

export interface JobPayloads {
  [JobName.DeliverReminder]: { reminderId: string };
  [JobName.HandleDomainEvent]: { eventId: number };
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.DeliverReminder]: QueueName.Reminders,
  [JobName.HandleDomainEvent]: QueueName.Events,
};

export interface JobOptions {
  attempts: number;
  /** First retry delay; doubles each time (exponential backoff). */
  backoffMs: number;
}

export const JOB_OPTIONS: Record<JobName, JobOptions> = {
  [JobName.DeliverReminder]: { attempts: 5, backoffMs: 2_000 },
  [JobName.HandleDomainEvent]: { attempts: 8, backoffMs: 1_000 },
};

/**
 * Completed jobs are kept a week: while kept, adding the same jobId again is a no-op, which is what
 * makes a relay that re-sends after a crash harmless.
 */
export const KEEP_COMPLETED_SECONDS = 7 * 24 * 3600;
export const KEEP_FAILED_SECONDS = 30 * 24 * 3600;

export interface JobContext {
  attempt: number;
  /** No retry follows if this attempt throws. */
  finalAttempt: boolean;
}

/** A handler may ask to run again later (quiet hours, paused reminders) instead of finishing. */
export type JobOutcome = void | { retryAt: Date };

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], context: JobContext) => Promise<JobOutcome>;
