import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When a consultation reminds whom; absent means the defaults (reminder.rules.ts DEFAULT_POLICY). */
@Entity('reminder_policy')
export class ReminderPolicy {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  consultationId: string;

  @Column({ type: 'boolean' })
  onOpen: boolean;

  /** Days before the deadline on which missing households are reminded, e.g. [3, 1]. */
  @Column({ type: 'simple-json' })
  daysBefore: number[];

  @Column({ type: 'boolean' })
  dailyDigest: boolean;

  @Column({ type: 'boolean' })
  notifyOnReached: boolean;

  /** "HH:MM" Asia/Shanghai; pushed messages wait until quietEnd. */
  @Column({ type: 'varchar', length: 5 })
  quietStart: string;

  @Column({ type: 'varchar', length: 5 })
  quietEnd: string;

  @Column({ type: 'boolean' })
  paused: boolean;
}
