import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdEntity } from '../database/columns.js';
import { Building } from './building.entity.js';

/** 单元: the stairwell sharing water and sewage risers, i.e. the implementation unit. */
@Entity('unit')
@Index('uq_unit_building_name', ['buildingId', 'name'], { unique: true })
export class Unit extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  buildingId: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buildingId', foreignKeyConstraintName: 'fk_unit_building' })
  building?: Building;

  /** Copied from the building so scope checks and per-compound queries need no join. */
  @Column({ type: 'varchar', length: 36 })
  @Index('ix_unit_compound')
  compoundId: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;
}
