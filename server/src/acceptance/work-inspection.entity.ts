import type { InspectionResultView } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';
import { jsonColumn } from './json-column.js';

/** One inspection as the crew recorded it, for acceptance or for a repair: evidence, never changed (append-only). */
@Entity('work_inspection')
@Index('ix_work_inspection_household', ['householdId', 'workPlanId'])
@Index('ix_work_inspection_repair', ['repairId'])
export class WorkInspection extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  workPlanId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  /** Set for the inspection after a repair under warranty. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  repairId: string | null;

  /** [{test, passed, value, photoSha256}] in the order given. */
  @Column({ type: 'text', transformer: jsonColumn<InspectionResultView[]>() })
  results: InspectionResultView[];

  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 36 })
  inspectorId: string;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'varchar', length: 64 })
  evidenceSha256: string;
}
