import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';

/**
 * DOMAIN rule 3: work above the basic restoration standard, quoted, paid, then carried out. A
 * request is never changed: a new description is a new request (next `seq`), and the household's
 * request with the highest `seq` is its current one. Quotes and payments are facts of their own.
 */
@Entity('upgrade_request')
@Index('uq_upgrade_request_seq', ['consultationId', 'householdId', 'seq'], { unique: true })
export class UpgradeRequest extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  consultationId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  /** 1 for the household's first request in the consultation, then 2, 3, …: the latest is current. */
  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @CreatedAtColumn()
  createdAt: Date;
}
