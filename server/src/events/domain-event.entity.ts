import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum DomainEventType {
  ConsultationOpened = 'CONSULTATION_OPENED',
  ConsultationClosed = 'CONSULTATION_CLOSED',
  ResponseRecorded = 'RESPONSE_RECORDED',
  GroupStateChanged = 'GROUP_STATE_CHANGED',
}

/**
 * Written in the same transaction as the change it reports; a relay later moves it to the queue.
 * Done only once handled (`handledAt`): an event queued but not handled within a lease is queued again;
 * one whose handling keeps failing is parked (`deadAt`) and never queued again.
 */
@Entity('domain_event')
@Index('ix_event_pending', ['handledAt', 'enqueuedAt', 'id'])
export class DomainEvent {
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 40 })
  type: DomainEventType;

  /** What the event is about, e.g. a consultation_group id. */
  @Column({ type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;

  @Column({ type: 'datetime' })
  occurredAt: Date;

  /** Set once the relay has put the handling job on the queue (not: handled). */
  @Column({ type: 'datetime', nullable: true })
  enqueuedAt: Date | null;

  /** Bumped whenever the relay queues it again (the job was lost), so the next job id is new. */
  @Column({ type: 'integer', default: 0 })
  generation: number;

  /** Which handling run holds it; a claim older than the queue lock is free again (the worker died). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @Column({ type: 'datetime', nullable: true })
  claimedAt: Date | null;

  /** Its reminders are planned (or it needed none): the relay never queues it again. */
  @Column({ type: 'datetime', nullable: true })
  handledAt: Date | null;

  /** Handling attempts begun (counted at claim), so an event that always fails is parked rather than retried forever. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Parked after too many failed attempts: never queued again, logged at error level. */
  @Column({ type: 'datetime', nullable: true })
  deadAt: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;
}
