import { Column, Entity, Index } from 'typeorm';
import { IdEntity } from '../database/columns.js';

/** That a household answered a survey (and who, when): the unique key makes it once per household. Never what it answered. */
@Entity('survey_participation')
@Index('uq_survey_participation', ['surveyId', 'householdId'], { unique: true })
export class SurveyParticipation extends IdEntity {
  @Column({ type: 'varchar', length: 36 })
  surveyId: string;

  @Column({ type: 'varchar', length: 36 })
  householdId: string;

  @Column({ type: 'varchar', length: 36 })
  residentId: string;

  @Column({ type: 'datetime' })
  answeredAt: Date;
}
