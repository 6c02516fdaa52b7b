import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A chain head that a checkpoint recorded because it moved (or appeared) since the checkpoint before. */
@Entity('audit_checkpoint_chain')
@Index('ix_checkpoint_chain_checkpoint', ['checkpointSeq'])
export class AuditCheckpointChain {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  chainKey: string;

  @PrimaryColumn({ type: 'integer' })
  checkpointSeq: number;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
