/** The publicity page's rules (what may be pressed now, and why not) and the boards form's request and problems. */
import { ConsultationStatus, ObjectionStatus, PublicityStage } from '@linyi/shared'
import { boardsDraft, boardsProblems, boardsRequest } from '../src/staff/components/publicity/boards.rules'
import { daysLeftText, finalBlocked, objectionDaysProblem, objectionsInOrder, preliminaryBlocked, steppedDays } from '../src/staff/components/publicity/publicity-staff.rules'
import { consultation } from './consultation-fixtures'
import { CLOSES_AT, boards, objection, preliminary, publicityView } from './staff-publicity-fixtures'

const closes = new Date(CLOSES_AT).getTime()
const HOUR = 3600 * 1000

describe('preliminaryBlocked', () => {
  const deadline = '2026-12-03T10:00:00.000Z'
  const before = new Date(deadline).getTime() - 1
  it('waits for the deadline of an open consultation, and refuses drafts and a second publication', () => {
    expect(preliminaryBlocked(consultation({ deadline }), publicityView(), before)).toContain('征询截止（2026年12月3日 18:00（北京时间））后')
    expect(preliminaryBlocked(consultation({ deadline }), publicityView(), before + 1)).toBeNull()
    expect(preliminaryBlocked(consultation({ status: ConsultationStatus.Closed, deadline }), publicityView(), before)).toBeNull()
    expect(preliminaryBlocked(consultation({ status: ConsultationStatus.Draft, deadline }), publicityView(), before + HOUR)).toContain('还没有开始')
    expect(preliminaryBlocked(consultation({ status: ConsultationStatus.Closed }), preliminary(), before)).toBe('初步统计结果已经发布过了。')
  })
})

describe('finalBlocked', () => {
  it('needs the preliminary result, the window closed and every objection answered', () => {
    expect(finalBlocked(publicityView(), closes)).toContain('请先发布初步统计结果')
    expect(finalBlocked(preliminary(), closes - 1)).toBe('异议期到 2026年12月10日 18:00（北京时间） 结束，结束后才能发布最终结果。')
    // A page left open past the window's end lets the committee try: the server decides.
    expect(finalBlocked(preliminary(), closes)).toBeNull()
    expect(finalBlocked(preliminary({ windowOpen: false, openObjections: 2 }), closes - HOUR)).toBe('还有 2 条异议没有答复，全部答复后才能发布最终结果。')
    expect(finalBlocked(preliminary({ windowOpen: false }), closes - HOUR)).toBeNull()
    expect(finalBlocked(preliminary({ stage: PublicityStage.Final }), closes)).toBe('最终结果已经发布。')
  })
})

describe('objection days', () => {
  it('accepts whole days from 1 to 30 only', () => {
    expect(['1', '7', '30', ' 12 '].map(objectionDaysProblem)).toEqual([null, null, null, null])
    expect(['0', '31', '2.5', '', 'abc', '-3'].map(objectionDaysProblem).every((p) => p === '异议期须为 1 到 30 天')).toBe(true)
  })
  it('steps within the range, from the default when the box is not a number', () => {
    expect([steppedDays('7', 1), steppedDays('7', -1), steppedDays('30', 1), steppedDays('1', -1), steppedDays('', 1)]).toEqual(['8', '6', '30', '1', '7'])
  })
  it('counts whole days left, then less than a day, then nothing', () => {
    expect(daysLeftText(CLOSES_AT, closes - 3 * 24 * HOUR - HOUR)).toBe('还剩 3 天')
    expect(daysLeftText(CLOSES_AT, closes - HOUR)).toBe('不到 1 天')
    expect(daysLeftText(CLOSES_AT, closes)).toBeNull()
    expect(daysLeftText(null, closes)).toBeNull()
  })
})

it('orders open objections oldest first, then answered ones by newest answer', () => {
  const list = [
    objection({ id: 'a1', status: ObjectionStatus.Resolved, resolvedAt: '2026-12-05T00:00:00.000Z' }),
    objection({ id: 'o2', createdAt: '2026-12-06T00:00:00.000Z' }),
    objection({ id: 'a2', status: ObjectionStatus.Resolved, resolvedAt: '2026-12-07T00:00:00.000Z' }),
    objection({ id: 'o1', createdAt: '2026-12-04T00:00:00.000Z' }),
  ]
  expect(objectionsInOrder(list).map((o) => o.id)).toEqual(['o1', 'o2', 'a2', 'a1'])
})

describe('the boards form', () => {
  it('offers the four standard parties on empty boards and keeps recorded ones as they are', () => {
    expect(boardsDraft(boards({ parties: [] })).parties.map((p) => p.role)).toEqual(['建设单位', '设计单位', '施工单位', '监理单位'])
    expect(boardsDraft(boards()).parties).toEqual(boards().parties)
    expect(boardsDraft(boards({ complaintPhone: null })).complaintPhone).toBe('')
  })

  it('drops blank rows (an offered role alone is blank), trims text and makes phones plain', () => {
    const request = boardsRequest({
      materials: [{ name: ' 管材 ', maker: '厂', testReport: '报告' }, { name: ' ', maker: '', testReport: '' }],
      parties: [{ role: '建设单位', organisation: '', person: '', phone: '' }, { role: '施工单位', organisation: '某公司', person: '王工', phone: '138 0000 1111' }],
      complaintPhone: '  ',
    })
    expect(request).toEqual({
      materials: [{ name: '管材', maker: '厂', testReport: '报告' }],
      parties: [{ role: '施工单位', organisation: '某公司', person: '王工', phone: '13800001111' }],
      complaintPhone: null,
    })
  })

  it('names every problem with its row, and text over the limits', () => {
    const long = '长'.repeat(61)
    expect(
      boardsProblems({
        materials: [{ name: long, maker: '厂', testReport: '报'.repeat(121) }],
        parties: [{ role: '', organisation: '某公司', person: '', phone: '123' }],
        complaintPhone: '010-64001234',
      }),
    ).toEqual([
      '材料第 1 项：名称和厂家每项最多 60 个字',
      '材料第 1 项：检验报告最多 120 个字',
      '责任单位第 1 个：请填写单位类别（如施工单位）',
      '责任单位第 1 个：请填写负责人',
      '责任单位第 1 个：联系电话应为手机号或带区号的座机，如 010-64001234',
    ])
    expect(boardsProblems(boardsDraft(boards()))).toEqual([])
  })
})
