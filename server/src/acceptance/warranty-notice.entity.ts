import { WarrantyIssueReason, type WarrantyItem } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';
import { jsonColumn } from './json-column.js';

/**
 * One issue of a household's 保修事项告知书: every item it then covered. Re-issued (a new version)
 * on each acceptance and each accepted repair; the old versions are kept (append-only).
 */
@Entity('warranty_notice')
@Index('uq_warranty_notice_version', ['householdId', 'version'], { unique: true })
export class WarrantyNotice extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text', transformer: jsonColumn<WarrantyItem[]>() })
  items: WarrantyItem[];

  @Column({ type: 'varchar', length: 16 })
  reason: WarrantyIssueReason;

  /** The acceptance record (or the repair) that made this issue. */
  @Column({ type: 'varchar', length: 36 })
  sourceId: string;

  @Column({ type: 'datetime' })
  issuedAt: Date;
}
