import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last link of each chain: locked to append, and checked so that a cut-off tail is detected. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  chainKey: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
