import { ConsultationKind, DecisionRule, GroupBy } from '@linyi/shared'

/** What the authoring form's choices are called and what each means, in the order they are offered. */

export const KIND_ORDER: ConsultationKind[] = [
  ConsultationKind.PlumbingApplication,
  ConsultationKind.DesignVote,
  ConsultationKind.WindowGuardConsent,
  ConsultationKind.PropertyServiceAgreement,
  ConsultationKind.FundPledge,
  ConsultationKind.SatisfactionSurvey,
  ConsultationKind.General,
]

export const KIND_HINT: Record<ConsultationKind, string> = {
  [ConsultationKind.PlumbingApplication]: '楼内上下水管线改造：同一单元全部住户书面申请后才能施工。',
  [ConsultationKind.DesignVote]: '外立面色彩、设计方案等，每户选一个方案。',
  [ConsultationKind.WindowGuardConsent]: '拆除外窗护栏等，按楼栋征询意见。',
  [ConsultationKind.PropertyServiceAgreement]: '物业服务标准和收费，按《民法典》由业主共同决定。',
  [ConsultationKind.FundPledge]: '专项维修资金补建、续筹承诺。',
  [ConsultationKind.SatisfactionSurvey]: '改造后的满意度调查，住户（含租户）都可以填写。',
  [ConsultationKind.General]: '其他事项的意见征询，住户（含租户）都可以填写。',
}

export const RULE_ORDER: DecisionRule[] = [DecisionRule.Unanimous, DecisionRule.CivilCodeMajor, DecisionRule.CivilCodeOrdinary, DecisionRule.Plurality]

export const RULE_TEXT: Record<DecisionRule, { label: string; hint: string }> = {
  [DecisionRule.Unanimous]: { label: '全体同意', hint: '每个统计单位的全部住户都同意才通过；一户不同意只影响本单位，不影响其他单位。' },
  [DecisionRule.CivilCodeMajor]: {
    label: '业主共同决定·重大事项（四分之三）',
    hint: '《民法典》第二百七十八条：面积和人数均三分之二以上业主参与，参与者中面积和人数均四分之三以上同意。用于筹集维修资金、改建重建等。',
  },
  [DecisionRule.CivilCodeOrdinary]: {
    label: '业主共同决定·一般事项（过半数）',
    hint: '参与条件同上，参与者中面积和人数均过半数同意。用于选聘物业、制定管理规约等。',
  },
  [DecisionRule.Plurality]: { label: '方案投票（得票最多）', hint: '每户选一个方案；投票率达到设定比例后，得票最多的方案胜出。' },
}

export const GROUP_ORDER: GroupBy[] = [GroupBy.Unit, GroupBy.Building, GroupBy.Compound]

export const GROUP_TEXT: Record<GroupBy, { label: string; hint: string }> = {
  [GroupBy.Unit]: { label: '按单元统计', hint: '每个单元（楼门）单独得出结果；共用一组立管的住户在同一单元。' },
  [GroupBy.Building]: { label: '按楼栋统计', hint: '每栋楼单独得出结果。' },
  [GroupBy.Compound]: { label: '全小区统计', hint: '所有参与的住户合并得出一个结果。' },
}
