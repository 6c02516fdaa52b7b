import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per consultation, household and local day that a reminder used: the per-day cap as a primary key. */
@Entity('reminder_daily_cap')
export class ReminderDailyCap {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  consultationId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  householdId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'varchar', length: 36 })
  @Index('ix_cap_reminder')
  reminderId: string;
}
