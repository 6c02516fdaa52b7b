import { ResidentRole } from '@linyi/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';
import { Household } from '../places/household.entity.js';

/** A single-use, expiring code that a committee hands to a household to bind a resident. */
@Entity('invite_code')
export class InviteCode extends IdEntity {
  @Column({ type: 'varchar', length: 16 })
  @Index('uq_invite_code', { unique: true })
  code: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'fk_invite_household' })
  household?: Household;

  @Column({ type: 'varchar', length: 16 })
  role: ResidentRole;

  @Column({ type: 'varchar', length: 36 })
  createdByStaffId: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  usedByResidentId: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
