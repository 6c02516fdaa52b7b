/** Queue and job names, their payloads and their options: declared once, here. */
export enum QueueName {
  Reminders = 'reminders',
  Events = 'events',
}

export enum JobName {
  /** A batch of due reminders: batching keeps a 50 000-household sweep within a minute on 2 cores. */
  DeliverReminders = 'deliver-reminders',
  HandleDomainEvent = 'handle-domain-event',
}

export interface JobPayloads {
  [JobName.DeliverReminders]: { reminderIds: string[] };
  [JobName.HandleDomainEvent]: { eventId: number };
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.DeliverReminders]: QueueName.Reminders,
  [JobName.HandleDomainEvent]: QueueName.Events,
};

export interface JobOptions {
  attempts: number;
  /** First retry delay; doubles each time (exponential backoff). */
  backoffMs: number;
}

export const JOB_OPTIONS: Record<JobName, JobOptions> = {
  [JobName.DeliverReminders]: { attempts: 5, backoffMs: 2_000 },
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

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], context: JobContext) => Promise<void>;
