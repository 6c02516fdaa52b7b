import { ObjectionStatus } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';

/** A resident's objection to one household's entry on the preliminary board, and the committee's answer. */
@Entity('publicity_objection')
@Index('ix_objection_consultation', ['consultationId', 'status'])
@Index('ix_objection_filer', ['consultationId', 'filedByResidentId'])
export class PublicityObjection extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  consultationId: string;

  /** The household whose entry is objected to. */
  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 36 })
  filedByResidentId: string;

  /** The filer's own household in the compound. */
  @Column({ type: 'varchar', length: 36 })
  filedByHouseholdId: string;

  @Column({ type: 'varchar', length: 500 })
  text: string;

  @Column({ type: 'varchar', length: 16 })
  status: ObjectionStatus;

  /** Null while open. */
  @Column({ type: 'boolean', nullable: true })
  upheld: boolean | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  resolution: string | null;

  @Column({ type: 'datetime', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  resolvedByStaffId: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
