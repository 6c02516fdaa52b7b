import { SurveyPurpose, SurveyStatus, type SurveyQuestion } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { jsonColumn } from '../acceptance/json-column.js';
import { IdEntity } from '../database/columns.js';

/** A needs (问需) or satisfaction (问效) survey of one compound. */
@Entity('survey')
@Index('ix_survey_compound', ['compoundId'])
export class Survey extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  compoundId: string;

  @Column({ type: 'varchar', length: 24 })
  purpose: SurveyPurpose;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'text' })
  intro: string;

  /** Answers stored apart from the household: see SurveyAnswer. */
  @Column({ type: 'boolean' })
  anonymous: boolean;

  @Column({ type: 'text', transformer: jsonColumn<SurveyQuestion[]>() })
  questions: SurveyQuestion[];

  @Column({ type: 'varchar', length: 16 })
  status: SurveyStatus;

  @Column({ type: 'datetime' })
  closesAt: Date;

  @Column({ type: 'varchar', length: 36 })
  createdByStaffId: string;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;
}
