import { SurveyAnswer } from './survey-answer.entity.js';
import { SurveyParticipation } from './survey-participation.entity.js';
import { Survey } from './survey.entity.js';

/** The entities of this module, listed in database/entities.ts. */
export const SURVEYS_ENTITIES: Function[] = [Survey, SurveyParticipation, SurveyAnswer];
