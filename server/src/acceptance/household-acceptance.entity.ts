import { AcceptanceStatus } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/**
 * Where one household's acceptance of one plan stands: created with its first inspection, moved by
 * inspections and decisions, each step under the household's row lock. What was inspected and
 * signed lives in the append-only `work_inspection` and `acceptance_record`.
 */
@Entity('household_acceptance')
@Index('uq_household_acceptance', ['workPlanId', 'householdId'], { unique: true })
@Index('ix_household_acceptance_unit', ['workPlanId', 'unitId'])
export class HouseholdAcceptance extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  workPlanId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  @Column({ type: 'varchar', length: 16 })
  status: AcceptanceStatus;

  @Column({ type: 'varchar', length: 36, nullable: true })
  lastInspectionId: string | null;

  @Column({ type: 'boolean', default: false })
  lastInspectionPassed: boolean;

  /** False from a REJECT until the next inspection: only an inspection after the last rework allows ACCEPT. */
  @Column({ type: 'boolean', default: true })
  inspectedSinceRework: boolean;

  /** When the inspection the household may accept on was recorded (null while it may not). */
  @Column({ type: 'datetime', nullable: true })
  passedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null;

  /** The `acceptance_record` that accepted. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  acceptanceRecordId: string | null;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
