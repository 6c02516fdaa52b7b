import { AcceptanceChannel, AcceptanceDecision } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';
import { jsonColumn } from './json-column.js';

export interface StoredDefect {
  description: string;
  photoSha256: string | null;
}

/**
 * One decision on a household's works (or on a repair): accepted or sent back, by whom, on which
 * inspection, with the signature or scan, bound by `evidenceSha256`. Append-only: staff can never
 * replace what a resident signed.
 */
@Entity('acceptance_record')
@Index('ix_acceptance_record_household', ['householdId', 'workPlanId'])
@Index('ix_acceptance_record_repair', ['repairId'])
export class AcceptanceRecord extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  workPlanId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  repairId: string | null;

  @Column({ type: 'varchar', length: 8 })
  decision: AcceptanceDecision;

  @Column({ type: 'varchar', length: 8 })
  channel: AcceptanceChannel;

  @Column({ type: 'varchar', length: 36, nullable: true })
  residentId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  staffId: string | null;

  /** The inspection the decision was made on. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  inspectionId: string | null;

  @Column({ type: 'text', transformer: jsonColumn<StoredDefect[]>() })
  defects: StoredDefect[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  signatureSha256: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  paperScanSha256: string | null;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'varchar', length: 64 })
  evidenceSha256: string;
}
