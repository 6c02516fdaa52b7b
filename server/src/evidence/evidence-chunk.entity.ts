import { Column, Entity, PrimaryColumn } from 'typeorm';

export const EVIDENCE_CHUNK_BYTES = 60 * 1024;

/**
 * Signature and paper-scan images, content-addressed by SHA-256 and stored in 60 KB chunks so
 * that the same BLOB column works on MySQL (64 KB limit) and SQLite, inside the answer transaction.
 */
@Entity('evidence_chunk')
export class EvidenceChunk {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  mime: string;

  @Column({ type: 'blob' })
  data: Buffer;
}
