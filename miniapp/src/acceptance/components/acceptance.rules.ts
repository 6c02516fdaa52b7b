import {
  ACCEPTANCE_REFUSAL_TEXT,
  AcceptanceChannel,
  AcceptanceDecision,
  AcceptanceStatus,
  INSPECTION_LIMITS,
  INSPECTION_TEST_LABELS,
  WARRANTY_PART_LABELS,
} from '@linyi/shared'
import type { AcceptanceRecordView, HouseholdAcceptanceView, InspectionResultView, InspectionTest, RepairView, WarrantyItem, WarrantyView } from '@linyi/shared'
import { decodeParam } from '../../consult/link.rules'
import { formatDateTime } from '../../lib/format'

/** 「2028年12月1日」 from a `YYYY-MM-DD` date (already the Asia/Shanghai day: no zone arithmetic here). */
export function dayText(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return year && month && day ? `${year}年${month}月${day}日` : date
}

export type StateTone = 'todo' | 'done' | 'wait' | 'problem'

export interface AcceptanceState {
  headline: string
  /** What happens next, said so that the resident knows whether anything is asked of them. */
  next: string
  tone: StateTone
}

/** Where the household's acceptance stands, in plain words. */
export function acceptanceState(view: Pick<HouseholdAcceptanceView, 'status' | 'inspected' | 'passed' | 'canAccept' | 'acceptedAt'>): AcceptanceState {
  if (view.status === AcceptanceStatus.Accepted) {
    const when = view.acceptedAt ? `于 ${formatDateTime(view.acceptedAt)} ` : ''
    return { headline: '已验收', next: `您家已${when}验收合格。保修期从验收这天算起，有问题可以在保修期内报修。`, tone: 'done' }
  }
  if (view.canAccept) {
    return { headline: '检测合格，请您验收', next: '请先看下面的检测结果。没有问题，点「确认验收合格」并签名；有问题，点「有问题，不验收」写明哪里不行。', tone: 'todo' }
  }
  if (view.status === AcceptanceStatus.Rework) {
    return { headline: '整改中', next: '您提出的问题已交给施工单位整改。整改完成、重新检测合格后，会通知您再来验收。', tone: 'wait' }
  }
  if (!view.inspected) {
    return { headline: '还没有检测', next: '施工完成后，施工单位会先做通球试验和管根渗漏检查，检测合格后会通知您来验收。', tone: 'wait' }
  }
  if (!view.passed) {
    return { headline: '检测没有通过', next: '施工单位会先整改，再重新检测。检测合格后会通知您来验收。', tone: 'problem' }
  }
  return { headline: '暂时不能验收', next: ACCEPTANCE_REFUSAL_TEXT.NOT_INSPECTED, tone: 'wait' }
}

export const testLabel = (test: InspectionTest) => INSPECTION_TEST_LABELS[test] ?? test

/** 「通球试验：合格」 */
export const resultLine = (result: Pick<InspectionResultView, 'test' | 'passed'>) => `${testLabel(result.test)}：${result.passed ? '合格' : '不合格'}`

/** Why an inspection did not pass although each result it has passed: a required test is missing. */
export const missingText = (missing: InspectionTest[]) => (missing.length ? `缺少必须做的检测：${missing.map(testLabel).join('、')}` : null)

/** 「验收合格」, 「提出问题，没有验收」: what a recorded decision was. */
export function decisionText(record: Pick<AcceptanceRecordView, 'decision' | 'channel'>): string {
  const accepted = record.decision === AcceptanceDecision.Accept
  if (record.channel === AcceptanceChannel.Paper) return accepted ? '纸质验收单：验收合格' : '纸质验收单：提出问题，没有验收'
  return accepted ? '验收合格' : '提出问题，没有验收'
}

/** The defects as typed, with empty lines left out; null when none is written, else why they cannot be sent. */
export function defectsProblem(descriptions: string[]): string | null {
  const written = descriptions.map((d) => d.trim())
  if (!written.some(Boolean)) return '请至少写一条问题，说清楚哪里不行'
  if (written.some((d) => d.length > INSPECTION_LIMITS.defectDescription)) return `每条问题最多 ${INSPECTION_LIMITS.defectDescription} 个字`
  return null
}

export const ACCEPTED_WORDS = '验收完成，谢谢您！保修告知书已经生成，可以在下面查看。'

export const REJECTED_WORDS = '已把您提出的问题交给施工单位。整改完成、重新检测合格后，会通知您再来验收。'

export const SIGNED_OFF_WORDS = '已签字。您的监督员签字已和这户的验收记录存在一起。'

// ---------- Warranty and repairs ----------

export const partLabel = (item: Pick<WarrantyItem, 'part'>) => WARRANTY_PART_LABELS[item.part] ?? item.part

/** 「2026年12月3日 至 2028年12月2日」 */
export const periodText = (item: Pick<WarrantyItem, 'startsOn' | 'endsOn'>) => `${dayText(item.startsOn)} 至 ${dayText(item.endsOn)}`

export const RESTARTED_TEXT = '维修验收后重新计算'

/** The items a repair may be reported on: one choice per item, named by the plan too when two plans cover one part. */
export function repairChoices(view: Pick<WarrantyView, 'items'>): Array<{ key: string; part: WarrantyItem['part']; workPlanId: string; text: string }> {
  const count = (part: string) => view.items.filter((item) => item.part === part).length
  return view.items.map((item) => ({
    key: `${item.workPlanId}:${item.part}`,
    part: item.part,
    workPlanId: item.workPlanId,
    text: count(item.part) > 1 ? `${partLabel(item)}（${item.title}）` : partLabel(item),
  }))
}

export const UNDER_WARRANTY_TEXT = '在保修期内'
export const OUT_OF_WARRANTY_TEXT = '已过保修期，施工单位仍会上门查看，可能收费'

export const reportedWords = (underWarranty: boolean) =>
  underWarranty ? `已报修，${UNDER_WARRANTY_TEXT}。施工单位会联系您上门维修。` : `已报修。这个部位${OUT_OF_WARRANTY_TEXT}。`

export const repairAcceptedWords = (repair: Pick<RepairView, 'part' | 'underWarranty'>) =>
  repair.underWarranty
    ? `已确认修好。${WARRANTY_PART_LABELS[repair.part]}的保修期从今天重新计算，新的保修告知书在上面。`
    : '已确认修好。'

export const REPAIR_REOPENED_WORDS = '已告诉施工单位还没修好，他们会再来维修。'

/** Why the repair report cannot be sent yet, or null. */
export function repairProblem(choice: string | null, description: string): string | null {
  if (!choice) return '请先选择哪里坏了'
  const text = description.trim()
  if (!text) return '请写一下坏在哪里、什么情况'
  if (text.length > INSPECTION_LIMITS.repairDescription) return `最多 ${INSPECTION_LIMITS.repairDescription} 个字`
  return null
}

// ---------- Links ----------

/** Ids the server hands out (UUIDs), and the short ones of tests and demos. */
const ID_SHAPE = /^[A-Za-z0-9-]{1,64}$/

/** Why the page's link cannot be used, or null: an id that is there must look like one; `required` ones must be there. */
export function linkProblem(params: Record<string, string | undefined>, names: string[], required: string[] = []): string | null {
  for (const name of names) {
    const value = decodeParam(params[name])
    if (!value && required.includes(name)) return '链接不完整：缺少房屋编号，请从首页重新打开。'
    if (value && !ID_SHAPE.test(value)) return '链接有误：编号不正确，请从首页重新打开。'
  }
  return null
}
