import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';
import { Community } from './community.entity.js';

/** 小区: a residential compound under renovation. */
@Entity('compound')
export class Compound extends IdEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 36 })
  communityId: string;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId', foreignKeyConstraintName: 'fk_compound_community' })
  community?: Community;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  /** The contractor's emergency line, printed in the plumbing disclosures and notices. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  emergencyPhone: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
