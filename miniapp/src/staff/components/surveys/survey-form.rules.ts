import { QuestionKind, SURVEY_LIMITS, SurveyPurpose, shanghaiDate } from '@linyi/shared'
import type { CreateSurveyRequest, SurveyChoice, SurveyQuestion } from '@linyi/shared'
import { parseWallClock } from '../../../lib/draft/times'
import { charCount } from '../works/plan-form.rules'

const DAY_MS = 24 * 3600 * 1000

/** The survey as typed: text until checked, the closing time as a Beijing-time day and clock. */
export interface SurveyDraft {
  purpose: SurveyPurpose
  title: string
  intro: string
  anonymous: boolean
  questions: SurveyQuestion[]
  closeDate: string
  closeClock: string
}

export const hasChoices = (kind: QuestionKind) => kind === QuestionKind.Single || kind === QuestionKind.Multiple

/** The next free id with `prefix` ("q3", "c2"): ids stay stable while items are removed and moved. */
function nextId(prefix: string, taken: { id: string }[]): string {
  const numbers = taken.map((item) => Number(item.id.slice(prefix.length))).filter(Number.isFinite)
  return `${prefix}${Math.max(0, ...numbers) + 1}`
}

export const blankChoice = (choices: SurveyChoice[]): SurveyChoice => ({ id: nextId('c', choices), title: '' })

/** A new question of `kind`: a choice question starts with two empty choices. */
export function blankQuestion(questions: SurveyQuestion[], kind = QuestionKind.Single): SurveyQuestion {
  const question: SurveyQuestion = { id: nextId('q', questions), kind, title: '', required: true }
  return hasChoices(kind) ? { ...question, choices: [{ id: 'c1', title: '' }, { id: 'c2', title: '' }] } : question
}

/** Changing a question's kind keeps its choices for the choice kinds and drops them for the others. */
export function withKind(question: SurveyQuestion, kind: QuestionKind): SurveyQuestion {
  if (!hasChoices(kind)) return { id: question.id, kind, title: question.title, required: question.required }
  const choices = question.choices?.length ? question.choices : [{ id: 'c1', title: '' }, { id: 'c2', title: '' }]
  return { ...question, kind, choices }
}

/** Defaults: a needs survey, named, one single-choice question, closing in two weeks at 20:00 Beijing time. */
export function newSurveyDraft(now: Date): SurveyDraft {
  return {
    purpose: SurveyPurpose.Needs,
    title: '',
    intro: '',
    anonymous: false,
    questions: [blankQuestion([])],
    closeDate: shanghaiDate(new Date(now.getTime() + 14 * DAY_MS)),
    closeClock: '20:00',
  }
}

export const closesAtOf = (draft: SurveyDraft) => parseWallClock({ date: draft.closeDate, clock: draft.closeClock })

function questionProblem(question: SurveyQuestion, number: number): string | null {
  const title = charCount(question.title)
  if (title === 0) return `第 ${number} 题还没有填写题目`
  if (title > SURVEY_LIMITS.questionTitle) return `第 ${number} 题的题目最多 ${SURVEY_LIMITS.questionTitle} 个字`
  if (!hasChoices(question.kind)) return null
  const choices = question.choices ?? []
  if (choices.length < 2) return `第 ${number} 题至少要有 2 个选项`
  if (choices.length > SURVEY_LIMITS.choices) return `第 ${number} 题最多 ${SURVEY_LIMITS.choices} 个选项`
  const titles = choices.map((choice) => choice.title.trim())
  const empty = titles.findIndex((t) => t === '')
  if (empty >= 0) return `第 ${number} 题的选项 ${empty + 1} 还没有填写`
  const long = titles.findIndex((t) => [...t].length > SURVEY_LIMITS.choiceTitle)
  if (long >= 0) return `第 ${number} 题的选项 ${long + 1} 最多 ${SURVEY_LIMITS.choiceTitle} 个字`
  if (new Set(titles).size !== titles.length) return `第 ${number} 题有两个相同的选项`
  return null
}

/** The first thing that keeps the survey from being saved, in words, or null. */
export function surveyDraftProblem(draft: SurveyDraft, now: Date): string | null {
  const title = charCount(draft.title)
  if (title === 0) return '请填写问卷标题'
  if (title > SURVEY_LIMITS.title) return `标题最多 ${SURVEY_LIMITS.title} 个字`
  if (charCount(draft.intro) > SURVEY_LIMITS.intro) return `说明最多 ${SURVEY_LIMITS.intro} 个字`
  if (draft.questions.length === 0) return '请至少添加一道题'
  if (draft.questions.length > SURVEY_LIMITS.questions) return `最多 ${SURVEY_LIMITS.questions} 道题`
  for (const [index, question] of draft.questions.entries()) {
    const problem = questionProblem(question, index + 1)
    if (problem) return problem
  }
  const closesAt = closesAtOf(draft)
  if (!closesAt) return '请选择截止日期和时间'
  if (closesAt.getTime() <= now.getTime()) return '截止时间已经过去，请选择以后的时间'
  return null
}

/** What the server is sent: trimmed texts, choices only on the choice kinds. */
export function surveyRequestOf(compoundId: string, draft: SurveyDraft): CreateSurveyRequest {
  return {
    compoundId,
    purpose: draft.purpose,
    title: draft.title.trim(),
    intro: draft.intro.trim(),
    anonymous: draft.anonymous,
    questions: draft.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      title: q.title.trim(),
      required: q.required,
      ...(hasChoices(q.kind) ? { choices: (q.choices ?? []).map((c) => ({ id: c.id, title: c.title.trim() })) } : {}),
    })),
    closesAt: (closesAtOf(draft) as Date).toISOString(),
  }
}

