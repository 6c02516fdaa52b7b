import { PublicityStage } from '@linyi/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The published result of one consultation: created by the preliminary result (初步统计结果公示),
 * locked and moved to FINAL by the final result (结果公示). Each snapshot is stored, content-addressed
 * by its SHA-256, in the evidence store (it outgrows a TEXT column in a large compound).
 */
@Entity('consultation_publicity')
@Index('ix_publicity_compound', ['compoundId'])
export class ConsultationPublicity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  consultationId: string;

  /** Copied from the consultation, for a resident's list across their compounds. */
  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  @Column({ type: 'varchar', length: 16 })
  stage: PublicityStage;

  @Column({ type: 'integer' })
  objectionDays: number;

  @Column({ type: 'datetime' })
  preliminaryAt: Date;

  @Column({ type: 'datetime' })
  objectionClosesAt: Date;

  /** SHA-256 of the preliminary snapshot's canonical text (`publicitySnapshotText`), also its evidence-store key. */
  @Column({ type: 'varchar', length: 64 })
  preliminarySha256: string;

  @Column({ type: 'varchar', length: 36 })
  preliminaryByStaffId: string;

  @Column({ type: 'datetime', nullable: true })
  finalAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  finalSha256: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  finalByStaffId: string | null;
}
