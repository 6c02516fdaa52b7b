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
  /** An anonymous survey while open: `questions` is empty until it closes (see `resultsWithheld`). */
  withheld?: boolean;
}

// ---- Pure rules: what a survey may ask, what an answer may say, how answers are counted. ----

const kindHasChoices = (kind: QuestionKind) => kind === QuestionKind.Single || kind === QuestionKind.Multiple;
const questionName = (index: number) => `第 ${index + 1} 题`;
const isBlank = (text: string | undefined) => text === undefined || text.trim() === '';

/** Why a new survey cannot be created as asked (null: it can); the messages name the question. */
export function surveyProblem(request: Pick<CreateSurveyRequest, 'questions' | 'closesAt'>, now: Date): string | null {
  if (!request.questions.length) return '问卷至少要有一道题';
  if (new Date(request.closesAt).getTime() <= now.getTime()) return '截止时间应晚于现在';
  const ids = new Set<string>();
  for (const [index, question] of request.questions.entries()) {
    const name = questionName(index);
    if (ids.has(question.id)) return `${name}的编号与前面的题重复`;
    ids.add(question.id);
    if (isBlank(question.title)) return `${name}没有题目`;
    const choices = question.choices ?? [];
    if (!kindHasChoices(question.kind)) {
      if (choices.length) return `${name}是${QUESTION_KIND_LABELS[question.kind]}题，不需要选项`;
      continue;
    }
    if (choices.length < 2) return `${name}是${QUESTION_KIND_LABELS[question.kind]}题，至少要有两个选项`;
    if (new Set(choices.map((c) => c.id)).size !== choices.length) return `${name}有重复的选项编号`;
    if (choices.some((c) => isBlank(c.title))) return `${name}有空白的选项`;
    if (new Set(choices.map((c) => c.title.trim())).size !== choices.length) return `${name}有两个相同的选项`;
  }
  return null;
}

/** A survey as created: titles trimmed, choices only where the kind has them. */
export function normaliseQuestions(questions: SurveyQuestion[]): SurveyQuestion[] {
  return questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    title: q.title.trim(),
    ...(kindHasChoices(q.kind) ? { choices: (q.choices ?? []).map((c) => ({ id: c.id, title: c.title.trim() })) } : {}),
    required: q.required,
  }));
}

/** Whether a survey takes answers now: published, not closed by hand, before its closing time. */
export function surveyAcceptsAnswers(status: SurveyStatus, closesAt: Date | string, now: Date): boolean {
  return status === SurveyStatus.Open && now.getTime() < new Date(closesAt).getTime();
}

/** The status a reader sees: an open survey past its closing time is closed. */
export function surveyStatusAt(status: SurveyStatus, closesAt: Date | string, now: Date): SurveyStatus {
  return status === SurveyStatus.Open && !surveyAcceptsAnswers(status, closesAt, now) ? SurveyStatus.Closed : status;
}

/**
 * An anonymous survey's tallies wait for its close: counts that change while it is open would tell
 * whoever watches them what a household just answered.
 */
export function resultsWithheld(anonymous: boolean, status: SurveyStatus): boolean {
  return anonymous && status !== SurveyStatus.Closed;
}

export type AnswerCheck = { answers: SurveyAnswerItem[] } | { problem: string };

/**
 * Checks a household's answers against the questions and returns them as stored: in question order,
 * texts trimmed, choices in the survey's order, nothing but the field the kind uses. A blank text or
 * an empty choice list is no answer (refused only when the question is required).
 */
export function checkAnswers(questions: SurveyQuestion[], given: SurveyAnswerItem[]): AnswerCheck {
  const byId = new Map<string, SurveyAnswerItem>();
  for (const item of given) {
    if (!questions.some((q) => q.id === item.questionId)) return { problem: `问卷里没有编号为 ${item.questionId} 的题` };
    if (byId.has(item.questionId)) return { problem: `${questionName(questions.findIndex((q) => q.id === item.questionId))}回答了两次` };
    byId.set(item.questionId, item);
  }
  const answers: SurveyAnswerItem[] = [];
  for (const [index, question] of questions.entries()) {
    const name = questionName(index);
    const item = byId.get(question.id);
    const checked = item ? checkOne(question, item, name) : null;
    if (checked && 'problem' in checked) return checked;
    if (checked) answers.push(checked.answer);
    else if (question.required) return { problem: `请回答${name}：${question.title}` };
  }
  return { answers };
}

/** One answer: its normal form, a problem, or null when it says nothing. */
function checkOne(question: SurveyQuestion, item: SurveyAnswerItem, name: string): { answer: SurveyAnswerItem } | { problem: string } | null {
  const foreign = (question.kind === QuestionKind.Text ? [] : ['text']).concat(kindHasChoices(question.kind) ? [] : ['choiceIds']).concat(question.kind === QuestionKind.Rating ? [] : ['rating']);
  if (foreign.some((field) => item[field as keyof SurveyAnswerItem] !== undefined)) return { problem: `${name}是${QUESTION_KIND_LABELS[question.kind]}题，答案的格式不对` };
  switch (question.kind) {
    case QuestionKind.Single:
    case QuestionKind.Multiple: {
      const picked = item.choiceIds ?? [];
      if (!picked.length) return null;
      const choices = question.choices ?? [];
      if (picked.some((id) => !choices.some((c) => c.id === id))) return { problem: `${name}选了不存在的选项` };
      if (new Set(picked).size !== picked.length) return { problem: `${name}同一个选项选了两次` };
      if (question.kind === QuestionKind.Single && picked.length > 1) return { problem: `${name}是单选题，只能选一项` };
      return { answer: { questionId: question.id, choiceIds: choices.filter((c) => picked.includes(c.id)).map((c) => c.id) } };
    }
    case QuestionKind.Rating: {
      if (item.rating === undefined) return null;
      if (!Number.isInteger(item.rating) || item.rating < RATING_MIN || item.rating > RATING_MAX) return { problem: `${name}请打 ${RATING_MIN} 到 ${RATING_MAX} 分` };
      return { answer: { questionId: question.id, rating: item.rating } };
    }
    case QuestionKind.Text: {
      if (isBlank(item.text)) return null;
      const text = item.text!.trim();
      if ([...text].length > SURVEY_LIMITS.text) return { problem: `${name}最多 ${SURVEY_LIMITS.text} 个字` };
      return { answer: { questionId: question.id, text } };
    }
  }
}

/** One stored answer as the tally sees it; `householdLabel` only on a named survey. */
export interface TalliedAnswer {
  answers: SurveyAnswerItem[];
  householdLabel: string | null;
}

const byText = (a: { text: string; householdLabel: string | null }, b: { text: string; householdLabel: string | null }) =>
  a.text < b.text ? -1 : a.text > b.text ? 1 : (a.householdLabel ?? '') < (b.householdLabel ?? '') ? -1 : (a.householdLabel ?? '') > (b.householdLabel ?? '') ? 1 : 0;

/**
 * Results per question (`status` as the reader sees it, see surveyStatusAt). Texts are sorted by their own content, so their order tells nothing of who
 * answered when; an anonymous survey never carries a household label, whatever the caller passes.
 */
export function tallySurvey(survey: { id: string; anonymous: boolean; questions: SurveyQuestion[]; status: SurveyStatus }, stored: TalliedAnswer[], households: number): SurveyResults {
  const head = { surveyId: survey.id, anonymous: survey.anonymous, households, respondents: stored.length };
  if (resultsWithheld(survey.anonymous, survey.status)) return { ...head, questions: [], withheld: true };
  const questions = survey.questions.map((question): QuestionResult => {
    const given = stored.flatMap((s) => s.answers.filter((a) => a.questionId === question.id).map((a) => ({ answer: a, householdLabel: survey.anonymous ? null : s.householdLabel })));
    const base = { questionId: question.id, kind: question.kind, title: question.title, answered: given.length };
    switch (question.kind) {
      case QuestionKind.Single:
      case QuestionKind.Multiple:
        return { ...base, choices: (question.choices ?? []).map((c) => ({ choiceId: c.id, title: c.title, count: given.filter((g) => g.answer.choiceIds?.includes(c.id)).length })) };
      case QuestionKind.Rating: {
        const ratings = given.map((g) => g.answer.rating).filter((r): r is number => typeof r === 'number');
        const counts = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => ({ rating: RATING_MIN + i, count: ratings.filter((r) => r === RATING_MIN + i).length }));
        // Two decimals: the sum is whole, so one division and one rounding.
        const average = ratings.length ? Math.round((ratings.reduce((sum, r) => sum + r, 0) * 100) / ratings.length) / 100 : null;
        return { ...base, ratings: counts, average };
      }
      case QuestionKind.Text:
        return { ...base, texts: given.map((g) => ({ text: g.answer.text ?? '', householdLabel: g.householdLabel })).sort(byText) };
    }
  });
  return { ...head, questions };
}
