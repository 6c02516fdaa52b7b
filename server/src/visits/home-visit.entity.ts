import { VisitOutcome } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** A recorded home visit (上门入户) by street or committee staff about one consultation. */
@Entity('home_visit')
@Index('ix_visit_consultation_household', ['consultationId', 'householdId'])
export class HomeVisit extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  consultationId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 16 })
  outcome: VisitOutcome;

  @Column({ type: 'varchar', length: 1000 })
  note: string;

  @Column({ type: 'varchar', length: 36 })
  staffId: string;

  @Column({ type: 'datetime' })
  visitedAt: Date;
}
