import type { SurveyAnswerItem } from '@linyi/shared';
import { Column, Entity, Index } from 'typeorm';
import { jsonColumn } from '../acceptance/json-column.js';
import { IdEntity } from '../database/columns.js';

/**
 * What a household answered. On an anonymous survey the row has a random id and nothing else that
 * could join it to its participation row: no household, no resident, no time.
 */
@Entity('survey_answer')
@Index('ix_survey_answer_survey', ['surveyId'])
export class SurveyAnswer extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  surveyId: string;

  @Column({ type: 'text', transformer: jsonColumn<SurveyAnswerItem[]>() })
  answers: SurveyAnswerItem[];

  /** Named surveys only; null on an anonymous one. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  householdId: string | null;
}
