import { AcceptanceDecision, AcceptanceStatus, INSPECTION_LIMITS, INSPECTION_TEST_LABELS, RepairStatus, inspectionPasses, missingTests, shanghaiDate } from '@linyi/shared'
import type { AcceptanceProgressHousehold, AcceptanceRecordView, DefectInput, HouseholdAcceptanceView, InspectionRequest, InspectionTest, RepairView, WorkKind } from '@linyi/shared'

/** Where a household stands, as the lists say it: the chip's words and its colour. */
export type HouseholdStage = 'NOT_INSPECTED' | 'FAILED' | 'AWAITING' | 'REWORK' | 'ACCEPTED'

/** Whole Shanghai days from `fromIso` to `now` (0 on the same day). */
export function daysSince(fromIso: string, now: Date): number {
  const day = (iso: string | Date) => Date.parse(`${shanghaiDate(iso)}T00:00:00Z`)
  return Math.max(0, Math.round((day(now) - day(fromIso)) / (24 * 3600 * 1000)))
}

/** A passing inspection since the last rework, not yet accepted: the resident is the one to act (passedAt is null again after a REJECT). */
export function householdStage(household: Pick<AcceptanceProgressHousehold, 'status' | 'inspected' | 'passed' | 'passedAt'>): HouseholdStage {
  if (household.status === AcceptanceStatus.Accepted) return 'ACCEPTED'
  if (household.passedAt) return 'AWAITING'
  if (household.status === AcceptanceStatus.Rework) return 'REWORK'
  return household.inspected ? 'FAILED' : 'NOT_INSPECTED'
}

/** 待检测 / 检测未通过 / 待居民验收 N 天 / 整改中 / 已验收. */
export function stageText(household: Pick<AcceptanceProgressHousehold, 'status' | 'inspected' | 'passed' | 'passedAt'>, now: Date): string {
  const stage = householdStage(household)
  if (stage !== 'AWAITING') return STAGE_LABELS[stage]
  const days = daysSince(household.passedAt!, now)
  return days > 0 ? `待居民验收 ${days} 天` : '待居民验收（今天检测通过）'
}

/** The chase first (longest waiting on top), then everyone else in the server's room order. */
export function chaseFirst<T extends AcceptanceProgressHousehold>(list: T[]): T[] {
  const waiting = list.filter((h) => householdStage(h) === 'AWAITING').sort((a, b) => Date.parse(a.passedAt!) - Date.parse(b.passedAt!))
  return [...waiting, ...list.filter((h) => householdStage(h) !== 'AWAITING')]
}

// ---------- The inspection form ----------

/** One test as the crew fills it in: 合格/不合格 not yet chosen is null. */
export interface TestDraft {
  test: InspectionTest
  passed: boolean | null
  value: string
  photo: string | null
}

export const newTestDraft = (test: InspectionTest): TestDraft => ({ test, passed: null, value: '', photo: null })

/** The tests not on the form yet that may be added (the kind's optional ones, and a required one the crew left out). */
export function addableTests(allowed: InspectionTest[], rows: TestDraft[]): InspectionTest[] {
  const used = new Set(rows.map((row) => row.test))
  return allowed.filter((test) => !used.has(test))
}

/** Why the form cannot be sent yet, in words for the crew, or null. */
export function testsProblem(rows: TestDraft[], note: string): string | null {
  if (!rows.length) return '请至少填写一项检测结果'
  if (rows.length > INSPECTION_LIMITS.results) return `一次最多填写 ${INSPECTION_LIMITS.results} 项`
  const unchosen = rows.find((row) => row.passed === null)
  if (unchosen) return `请为「${INSPECTION_TEST_LABELS[unchosen.test]}」选择合格或不合格`
  const long = rows.find((row) => row.value.trim().length > INSPECTION_LIMITS.value)
  if (long) return `「${INSPECTION_TEST_LABELS[long.test]}」的实测值不能超过 ${INSPECTION_LIMITS.value} 字`
  if (note.trim().length > INSPECTION_LIMITS.note) return `备注不能超过 ${INSPECTION_LIMITS.note} 字`
  return null
}

/** The results as the server takes them: empty values and absent photos left out. */
export function resultsOf(rows: TestDraft[]): InspectionRequest['results'] {
  return rows.map((row) => ({
    test: row.test,
    passed: row.passed === true,
    ...(row.value.trim() ? { value: row.value.trim() } : {}),
    ...(row.photo ? { photoPng: row.photo } : {}),
  }))
}

/** An inspection's or a repair's tests and note as the server takes them (a blank note left out). */
export function testReportOf(rows: TestDraft[], note: string): Pick<InspectionRequest, 'results' | 'note'> {
  return { results: resultsOf(rows), ...(note.trim() ? { note: note.trim() } : {}) }
}

export const inspectionRequestOf = (workPlanId: string, rows: TestDraft[], note: string): InspectionRequest => ({ workPlanId, ...testReportOf(rows, note) })

/** What the crew is told before sending: whether this would pass, and why not (the server decides). */
export function passPreview(kind: WorkKind, rows: TestDraft[]): string | null {
  if (rows.some((row) => row.passed === null)) return null
  const results = rows.map((row) => ({ test: row.test, passed: row.passed === true }))
  if (inspectionPasses(kind, results)) return '各项合格、必检项目齐全：提交后本户检测通过，居民即可验收。'
  const missing = missingTests(kind, results)
  const failed = results.filter((r) => !r.passed).map((r) => `「${INSPECTION_TEST_LABELS[r.test]}」`)
  const reasons = [
    ...(failed.length ? [`${failed.join('')}不合格`] : []),
    ...(missing.length ? [`缺少必检项目${missing.map((t) => `「${INSPECTION_TEST_LABELS[t]}」`).join('')}`] : []),
  ]
  return `提交后本户检测不通过：${reasons.join('；')}。`
}

// ---------- Repairs ----------

const REPAIR_ORDER: Record<RepairStatus, number> = { [RepairStatus.Open]: 0, [RepairStatus.Reopened]: 0, [RepairStatus.Repaired]: 1, [RepairStatus.Accepted]: 2 }

/** Open and reopened first, then those awaiting the resident, then the closed; newest first within each. */
export function repairsOpenFirst(repairs: RepairView[]): RepairView[] {
  return [...repairs].sort((a, b) => REPAIR_ORDER[a.status] - REPAIR_ORDER[b.status] || Date.parse(b.reportedAt) - Date.parse(a.reportedAt))
}

/** The crew records a repair until the resident accepts it; after a failing test it is done again. */
export function repairNeedsWork(repair: Pick<RepairView, 'status' | 'inspections'>): boolean {
  if (repair.status === RepairStatus.Accepted) return false
  if (repair.status === RepairStatus.Repaired) return repair.inspections[0]?.passed === false
  return true
}

export const STAGE_LABELS: Record<HouseholdStage, string> = {
  NOT_INSPECTED: '待检测',
  FAILED: '检测未通过',
  AWAITING: '待居民验收',
  REWORK: '整改中',
  ACCEPTED: '已验收',
}

/** The same stages for one household's view (which says canAccept rather than passedAt). */
export function viewStage(view: Pick<HouseholdAcceptanceView, 'status' | 'inspected' | 'canAccept'>): HouseholdStage {
  if (view.status === AcceptanceStatus.Accepted) return 'ACCEPTED'
  if (view.canAccept) return 'AWAITING'
  if (view.status === AcceptanceStatus.Rework) return 'REWORK'
  return view.inspected ? 'FAILED' : 'NOT_INSPECTED'
}

/** The resident's latest refusal, when the household is in rework: what the crew must fix. */
export function latestDefects(view: Pick<HouseholdAcceptanceView, 'records'>): AcceptanceRecordView | null {
  const latest = view.records[0]
  return latest && latest.decision === AcceptanceDecision.Reject ? latest : null
}

// ---------- The committee's paper form ----------

export interface DefectDraft {
  description: string
  photo: string | null
}

/** Why the paper acceptance cannot be recorded yet, or null. */
export function paperProblem(decision: AcceptanceDecision | null, defects: DefectDraft[], scan: string | null): string | null {
  if (!decision) return '请先选择表上的验收结论'
  if (decision === AcceptanceDecision.Reject) {
    const written = defects.filter((d) => d.description.trim())
    if (!written.length) return '请写明哪里有问题'
    if (written.length > INSPECTION_LIMITS.defects) return `最多写 ${INSPECTION_LIMITS.defects} 个问题`
    if (written.some((d) => d.description.trim().length > INSPECTION_LIMITS.defectDescription)) return `每个问题不超过 ${INSPECTION_LIMITS.defectDescription} 字`
  }
  if (!scan) return '请先拍摄居民签字的纸质验收单'
  return null
}

/** The defects as the server takes them (empty rows dropped); none for ACCEPT. */
export function defectsOf(decision: AcceptanceDecision, defects: DefectDraft[]): DefectInput[] {
  if (decision !== AcceptanceDecision.Reject) return []
  return defects.filter((d) => d.description.trim()).map((d) => ({ description: d.description.trim(), ...(d.photo ? { photoPng: d.photo } : {}) }))
}

// ---------- Owner supervisors ----------

export interface SupervisorDraft {
  householdId: string | null
  name: string
}

/** Why the list cannot be saved, or null: a name for each household picked, no household twice. */
export function supervisorsProblem(slots: SupervisorDraft[]): string | null {
  const picked = slots.filter((s) => s.householdId)
  if (slots.some((s) => !s.householdId && s.name.trim())) return '请为填写的姓名选择房屋'
  if (picked.some((s) => !s.name.trim())) return '请填写每位业主监督员的姓名'
  if (picked.some((s) => s.name.trim().length > INSPECTION_LIMITS.supervisorName)) return `姓名不超过 ${INSPECTION_LIMITS.supervisorName} 个字`
  if (new Set(picked.map((s) => s.householdId)).size < picked.length) return '两位业主监督员不能是同一户'
  return null
}

export const supervisorsRequestOf = (slots: SupervisorDraft[]) => ({
  supervisors: slots.filter((s) => s.householdId).map((s) => ({ householdId: s.householdId!, name: s.name.trim() })),
})
