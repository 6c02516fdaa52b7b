import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** A household's booking of one window of a plan: one per household and plan (the unique key), moved in place. */
@Entity('work_booking')
@Index('uq_work_booking_household', ['workPlanId', 'householdId'], { unique: true })
@Index('ix_work_booking_window', ['windowId'])
export class WorkBooking extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  workPlanId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  @Column({ type: 'varchar', length: 36 })
  windowId: string;

  /** The number the crew rings on the day, given at booking; null means the roster phone. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  bookedByResidentId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  bookedByStaffId: string | null;

  @Column({ type: 'datetime' })
  bookedAt: Date;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
