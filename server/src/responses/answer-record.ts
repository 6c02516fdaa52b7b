import { Answer, AnswerChannel } from '@linyi/shared';
import { Column } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** The columns of one answer version, shared by the current answer and its history. */
export abstract class AnswerRecord extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  consultationId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 16 })
  answer: Answer;

  @Column({ type: 'varchar', length: 64, nullable: true })
  optionId: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  channel: AnswerChannel;

  /** The resident who answered online, or null for a paper answer. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  residentId: string | null;

  /** The staff member who entered a paper answer. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  staffId: string | null;

  @Column({ type: 'simple-json' })
  acknowledgedDisclosureIds: string[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  signatureSha256: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  paperScanSha256: string | null;

  /** SHA-256 over consultation text hash, household, answer, channel, signer, evidence hashes, version and time (`evidenceOfStoredAnswer` recomputes it). */
  @Column({ type: 'varchar', length: 64 })
  evidenceSha256: string;

  @Column({ type: 'datetime' })
  answeredAt: Date;

}
