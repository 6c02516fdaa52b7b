import { surveyStatusAt, SurveyStatus, type SurveyView } from '@linyi/shared';
import type { Survey } from './survey.entity.js';

/** The survey as read at `now`: an open survey past its closing time reads as closed, closed at that time. */
export function toSurveyView(survey: Survey, now: Date): SurveyView {
  const status = surveyStatusAt(survey.status, survey.closesAt, now);
  const closedAt = survey.closedAt ?? (status === SurveyStatus.Closed ? survey.closesAt : null);
  return {
    id: survey.id,
    compoundId: survey.compoundId,
    purpose: survey.purpose,
    title: survey.title,
    intro: survey.intro,
    anonymous: survey.anonymous,
    questions: survey.questions,
    status,
    closesAt: survey.closesAt.toISOString(),
    createdAt: survey.createdAt.toISOString(),
    publishedAt: survey.publishedAt?.toISOString() ?? null,
    closedAt: closedAt?.toISOString() ?? null,
  };
}
