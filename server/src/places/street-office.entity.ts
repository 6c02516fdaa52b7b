import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, IdEntity } from '../database/columns.js';

/** 街道办事处: the accountable party for all compounds in its street. */
@Entity('street_office')
export class StreetOffice extends IdEntity {
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @CreatedAtColumn()
  createdAt: Date;
}
