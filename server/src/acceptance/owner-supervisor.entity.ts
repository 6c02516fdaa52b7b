import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** One of the (at most two) owners the committee named as supervisors of a compound's works, through their household. */
@Entity('owner_supervisor')
@Index('uq_owner_supervisor', ['compoundId', 'householdId'], { unique: true })
export class OwnerSupervisor extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'varchar', length: 36 })
  namedBy: string;

  @Column({ type: 'datetime' })
  namedAt: Date;
}
