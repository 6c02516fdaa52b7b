import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** A resident's separate consent given online (its own page, its own tap, its own text: PIPL art. 29). */
@Entity('screening_consent')
@Index('ix_screening_consent_household', ['householdId'])
export class ScreeningConsent extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 36 })
  residentId: string;

  @Column({ type: 'varchar', length: 64 })
  textVersion: string;

  /** SHA-256 of the consent text shown: binds the consent to what the resident read. */
  @Column({ type: 'varchar', length: 64 })
  textSha256: string;

  @Column({ type: 'datetime' })
  givenAt: Date;

  @Column({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null;
}
