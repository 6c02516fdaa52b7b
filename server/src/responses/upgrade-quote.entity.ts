import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdEntity } from '../database/columns.js';
import { UpgradeRequest } from './upgrade-request.entity.js';

/** One quote for a request, never changed: a new quote is a new row (next `seq`), the latest counts. */
@Entity('upgrade_quote')
@Index('uq_upgrade_quote_seq', ['requestId', 'seq'], { unique: true })
export class UpgradeQuote extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  requestId: string;

  @ManyToOne(() => UpgradeRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requestId', foreignKeyConstraintName: 'fk_upgrade_quote_request' })
  request?: UpgradeRequest;

  @Column({ type: 'integer' })
  seq: number;

  /** Extra cost in fen (1/100 yuan). */
  @Column({ type: 'integer' })
  amountFen: number;

  /** Who quoted; null only for quotes migrated from before, where a later payment overwrote it. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  staffId: string | null;

  @Column({ type: 'datetime' })
  quotedAt: Date;
}
