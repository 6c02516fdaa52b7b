import { Column, Entity, PrimaryColumn } from 'typeorm';

export const TALLY_SHARDS = 8;

/**
 * Per-consultation counters for the street-office view, split into shards so that answers in
 * different groups do not queue on one hot row. Readers add the shards up.
 */
@Entity('consultation_tally')
export class ConsultationTally {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  consultationId: string;

  @PrimaryColumn({ type: 'integer' })
  shard: number;

  @Column({ type: 'integer' })
  householdsTotal: number;

  @Column({ type: 'integer' })
  householdsAnswered: number;

  @Column({ type: 'integer' })
  groupsTotal: number;

  @Column({ type: 'integer' })
  groupsReached: number;

  @Column({ type: 'integer' })
  groupsFailed: number;
}
