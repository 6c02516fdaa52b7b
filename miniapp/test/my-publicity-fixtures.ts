/** Shapes the server answers for a resident's result publicity, boards, complaints and surveys (shared/src/{publicity,records,complaints,surveys}.ts). */
import { AnswerClass, ComplaintStatus, ComplaintTopic, ConsultationKind, DecisionRule, GroupState, ObjectionStatus, PublicityStage, QuestionKind, SurveyPurpose, SurveyStatus } from '@linyi/shared'
import type { CompoundBoards, ComplaintView, MySurvey, ObjectionView, PublicityGroup, PublicityView, SurveyView } from '@linyi/shared'

export const myHouseholds = [{ id: 'h-301', label: '1号楼2单元301', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u1', role: 'OWNER' }]

export function publicityGroup(overrides: Partial<PublicityGroup> = {}): PublicityGroup {
  return {
    groupId: 'u1',
    label: '1号楼2单元',
    state: GroupState.Reached,
    households: 3,
    agreed: 2,
    refused: 0,
    abstained: 0,
    noAnswer: 1,
    areaM2: { total: 255.3, agreed: 170.25, refused: 0, abstained: 0, noAnswer: 85.05 },
    entries: [
      { householdId: 'h-301', label: '1号楼2单元301', answerClass: AnswerClass.Agreed, optionId: null },
      { householdId: 'h-302', label: '1号楼2单元302', answerClass: AnswerClass.Agreed, optionId: null },
      { householdId: 'h-401', label: '1号楼2单元401', answerClass: AnswerClass.NoAnswer, optionId: null },
    ],
    ...overrides,
  }
}

export function objection(overrides: Partial<ObjectionView> = {}): ObjectionView {
  return {
    id: 'o-1',
    consultationId: 'c-plumbing',
    householdId: 'h-401',
    householdLabel: '1号楼2单元401',
    text: '401 已经签过字了',
    status: ObjectionStatus.Open,
    resolution: null,
    upheld: null,
    resolvedAt: null,
    createdAt: '2026-12-05T02:00:00.000Z',
    mine: true,
    filedByHouseholdLabel: null,
    ...overrides,
  }
}

/** Published 1 December 10:00 Beijing; the window closes 8 December 10:00 Beijing (02:00 UTC). */
export function publicityView(overrides: Partial<PublicityView> = {}): PublicityView {
  return {
    consultationId: 'c-plumbing',
    compoundId: 'c1',
    kind: ConsultationKind.PlumbingApplication,
    title: '楼内上下水管线改造申请',
    rule: DecisionRule.Unanimous,
    stage: PublicityStage.Preliminary,
    preview: false,
    preliminaryAt: '2026-12-01T02:00:00.000Z',
    objectionDays: 7,
    objectionClosesAt: '2026-12-08T02:00:00.000Z',
    windowOpen: true,
    finalAt: null,
    snapshotSha256: 'abcdef0123456789',
    groups: [publicityGroup()],
    objections: [],
    openObjections: 0,
    ...overrides,
  }
}

export function boards(overrides: Partial<CompoundBoards> = {}): CompoundBoards {
  return {
    compoundId: 'c1',
    compoundName: '幸福里小区',
    materials: [{ name: 'PPR 给水管', maker: '某某管业有限公司', testReport: 'JC-2026-0312（市建材检测中心）' }],
    parties: [{ role: '施工单位', organisation: '某某建设有限公司', person: '王经理', phone: '13800001111' }],
    complaintPhone: '010-12345678',
    supervisors: [{ householdId: 'h-302', name: '张大爷' }],
    updatedAt: '2026-12-01T02:00:00.000Z',
    ...overrides,
  }
}

export function complaint(overrides: Partial<ComplaintView> = {}): ComplaintView {
  return {
    id: 'cp-1',
    compoundId: 'c1',
    householdId: 'h-301',
    householdLabel: '1号楼2单元301',
    topic: ComplaintTopic.Works,
    text: '楼道里的建筑垃圾三天没清运',
    hasPhoto: false,
    status: ComplaintStatus.Open,
    reply: null,
    repliedAt: null,
    createdAt: '2026-12-02T01:00:00.000Z',
    ...overrides,
  }
}

export function survey(overrides: Partial<SurveyView> = {}): SurveyView {
  return {
    id: 's-1',
    compoundId: 'c1',
    purpose: SurveyPurpose.Satisfaction,
    title: '改造满意度调查',
    intro: '请说说您对这次改造的看法。',
    anonymous: true,
    questions: [
      { id: 'q1', kind: QuestionKind.Single, title: '施工队是否按约定时间上门？', choices: [{ id: 'yes', title: '按时' }, { id: 'no', title: '不按时' }], required: true },
      { id: 'q2', kind: QuestionKind.Multiple, title: '哪些方面还需改进？', choices: [{ id: 'clean', title: '清洁' }, { id: 'noise', title: '噪音' }, { id: 'time', title: '工期' }], required: false },
      { id: 'q3', kind: QuestionKind.Rating, title: '总体满意度', required: true },
      { id: 'q4', kind: QuestionKind.Text, title: '其他建议', required: false },
    ],
    status: SurveyStatus.Open,
    closesAt: '2099-01-01T00:00:00.000Z',
    createdAt: '2026-12-01T00:00:00.000Z',
    publishedAt: '2026-12-01T00:00:00.000Z',
    closedAt: null,
    ...overrides,
  }
}

export const mySurvey = (overrides: Partial<MySurvey> = {}): MySurvey => ({ survey: survey(), householdId: 'h-301', householdLabel: '1号楼2单元301', answered: false, ...overrides })
