import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** The advance notice a compound's households get on entering the reserve (seed 004 §四): one per compound, kept as issued. */
@Entity('plan_notice')
@Index('uq_plan_notice_compound', ['compoundId'], { unique: true })
export class PlanNotice extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** SHA-256 over compound, title, body and time: printed on the notice. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 36 })
  issuedBy: string;

  @Column({ type: 'datetime' })
  issuedAt: Date;
}
