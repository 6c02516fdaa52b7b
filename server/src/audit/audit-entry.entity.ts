import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One link of an append-only hash chain. Chains are per consultation group (answers, visits, state
 * changes of that group) or per consultation, so appends serialise only where a lock is held anyway.
 */
@Entity('audit_entry')
@Index('uq_audit_chain_seq', ['chainKey', 'seq'], { unique: true })
export class AuditEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 80 })
  chainKey: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  /** 'staff:<id>', 'resident:<id>' or 'system'. */
  @Column({ type: 'varchar', length: 48 })
  actor: string;

  @Column({ type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ type: 'text' })
  payload: string;

  /** ISO time as hashed; kept as text so the hash input is exactly what is stored. */
  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
