import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** A unit of a plan. `publishedKey` is set on publishing: its unique key keeps a unit in one published plan per consultation. */
@Entity('work_plan_unit')
@Index('uq_work_plan_unit', ['workPlanId', 'unitId'], { unique: true })
@Index('ix_work_plan_unit_unit', ['unitId'])
export class WorkPlanUnit extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  workPlanId: string;

  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  /** `consultationId:unitId` once published, else null (NULLs never collide). */
  @Column({ type: 'varchar', length: 80, nullable: true })
  @Index('uq_work_plan_unit_published', { unique: true })
  publishedKey: string | null;
}
