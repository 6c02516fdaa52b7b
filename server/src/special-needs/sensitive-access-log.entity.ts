import { SensitiveAccessAction } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** One read of special-needs records by a staff member (append-only: the application never changes a row). */
@Entity('sensitive_access_log')
@Index('ix_access_street_at', ['streetOfficeId', 'at'])
@Index('ix_access_household', ['householdId'])
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
