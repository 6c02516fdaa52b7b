import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';

/** DOMAIN rule 3: work above the basic restoration standard, quoted, paid, then carried out. */
@Entity('upgrade_request')
@Index('uq_upgrade_consultation_household', ['consultationId', 'householdId'], { unique: true })
export class UpgradeRequest extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  consultationId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  /** Extra cost in fen (1/100 yuan), once the implementer has quoted it. */
  @Column({ type: 'integer', nullable: true })
  quotedFen: number | null;

  @Column({ type: 'datetime', nullable: true })
  quotedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  recordedByStaffId: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
