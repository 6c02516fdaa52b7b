import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdEntity } from '../database/columns.js';
import { Compound } from './compound.entity.js';

/** 楼栋: named as in the roster, e.g. "3号楼"; unique within its compound. */
@Entity('building')
@Index('uq_building_compound_name', ['compoundId', 'name'], { unique: true })
export class Building extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  @ManyToOne(() => Compound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'compoundId', foreignKeyConstraintName: 'fk_building_compound' })
  compound?: Compound;

  @Column({ type: 'varchar', length: 40 })
  name: string;
}
