import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdEntity } from '../database/columns.js';
import { UpgradeQuote } from './upgrade-quote.entity.js';
import { UpgradeRequest } from './upgrade-request.entity.js';

/** The payment of a request, at most one, never changed; it names the quote that was paid. */
@Entity('upgrade_payment')
@Index('uq_upgrade_payment_request', ['requestId'], { unique: true })
export class UpgradePayment extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  requestId: string;

  @ManyToOne(() => UpgradeRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requestId', foreignKeyConstraintName: 'fk_upgrade_payment_request' })
  request?: UpgradeRequest;

  @Column({ type: 'varchar', length: 36 })
  quoteId: string;

  @ManyToOne(() => UpgradeQuote, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quoteId', foreignKeyConstraintName: 'fk_upgrade_payment_quote' })
  quote?: UpgradeQuote;

  /** The paid quote's amount, copied so the payment reads on its own. */
  @Column({ type: 'integer' })
  amountFen: number;

  /** Who recorded the payment; null only if a migrated payment had no recorder. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  staffId: string | null;

  @Column({ type: 'datetime' })
  paidAt: Date;
}
