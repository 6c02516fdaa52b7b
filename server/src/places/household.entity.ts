import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { decimalToNumber, IdEntity } from '../database/columns.js';
import { Unit } from './unit.entity.js';

/** 户: one flat. Owner name and phone come from the committee's roster. */
@Entity('household')
@Index('uq_household_unit_room', ['unitId', 'room'], { unique: true })
export class Household extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unitId', foreignKeyConstraintName: 'fk_household_unit' })
  unit?: Unit;

  /** Copied from the unit so scope checks need no join. */
  @Column({ type: 'varchar', length: 36 })
  @Index('ix_household_compound')
  compoundId: string;

  @Column({ type: 'varchar', length: 20 })
  room: string;

  @Column({ type: 'integer' })
  floor: number;

  @Column({ type: 'decimal', precision: 8, scale: 2, transformer: decimalToNumber })
  areaM2: number;

  @Column({ type: 'varchar', length: 120 })
  label: string;

  @Column({ type: 'varchar', length: 60 })
  ownerName: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;
}
