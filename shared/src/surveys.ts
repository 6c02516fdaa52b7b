/**
 * Surveys before and after the works (问需于民 / 问效于民, seed 000 §二(二)), issue 12. One answer per
 * household; an anonymous survey stores its answers apart from the household (as Loomio stores
 * anonymous ballots), so no response can join them.
 */

export enum SurveyPurpose {
  Needs = 'NEEDS_SURVEY',
  Satisfaction = 'SATISFACTION_SURVEY',
}

export const SURVEY_PURPOSE_LABELS: Record<SurveyPurpose, string> = {
  [SurveyPurpose.Needs]: '改造需求调查',
  [SurveyPurpose.Satisfaction]: '改造满意度调查',
};

export enum QuestionKind {
  Single = 'SINGLE',
  Multiple = 'MULTIPLE',
  Rating = 'RATING',
  Text = 'TEXT',
}

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  [QuestionKind.Single]: '单选',
  [QuestionKind.Multiple]: '多选',
  [QuestionKind.Rating]: '打分（1–5）',
  [QuestionKind.Text]: '填空',
};

export enum SurveyStatus {
  Draft = 'DRAFT',
  Open = 'OPEN',
  Closed = 'CLOSED',
}

export const SURVEY_LIMITS = { questions: 30, choices: 12, title: 120, intro: 2000, questionTitle: 200, choiceTitle: 60, text: 500 } as const;
export const RATING_MIN = 1;
export const RATING_MAX = 5;

export interface SurveyChoice {
  id: string;
  title: string;
}

export interface SurveyQuestion {
  id: string;
  kind: QuestionKind;
  title: string;
  /** SINGLE and MULTIPLE only. */
  choices?: SurveyChoice[];
  required: boolean;
}

export interface CreateSurveyRequest {
  compoundId: string;
  purpose: SurveyPurpose;
  title: string;
  intro: string;
  anonymous: boolean;
  questions: SurveyQuestion[];
  closesAt: string;
}

export interface SurveyView {
  id: string;
  compoundId: string;
  purpose: SurveyPurpose;
  title: string;
  intro: string;
  anonymous: boolean;
  questions: SurveyQuestion[];
  status: SurveyStatus;
  closesAt: string;
  createdAt: string;
  publishedAt: string | null;
  closedAt: string | null;
}

export interface MySurvey {
  survey: SurveyView;
  householdId: string;
  householdLabel: string;
  answered: boolean;
}

export interface SurveyAnswerItem {
  questionId: string;
  choiceIds?: string[];
  rating?: number;
  text?: string;
}

export interface SurveyAnswerRequest {
  householdId: string;
  answers: SurveyAnswerItem[];
}

export interface SurveyAnswerReceipt {
  surveyId: string;
  householdId: string;
  answeredAt: string;
}

export interface QuestionResult {
  questionId: string;
  kind: QuestionKind;
  title: string;
  /** Households that answered this question. */
  answered: number;
  choices?: Array<{ choiceId: string; title: string; count: number }>;
  ratings?: Array<{ rating: number; count: number }>;
  average?: number | null;
  /** TEXT: sorted by text, never in the order given; `householdLabel` null on an anonymous survey. */
  texts?: Array<{ text: string; householdLabel: string | null }>;
}

export interface SurveyResults {
  surveyId: string;
  anonymous: boolean;
  households: number;
  respondents: number;
  questions: QuestionResult[];
}
