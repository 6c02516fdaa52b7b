import { OwnersOrganisationKind, PipelineStage } from '@linyi/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where one compound stands in the renovation pipeline, and the gates recorded by hand. A compound
 * without a row is at NONE; the row is created on its first change and locked for every change after.
 */
@Entity('compound_pipeline')
export class CompoundPipeline {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  compoundId: string;

  @Column({ type: 'varchar', length: 16 })
  stage: PipelineStage;

  /** When the compound entered its stage (null at NONE, never moved). */
  @Column({ type: 'datetime', nullable: true })
  since: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  ownersOrganisationKind: OwnersOrganisationKind | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  ownersOrganisationName: string | null;

  /** YYYY-MM-DD, as the street office wrote it down. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  ownersOrganisationFormedOn: string | null;

  @Column({ type: 'boolean', default: false })
  fundPledgeRequired: boolean;

  /** Null until street staff have recorded anything about illegal structures. */
  @Column({ type: 'boolean', nullable: true })
  illegalStructuresCleared: boolean | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  illegalStructuresNote: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  illegalStructuresRecordedBy: string | null;

  @Column({ type: 'datetime', nullable: true })
  illegalStructuresRecordedAt: Date | null;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
