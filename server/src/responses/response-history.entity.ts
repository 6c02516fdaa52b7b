import { Answer, AnswerChannel } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** Every version of every answer, appended and never changed. */
@Entity('household_response_history')
@Index('uq_history_version', ['consultationId', 'householdId', 'version'], { unique: true })
export class ResponseHistory extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  consultationId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  answer: Answer;

  @Column({ type: 'varchar', length: 64, nullable: true })
  optionId: string | null;

  @Column({ type: 'varchar', length: 16 })
  channel: AnswerChannel;

  @Column({ type: 'varchar', length: 36, nullable: true })
  residentId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  staffId: string | null;

  @Column({ type: 'simple-json' })
  acknowledgedDisclosureIds: string[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  signatureSha256: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  paperScanSha256: string | null;

  @Column({ type: 'varchar', length: 64 })
  evidenceSha256: string;

  @Column({ type: 'datetime' })
  answeredAt: Date;
}
