import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Scans of signed consent forms, in 60 KB chunks like evidence_chunk, but in their own table: a
 * consent form names the household's needs, so unlike signatures it is erased with the details.
 */
@Entity('screening_scan_chunk')
@Index('ix_scan_household', ['householdId'])
export class ScreeningScanChunk {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 32 })
  mime: string;

  @Column({ type: 'blob' })
  data: Buffer;
}
