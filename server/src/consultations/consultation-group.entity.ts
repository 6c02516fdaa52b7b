import { GroupBy, GroupState } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** Live counters and state of one group; locked while an answer in the group is written. */
@Entity('consultation_group')
@Index('uq_group_consultation_place', ['consultationId', 'placeId'], { unique: true })
export class ConsultationGroup extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  consultationId: string;

  @Column({ type: 'varchar', length: 16 })
  groupType: GroupBy;

  /** The unit, building or compound id (the API's groupId). */
  @Column({ type: 'varchar', length: 36 })
  placeId: string;

  @Column({ type: 'varchar', length: 120 })
  label: string;

  @Column({ type: 'integer' })
  households: number;

  @Column({ type: 'integer' })
  responded: number;

  @Column({ type: 'integer' })
  agreed: number;

  @Column({ type: 'integer' })
  refused: number;

  @Column({ type: 'integer' })
  abstained: number;

  /** Agreeing households still needed at best; orders the chase list. */
  @Column({ type: 'integer' })
  missing: number;

  @Column({ type: 'varchar', length: 16 })
  state: GroupState;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  leadingOptionId: string | null;

  /** Bumped on every change; the compare-and-set guard for state transitions. */
  @Column({ type: 'integer' })
  revision: number;
}
