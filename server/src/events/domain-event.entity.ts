import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum DomainEventType {
  ConsultationOpened = 'CONSULTATION_OPENED',
  ConsultationClosed = 'CONSULTATION_CLOSED',
  ResponseRecorded = 'RESPONSE_RECORDED',
  GroupStateChanged = 'GROUP_STATE_CHANGED',
}

/** Written in the same transaction as the change it reports; a relay later moves it to the queue. */
@Entity('domain_event')
@Index('ix_event_undispatched', ['dispatchedAt', 'id'])
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

  @Column({ type: 'datetime', nullable: true })
  dispatchedAt: Date | null;
}
