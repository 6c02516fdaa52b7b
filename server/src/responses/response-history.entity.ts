import { Entity, Index } from 'typeorm';
import { AnswerRecord } from './answer-record.js';

/** Every version of every answer, appended and never changed. */
@Entity('household_response_history')
@Index('uq_history_version', ['consultationId', 'householdId', 'version'], { unique: true })
export class ResponseHistory extends AnswerRecord {}
