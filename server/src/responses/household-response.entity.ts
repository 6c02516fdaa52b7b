import { Answer, AnswerChannel } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** The one counted answer of a household in a consultation; earlier versions are in the history. */
@Entity('household_response')
@Index('uq_response_consultation_household', ['consultationId', 'householdId'], { unique: true })
export class HouseholdResponse extends IdEntity {
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

  /** SHA-256 over consultation text hash, household, answer, evidence hashes, version and time. */
  @Column({ type: 'varchar', length: 64 })
  evidenceSha256: string;

  @Column({ type: 'datetime' })
  answeredAt: Date;

  /** Set when staff mark a refusal final after the required home visits. */
  @Column({ type: 'datetime', nullable: true })
  finalRefusalAt: Date | null;
}
