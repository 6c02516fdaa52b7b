import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** The written notice of a final refusal as issued (seed 004 §三): kept, so the printed copy is the one delivered. */
@Entity('refusal_notice')
@Index('uq_refusal_notice', ['consultationId', 'householdId'], { unique: true })
export class RefusalNotice extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  consultationId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 64 })
  textSha256: string;

  /** Recorded home visits that ended in refusal when the refusal was made final. */
  @Column({ type: 'integer' })
  visits: number;

  @Column({ type: 'datetime' })
  issuedAt: Date;

  @Column({ type: 'varchar', length: 36 })
  issuedByStaffId: string;
}
