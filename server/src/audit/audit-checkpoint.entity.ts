import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed statement of every audit chain's head at one moment. Only the heads that moved since the
 * previous checkpoint are stored (audit_checkpoint_chain); the root covers them all.
 */
@Entity('audit_checkpoint')
export class AuditCheckpoint {
  /** 1, 2, 3…: the primary key orders checkpoints and makes two concurrent takers collide instead of forking. */
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  /** ISO time as hashed into the root; text so the hash input is exactly what is stored. */
  @Column({ type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ type: 'varchar', length: 64 })
  root: string;

  /** How many chains the root covers. */
  @Column({ type: 'integer' })
  chains: number;

  /** Base64 Ed25519 signature over the ASCII bytes of `root`. */
  @Column({ type: 'varchar', length: 88 })
  signature: string;

  /** SHA-256 of the signing key's SPKI DER: names the key, is not the key. */
  @Column({ type: 'varchar', length: 64 })
  keyId: string;
}
