import { Column, Entity, Index } from 'typeorm';
import { AnswerRecord } from './answer-record.js';

/** The one counted answer of a household in a consultation; earlier versions are in the history. */
@Entity('household_response')
@Index('uq_response_consultation_household', ['consultationId', 'householdId'], { unique: true })
export class HouseholdResponse extends AnswerRecord {
  /** Set when staff mark a refusal final after the required home visits. */
  @Column({ type: 'datetime', nullable: true })
  finalRefusalAt: Date | null;
}
