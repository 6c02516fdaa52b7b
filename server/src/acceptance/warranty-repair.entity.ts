import { RepairStatus, WarrantyPart } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** A problem a resident reported with one part, and where its repair stands (its inspections and decisions are append-only rows). */
@Entity('warranty_repair')
@Index('ix_warranty_repair_household', ['householdId'])
@Index('ix_warranty_repair_plan', ['workPlanId'])
export class WarrantyRepair extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  @Column({ type: 'varchar', length: 36 })
  workPlanId: string;

  @Column({ type: 'varchar', length: 16 })
  part: WarrantyPart;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  photoSha256: string | null;

  /** Fixed at the report: whether the part's warranty covered that day. */
  @Column({ type: 'boolean' })
  underWarranty: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: RepairStatus;

  @Column({ type: 'varchar', length: 36 })
  reportedByResidentId: string;

  @Column({ type: 'datetime' })
  reportedAt: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  lastInspectionId: string | null;

  @Column({ type: 'boolean', nullable: true })
  lastInspectionPassed: boolean | null;

  @Column({ type: 'datetime', nullable: true })
  repairedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
