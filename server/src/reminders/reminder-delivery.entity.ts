import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

export enum DeliveryResult {
  Sent = 'SENT',
  Failed = 'FAILED',
  Skipped = 'SKIPPED',
}

/** Every send attempt: who, which channel, what happened. At most one SENT per reminder (uq_delivery_sent). */
@Entity('reminder_delivery')
@Index('ix_delivery_reminder', ['reminderId'])
export class ReminderDelivery extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  reminderId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'varchar', length: 16 })
  result: DeliveryResult;

  @Column({ type: 'varchar', length: 300 })
  detail: string;

  /** The reminder id on a SENT row, null otherwise: a unique key, so a second SENT cannot be stored. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  @Index('uq_delivery_sent', { unique: true })
  sentKey: string | null;

  @Column({ type: 'datetime' })
  at: Date;
}
