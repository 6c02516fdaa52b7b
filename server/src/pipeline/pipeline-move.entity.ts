import { PipelineStage } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** One stage move, for the screens' history; the audit chain holds the same move, hashed. */
@Entity('pipeline_move')
@Index('ix_pipeline_move_compound', ['compoundId', 'at'])
export class PipelineMove extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  @Column({ type: 'varchar', length: 16 })
  fromStage: PipelineStage;

  @Column({ type: 'varchar', length: 16 })
  toStage: PipelineStage;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note: string | null;

  /** Null for the move the works make on publication. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  staffId: string | null;

  @Column({ type: 'datetime' })
  at: Date;
}
