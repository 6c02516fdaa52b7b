import type { CarePlanMeasure } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** The care plan of a household that needs care: deleted with the screening's details. */
@Entity('care_plan')
@Index('uq_care_plan_household', ['householdId'], { unique: true })
export class CarePlan extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  /** JSON array of {kind, description}. */
  @Column({ type: 'text', transformer: { to: (value: CarePlanMeasure[]) => JSON.stringify(value), from: (value: string) => JSON.parse(value) as CarePlanMeasure[] } })
  measures: CarePlanMeasure[];

  @Column({ type: 'varchar', length: 30, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  /** The one line a work crew may see: what to do, never the diagnosis. */
  @Column({ type: 'varchar', length: 60 })
  assistanceNote: string;

  @Column({ type: 'datetime' })
  updatedAt: Date;

  @Column({ type: 'varchar', length: 36 })
  updatedBy: string;
}
