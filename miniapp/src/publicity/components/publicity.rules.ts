/** Words and small decisions of the resident publicity screens: plain data in, plain text out. */
import { AnswerClass, ANSWER_CLASS_LABELS, ObjectionStatus, PublicityStage, QuestionKind, RATING_MAX, RATING_MIN, SURVEY_LIMITS, shanghaiDate } from '@linyi/shared'
import type { AreaCounts, MySurvey, ObjectionView, PublicityHousehold, SurveyAnswerItem, SurveyQuestion } from '@linyi/shared'
import { formatDateTime } from '../../lib/format'

export const STAGE_TITLE: Record<PublicityStage, string> = {
  [PublicityStage.None]: '结果尚未公示',
  [PublicityStage.Preliminary]: '初步统计结果公示',
  [PublicityStage.Final]: '最终结果公示',
}

const DAY_MS = 86_400_000

/** Whole Beijing calendar days from `now` to `closesAt` (0 when it closes today). */
export function beijingDaysUntil(closesAt: string, now: Date = new Date()): number {
  const day = (instant: Date | string) => Date.parse(`${shanghaiDate(instant)}T00:00:00Z`)
  return Math.round((day(closesAt) - day(now)) / DAY_MS)
}

/** The objection window in words: when it ends (北京时间) and how long is left. */
export function windowText(closesAt: string, open: boolean, now: Date = new Date()): string {
  const end = formatDateTime(closesAt)
  if (!open || Date.parse(closesAt) <= now.getTime()) return `异议期已于 ${end} 结束`
  const days = beijingDaysUntil(closesAt, now)
  return days <= 0 ? `异议期今天结束：${end} 截止` : `异议期还剩 ${days} 天：${end} 截止`
}

/** The badge on home and in lists: what a resident can do now. */
export function stageBadge(stage: PublicityStage, windowOpen: boolean): string {
  if (stage === PublicityStage.Final) return '最终结果'
  return windowOpen ? '异议期中，可提出异议' : '异议期已结束，等待最终结果'
}

/** "18.5平方米": areas to two decimals at most, as the roster records them. */
export const squareMetres = (m2: number) => `${Number(m2.toFixed(2))}平方米`

/** One line per answer class with households and area, e.g. "同意：9 户，共 720.5平方米". */
export function countLines(group: { agreed: number; refused: number; abstained: number; noAnswer: number; areaM2: AreaCounts }): Array<{ key: string; text: string }> {
  return [
    { key: 'agreed', text: `${ANSWER_CLASS_LABELS[AnswerClass.Agreed]}：${group.agreed} 户，共 ${squareMetres(group.areaM2.agreed)}` },
    { key: 'refused', text: `${ANSWER_CLASS_LABELS[AnswerClass.Refused]}：${group.refused} 户，共 ${squareMetres(group.areaM2.refused)}` },
    { key: 'abstained', text: `${ANSWER_CLASS_LABELS[AnswerClass.Abstained]}：${group.abstained} 户，共 ${squareMetres(group.areaM2.abstained)}` },
    { key: 'no-answer', text: `${ANSWER_CLASS_LABELS[AnswerClass.NoAnswer]}：${group.noAnswer} 户，共 ${squareMetres(group.areaM2.noAnswer)}` },
  ]
}

/** An entry's answer in words; a vote names its option when the title is known. */
export function entryAnswer(entry: PublicityHousehold, optionTitles: Record<string, string> = {}): string {
  if (entry.answerClass === AnswerClass.Option && entry.optionId && optionTitles[entry.optionId]) return `投给：${optionTitles[entry.optionId]}`
  return ANSWER_CLASS_LABELS[entry.answerClass] ?? entry.answerClass
}

/** How an objection stands, for the one who filed it. */
export function objectionOutcome(objection: ObjectionView): string {
  if (objection.status === ObjectionStatus.Open) return '业委会还没有答复，答复后会在这里显示。'
  return objection.upheld ? '异议成立：这一户的统计已更正。' : '异议不成立：这一户的统计不变。'
}

export function objectionProblem(text: string, max: number): string | null {
  if (!text.trim()) return '请写一下哪里不对'
  if (text.trim().length > max) return `最多写 ${max} 个字`
  return null
}

/** A survey's anonymity in words the resident relies on before answering. */
export const anonymityNote = (anonymous: boolean) =>
  anonymous
    ? '本问卷不记名：您的回答和您家的房屋分开保存，谁也查不到是哪一户填的。只记下您家已填过，防止重复填写。'
    : '本问卷记名：您的回答会和您家的房屋一起保存，业委会能看到是哪一户填的。'

/** Open surveys my households have not answered yet: home's count. */
export const unansweredSurveys = (surveys: MySurvey[]) => surveys.filter((entry) => !entry.answered && entry.survey.status === 'OPEN').length

export type SurveyDraft = Record<string, { choiceIds?: string[]; rating?: number; text?: string }>

/** The first required question left empty (or a text too long), in words, with its number; null when the answers can be sent. */
export function surveyDraftProblem(questions: SurveyQuestion[], draft: SurveyDraft): string | null {
  for (const [index, question] of questions.entries()) {
    const given = draft[question.id]
    const empty =
      question.kind === QuestionKind.Text ? !given?.text?.trim() : question.kind === QuestionKind.Rating ? given?.rating === undefined : !given?.choiceIds?.length
    if (question.required && empty) return `第 ${index + 1} 题还没有填写`
    if (question.kind === QuestionKind.Text && (given?.text?.trim().length ?? 0) > SURVEY_LIMITS.text) return `第 ${index + 1} 题最多写 ${SURVEY_LIMITS.text} 个字`
  }
  return null
}

/** The request's answers: only questions answered, texts trimmed, in the survey's order. */
export function surveyAnswers(questions: SurveyQuestion[], draft: SurveyDraft): SurveyAnswerItem[] {
  const items: SurveyAnswerItem[] = []
  for (const question of questions) {
    const given = draft[question.id]
    if (!given) continue
    if (question.kind === QuestionKind.Text) {
      if (given.text?.trim()) items.push({ questionId: question.id, text: given.text.trim() })
    } else if (question.kind === QuestionKind.Rating) {
      if (given.rating !== undefined) items.push({ questionId: question.id, rating: given.rating })
    } else if (given.choiceIds?.length) {
      items.push({ questionId: question.id, choiceIds: given.choiceIds })
    }
  }
  return items
}

export const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i)

/** Said above the five rating buttons: a needs survey rates importance, a satisfaction survey contentment. */
export const RATING_HINT = `${RATING_MIN} 分最低，${RATING_MAX} 分最高`

/** What is missing before a complaint can be sent, in words; null when it can. */
export function complaintProblem(householdId: string | null, topic: string | null, text: string, max: number): string | null {
  if (!householdId) return '请先选择是哪一套房屋'
  if (!topic) return '请先选择是关于什么的'
  if (!text.trim()) return '请写一下您的意见或建议'
  if (text.trim().length > max) return `最多写 ${max} 个字`
  return null
}
