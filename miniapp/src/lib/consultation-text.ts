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
