import { ResidentRole } from '@linyi/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';
import { Household } from '../places/household.entity.js';
import { Resident } from './resident.entity.js';

/** A resident's tie to a household, as owner or tenant. */
@Entity('household_member')
@Index('uq_member_household_resident', ['householdId', 'residentId'], { unique: true })
export class HouseholdMember extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'fk_member_household' })
  household?: Household;

  @Column({ type: 'varchar', length: 36 })
  @Index('ix_member_resident')
  residentId: string;

  @ManyToOne(() => Resident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'residentId', foreignKeyConstraintName: 'fk_member_resident' })
  resident?: Resident;

  @Column({ type: 'varchar', length: 16 })
  role: ResidentRole;

  @CreatedAtColumn()
  createdAt: Date;
}
