import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** An owner supervisor's own signature on an acceptance (seed 002 §五(五)3); one per supervisor household and acceptance; append-only. */
@Entity('acceptance_sign_off')
@Index('uq_acceptance_sign_off', ['acceptanceRecordId', 'supervisorHouseholdId'], { unique: true })
@Index('ix_acceptance_sign_off_household', ['householdId', 'workPlanId'])
export class AcceptanceSignOff extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  acceptanceRecordId: string;

  @Column({ type: 'varchar', length: 36 })
  workPlanId: string;

  /** The household whose acceptance is signed off. */
  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  /** The supervisor's own household, through which they are named. */
  @Column({ type: 'varchar', length: 36 })
  supervisorHouseholdId: string;

  @Column({ type: 'varchar', length: 20 })
  supervisorName: string;

  @Column({ type: 'varchar', length: 36 })
  residentId: string;

  @Column({ type: 'varchar', length: 64 })
  signatureSha256: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note: string | null;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'varchar', length: 64 })
  evidenceSha256: string;
}
