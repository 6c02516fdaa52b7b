/** The staff acceptance screens' pure rules: stages in words, the chase order, the forms' problems and what they send. */
import { AcceptanceDecision, AcceptanceStatus, InspectionTest, WorkKind } from '@linyi/shared'
import {
  chaseFirst,
  daysSince,
  defectsOf,
  householdStage,
  inspectionRequestOf,
  newTestDraft,
  paperProblem,
  passPreview,
  stageText,
  supervisorsProblem,
  testsProblem,
} from '../src/staff/components/acceptance/acceptance-staff.rules'

const base = { status: AcceptanceStatus.Pending, inspected: false, passed: false, passedAt: null as string | null }
const now = new Date('2026-12-10T02:00:00.000Z')

describe('stages', () => {
  it('names each stage; a household re-inspected and passed after a rework waits on the resident again', () => {
    expect(stageText(base, now)).toBe('待检测')
    expect(stageText({ ...base, inspected: true }, now)).toBe('检测未通过')
    expect(stageText({ ...base, status: AcceptanceStatus.Rework, inspected: true, passed: true }, now)).toBe('整改中')
    expect(stageText({ ...base, status: AcceptanceStatus.Rework, inspected: true, passed: true, passedAt: '2026-12-08T02:00:00.000Z' }, now)).toBe('待居民验收 2 天')
    expect(stageText({ ...base, status: AcceptanceStatus.Accepted, passedAt: '2026-12-08T02:00:00.000Z' }, now)).toBe('已验收')
    expect(stageText({ ...base, inspected: true, passed: true, passedAt: '2026-12-10T01:00:00.000Z' }, now)).toBe('待居民验收（今天检测通过）')
  })

  it('counts days in Beijing: 23:30 UTC is already the next day there', () => {
    // 2026-12-08 23:30 UTC is 07:30 on 9 December in Beijing; now is 10:00 on 10 December.
    expect(daysSince('2026-12-08T23:30:00.000Z', now)).toBe(1)
    expect(daysSince('2026-12-08T15:59:00.000Z', now)).toBe(2)
  })

  it('puts those waiting on the resident first, longest waiting on top, and keeps the others in room order', () => {
    const list = [
      { ...base, householdId: 'a', label: 'a', acceptedAt: null },
      { ...base, householdId: 'b', label: 'b', acceptedAt: null, inspected: true, passed: true, passedAt: '2026-12-09T02:00:00.000Z' },
      { ...base, householdId: 'c', label: 'c', acceptedAt: null, status: AcceptanceStatus.Rework },
      { ...base, householdId: 'd', label: 'd', acceptedAt: null, inspected: true, passed: true, passedAt: '2026-12-05T02:00:00.000Z' },
    ]
    expect(chaseFirst(list).map((h) => h.householdId)).toEqual(['d', 'b', 'a', 'c'])
    expect(householdStage(list[2])).toBe('REWORK')
  })
})

describe('the inspection form', () => {
  const passed = (test: InspectionTest, ok = true) => ({ ...newTestDraft(test), passed: ok })

  it('asks for a verdict on every test, and keeps values and the note within the limits', () => {
    expect(testsProblem([], '')).toBe('请至少填写一项检测结果')
    expect(testsProblem([passed(InspectionTest.BallPass), newTestDraft(InspectionTest.NoLeak)], '')).toBe('请为「管根不渗不漏」选择合格或不合格')
    expect(testsProblem([{ ...passed(InspectionTest.BallPass), value: 'x'.repeat(41) }], '')).toBe('「通球试验」的实测值不能超过 40 字')
    expect(testsProblem([passed(InspectionTest.BallPass)], 'x'.repeat(301))).toBe('备注不能超过 300 字')
    expect(testsProblem([passed(InspectionTest.BallPass)], 'x'.repeat(300))).toBeNull()
  })

  it('warns that a plumbing inspection without NO_LEAK or with a failed test will not pass', () => {
    expect(passPreview(WorkKind.Plumbing, [passed(InspectionTest.BallPass)])).toBe('提交后本户检测不通过：缺少必检项目「管根不渗不漏」。')
    expect(passPreview(WorkKind.Plumbing, [passed(InspectionTest.BallPass, false), passed(InspectionTest.NoLeak)])).toBe('提交后本户检测不通过：「通球试验」不合格。')
    expect(passPreview(WorkKind.Plumbing, [passed(InspectionTest.BallPass), passed(InspectionTest.NoLeak)])).toContain('提交后本户检测通过')
    expect(passPreview(WorkKind.Windows, [passed(InspectionTest.WindowSeal)])).toBe('提交后本户检测不通过：缺少必检项目「开关灵活、五金齐全」。')
    expect(passPreview(WorkKind.Plumbing, [newTestDraft(InspectionTest.BallPass)])).toBeNull()
  })

  it('sends trimmed values, photos only when taken, a note only when written', () => {
    const rows = [
      { ...passed(InspectionTest.BallPass), value: '  Φ75 球 ', photo: 'data:image/jpeg;base64,QQ==' },
      { ...passed(InspectionTest.NoLeak, false), value: '  ' },
    ]
    expect(inspectionRequestOf('p1', rows, '  ')).toEqual({
      workPlanId: 'p1',
      results: [
        { test: InspectionTest.BallPass, passed: true, value: 'Φ75 球', photoPng: 'data:image/jpeg;base64,QQ==' },
        { test: InspectionTest.NoLeak, passed: false },
      ],
    })
  })
})

describe('the paper form and the supervisors', () => {
  it('needs a decision, a defect for a refusal and the scan', () => {
    const defect = { description: ' 地面没恢复 ', photo: null }
    expect(paperProblem(null, [], 'png')).toBe('请先选择表上的验收结论')
    expect(paperProblem(AcceptanceDecision.Reject, [{ description: '  ', photo: null }], 'png')).toBe('请写明哪里有问题')
    expect(paperProblem(AcceptanceDecision.Reject, [{ description: 'x'.repeat(201), photo: null }], 'png')).toBe('每个问题不超过 200 字')
    expect(paperProblem(AcceptanceDecision.Accept, [], null)).toBe('请先拍摄居民签字的纸质验收单')
    expect(paperProblem(AcceptanceDecision.Reject, [defect], 'png')).toBeNull()
    expect(defectsOf(AcceptanceDecision.Reject, [defect, { description: '', photo: 'x' }])).toEqual([{ description: '地面没恢复' }])
    expect(defectsOf(AcceptanceDecision.Accept, [defect])).toEqual([])
  })

  it('needs a name for each household, and two different households', () => {
    expect(supervisorsProblem([{ householdId: null, name: '' }, { householdId: null, name: '' }])).toBeNull()
    expect(supervisorsProblem([{ householdId: 'h1', name: ' ' }, { householdId: null, name: '' }])).toBe('请填写每位业主监督员的姓名')
    expect(supervisorsProblem([{ householdId: null, name: '王' }, { householdId: null, name: '' }])).toBe('请为填写的姓名选择房屋')
    expect(supervisorsProblem([{ householdId: 'h1', name: '王' }, { householdId: 'h1', name: '李' }])).toBe('两位业主监督员不能是同一户')
    expect(supervisorsProblem([{ householdId: 'h1', name: 'x'.repeat(21) }])).toBe('姓名不超过 20 个字')
  })
})
