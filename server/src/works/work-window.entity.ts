import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/**
 * When the crew comes into a unit's flats, and how many flats it can do then. `booked` is the
 * capacity row: a booking increments it with a conditional update (pretix's rule, no range locks).
 */
@Entity('work_window')
@Index('ix_work_window_plan', ['workPlanId', 'unitId'])
@Index('ix_work_window_starts', ['startsAt'])
export class WorkWindow extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  workPlanId: string;

  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'integer' })
  booked: number;

  /** Held first for households whose care plan asks for a priority window. */
  @Column({ type: 'boolean' })
  priority: boolean;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
