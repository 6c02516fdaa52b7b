import { LegalBasis, ScreeningStatus } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

export type ConsentKind = 'SCAN' | 'ONLINE';
export type ErasureReason = 'WITHDRAWN' | 'RETENTION_AFTER_ACCEPTANCE' | 'RETENTION_NO_WORKS';

/**
 * A household's current screening (one row per household). Sensitive details (`needs`, `note`,
 * the consent scan, the care plan) are erased in place by withdrawal or retention; the row stays as
 * the record that a screening happened and was erased. History lives in the audit chain as digests.
 */
@Entity('household_screening')
@Index('uq_screening_household', ['householdId'], { unique: true })
@Index('ix_screening_unit', ['unitId'])
@Index('ix_screening_compound', ['compoundId'])
export class HouseholdScreening extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  /** Copied from the household so lists and counts need no join. */
  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  @Column({ type: 'varchar', length: 16 })
  status: ScreeningStatus;

  /** Need codes joined by commas; null when nothing is needed or the details were erased. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  needs: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  legalBasis: LegalBasis | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  consentKind: ConsentKind | null;

  /** SHA-256 of the consent scan, or of the consent text the resident agreed to online: kept after erasure. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  consentSha256: string | null;

  @Column({ type: 'datetime', nullable: true })
  consentGivenAt: Date | null;

  /** ONLINE consent: the id of the screening_consent row. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  onlineConsentId: string | null;

  /** Random salt of the audit digest of the details: erased with them, so the digest no longer links to anything. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  detailsSalt: string | null;

  @Column({ type: 'datetime' })
  screenedAt: Date;

  @Column({ type: 'varchar', length: 36 })
  screenedBy: string;

  @Column({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null;

  /** The resident who withdrew. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  withdrawnBy: string | null;

  @Column({ type: 'datetime', nullable: true })
  erasedAt: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  erasedReason: ErasureReason | null;

  /** Raised by every change: erasure and re-screening compare-and-set on it. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}
