import { Answer, ConsultationKind, ConsultationStatus, GroupBy, GroupState } from '@linyi/shared'
import type { ConsultationView, GroupView } from '@linyi/shared'

const KIND_LABEL: Record<ConsultationKind, string> = {
  [ConsultationKind.DesignVote]: '设计方案投票',
  [ConsultationKind.PlumbingApplication]: '上下水管线改造申请',
  [ConsultationKind.WindowGuardConsent]: '拆除外窗护栏意见',
  [ConsultationKind.PropertyServiceAgreement]: '物业服务协议',
  [ConsultationKind.FundPledge]: '维修资金续筹承诺',
  [ConsultationKind.SatisfactionSurvey]: '满意度调查',
  [ConsultationKind.General]: '意见征询',
}

export const kindLabel = (kind: ConsultationKind): string => KIND_LABEL[kind] ?? '意见征询'

/** What a household's answer means in this consultation, e.g. "已申请" or "未填写". */
export function answerLabel(kind: ConsultationKind, answer: Answer | null): string {
  if (answer === null) return '未填写'
  switch (answer) {
    case Answer.Agree:
      return kind === ConsultationKind.PlumbingApplication ? '已申请' : '已同意'
    case Answer.Refuse:
      return '不同意'
    case Answer.Abstain:
      return '弃权'
    case Answer.Option:
      return '已投票'
  }
  return '已填写'
}

const GROUP_WORD: Record<GroupBy, string> = {
  [GroupBy.Unit]: '本单元',
  [GroupBy.Building]: '本楼',
  [GroupBy.Compound]: '本小区',
}

/** "本单元 9/12 户已申请": the count that decides this kind of consultation. */
export function groupProgress(consultation: Pick<ConsultationView, 'kind' | 'groupBy'>, group: GroupView): string {
  const where = GROUP_WORD[consultation.groupBy] ?? '本组'
  if (consultation.kind === ConsultationKind.DesignVote) return `${where} ${group.responded}/${group.households} 户已投票`
  const verb = consultation.kind === ConsultationKind.PlumbingApplication ? '已申请' : '已同意'
  return `${where} ${group.agreed}/${group.households} 户${verb}`
}

const GROUP_STATE_LABEL: Record<GroupState, string> = {
  [GroupState.Reached]: '已达成',
  [GroupState.Pending]: '进行中',
  [GroupState.Failed]: '未达成',
}

export const groupStateLabel = (state: GroupState): string => GROUP_STATE_LABEL[state] ?? state

/** Answers may change while the consultation is open and its deadline has not passed. */
export function isAnswerable(consultation: Pick<ConsultationView, 'status' | 'deadline'>, now = Date.now()): boolean {
  return consultation.status === ConsultationStatus.Open && now < new Date(consultation.deadline).getTime()
}

/** The first 8 characters of the evidence hash, read out as the receipt number (存证编号). */
export const evidenceShort = (sha256: string): string => sha256.slice(0, 8)

/** An answer as the resident said it, for a sentence: "同意", "不同意", "弃权", "方案A：保留原门楼". */
export function answerInWords(consultation: Pick<ConsultationView, 'kind' | 'options'>, answer: Answer, optionId: string | null = null): string {
  switch (answer) {
    case Answer.Agree:
      return consultation.kind === ConsultationKind.PlumbingApplication ? '同意并申请改造' : '同意'
    case Answer.Refuse:
      return '不同意'
    case Answer.Abstain:
      return '弃权'
    case Answer.Option:
      return consultation.options.find((option) => option.id === optionId)?.title ?? '所选方案'
  }
  return '已填写'
}

interface Given {
  answer: Answer
  optionId?: string | null
}

/** A new answer replaces an earlier one only when it says something else (re-signing the same answer does not). */
export const replacesAnswer = (earlier: Given | null, next: Given): boolean =>
  earlier !== null && (earlier.answer !== next.answer || (earlier.optionId ?? null) !== (next.optionId ?? null))

/** The question asked before replacing: it names both answers, so one stray tap cannot undo a vote. */
export function replaceQuestion(consultation: Pick<ConsultationView, 'kind' | 'options'>, earlier: Given, next: Given): string {
  const before = answerInWords(consultation, earlier.answer, earlier.optionId ?? null)
  const after = answerInWords(consultation, next.answer, next.optionId ?? null)
  return `您已提交的意见是「${before}」。确定改为「${after}」吗？改后以新的意见为准。`
}
