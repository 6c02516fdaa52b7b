import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';
import { StreetOffice } from './street-office.entity.js';

/** 社区: the committee's area of work, inside one street office. */
@Entity('community')
export class Community extends IdEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 36 })
  streetOfficeId: string;

  @ManyToOne(() => StreetOffice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'streetOfficeId', foreignKeyConstraintName: 'fk_community_street_office' })
  streetOffice?: StreetOffice;

  @CreatedAtColumn()
  createdAt: Date;
}
