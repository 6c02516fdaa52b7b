import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';

export enum ReminderKind {
  ConsultationOpened = 'CONSULTATION_OPENED',
  DeadlineReminder = 'DEADLINE_REMINDER',
  GroupReached = 'GROUP_REACHED',
  ManualNudge = 'MANUAL_NUDGE',
  DailyDigest = 'DAILY_DIGEST',
  // In-home works (issue 10): the plan's announcement, the day-before notice, booking reminders.
  WorksAnnounced = 'WORKS_ANNOUNCED',
  WorkTomorrow = 'WORK_TOMORROW',
  BookingReminder = 'BOOKING_REMINDER',
  // Acceptance (issue 11): the inspection passed, the household is asked to accept.
  AcceptanceDue = 'ACCEPTANCE_DUE',
  // Publicity (issue 12): the preliminary result and its objection window, the final result, the written refusal notice.
  PreliminaryResult = 'PRELIMINARY_RESULT',
  FinalResult = 'FINAL_RESULT',
  RefusalNotice = 'REFUSAL_NOTICE',
  // The pipeline (issue 14): the compound entered the project reserve, so households are told early (seed 004 §四).
  PlanNotice = 'PLAN_NOTICE',
}

export enum ReminderStatus {
  Scheduled = 'SCHEDULED',
  Sent = 'SENT',
  /** Not sent on purpose: answered meanwhile, nobody to reach, or inbox-only. */
  Skipped = 'SKIPPED',
  /** Every attempt failed: listed for committee staff. */
  Dead = 'DEAD',
}

/**
 * One message to one household (or one staff member). `dedupeKey` is unique: it is how "at most one
 * reminder per consultation per household per day" and "never sent twice" are enforced.
 */
@Entity('reminder')
@Index('ix_reminder_consultation', ['consultationId', 'status'])
@Index('ix_reminder_due', ['status', 'enqueuedAt', 'sendAfter'])
export class Reminder extends IdEntity {
  @Column({ type: 'varchar', length: 160 })
  @Index('uq_reminder_dedupe', { unique: true })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 24 })
  kind: ReminderKind;

  /** Null for a notice about a compound rather than a consultation (PLAN_NOTICE). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  consultationId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  householdId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  staffId: string | null;

  /** What a works reminder is about, re-checked at send time: the window (WORK_TOMORROW) or the plan (BOOKING_REMINDER). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  subjectId: string | null;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16 })
  status: ReminderStatus;

  /** Not before this time (quiet hours defer pushes, never drop them). */
  @Column({ type: 'datetime' })
  sendAfter: Date;

  /** Set once the relay has put the delivery job on the queue. */
  @Column({ type: 'datetime', nullable: true })
  enqueuedAt: Date | null;

  /** Bumped whenever it goes back to the queue (deferred, retried), so its next job id is new. */
  @Column({ type: 'integer' })
  generation: number;

  /** Failed sends so far; at the configured maximum the reminder is dead-lettered. */
  @Column({ type: 'integer' })
  attempts: number;

  /** Which delivery run holds it; a claim older than the queue lock is free again (the worker died). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @Column({ type: 'datetime', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  channel: string | null;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdByStaffId: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
