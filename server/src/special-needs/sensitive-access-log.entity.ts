import { SensitiveAccessAction } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** One read of special-needs records by a staff member (append-only: the application never changes a row). */
@Entity('sensitive_access_log')
@Index('ix_access_street_at', ['streetOfficeId', 'at'])
@Index('ix_access_household', ['householdId'])
// What a resident is told counts the exports of the compound and the lists of the unit too.
@Index('ix_access_compound_at', ['compoundId', 'at'])
@Index('ix_access_unit_at', ['unitId', 'at'])
export class SensitiveAccessLog extends IdEntity {
  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'varchar', length: 36 })
  staffId: string;

  @Column({ type: 'varchar', length: 36 })
  streetOfficeId: string;

  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  unitId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  householdId: string | null;

  @Column({ type: 'varchar', length: 24 })
  action: SensitiveAccessAction;
}
