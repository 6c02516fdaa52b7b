import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { AnswerClass, DecisionRule, ObjectionStatus, PublicityStage } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { catchBrowserDownloads, typeInto } from './dom-events'
import { myHouseholds, objection, publicityGroup, publicityView } from './my-publicity-fixtures'
import { resident } from './resident-fixtures'
import ResultPage from '../src/publicity/result/index'
import { StorageKey } from '../src/api/storage'

const PUBLICITY = 'GET /consultations/c-plumbing/publicity'
const OBJECT = 'POST /consultations/c-plumbing/objections'
const ME = { 'GET /me': ok({ resident, households: myHouseholds }) }

const entry = (container: HTMLElement, householdId: string) => container.querySelector(`#publicity-entry-${householdId}`) as HTMLElement

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
  useRouter.mockReturnValue({ params: { consultationId: 'c-plumbing' } })
  // 5 December 2026, 12:00 Beijing: three Beijing days before the window closes on the 8th.
  jest.useFakeTimers({ now: new Date('2026-12-05T04:00:00.000Z'), advanceTimers: true })
})
afterEach(() => jest.useRealTimers())

it('shows the stage, the window’s end in Beijing time with the days left, and each group’s counts by households and area', async () => {
  serve({ ...ME, [PUBLICITY]: ok(publicityView()) })
  const { container } = render(<ResultPage />)
  expect(await screen.findByText('初步统计结果公示')).toBeTruthy()
  expect(screen.getByText('异议期还剩 3 天：2026年12月8日 10:00（北京时间） 截止')).toBeTruthy()
  expect(screen.getByText('公示时间：2026年12月1日 10:00（北京时间）')).toBeTruthy()
  expect(screen.getByText('公示存证编号：abcdef01')).toBeTruthy()
  const group = container.querySelector('#publicity-group-u1') as HTMLElement
  expect(within(group).getByText('已达成')).toBeTruthy()
  expect(within(group).getByText('共 3 户，专有部分面积共 255.3平方米')).toBeTruthy()
  expect([...group.querySelectorAll('.publicity-count')].map((c) => c.textContent)).toEqual([
    '同意：2 户，共 170.25平方米',
    '不同意：0 户，共 0平方米',
    '弃权：0 户，共 0平方米',
    '未表态：1 户，共 85.05平方米',
  ])
  expect(sent(PUBLICITY)[0].header.Authorization).toBe('Bearer resident-token')
})

it('lists each room with its answer class only, marks my household, and opens the list where my home is', async () => {
  serve({ ...ME, [PUBLICITY]: ok(publicityView({ groups: [publicityGroup(), publicityGroup({ groupId: 'u2', label: '2号楼1单元', entries: [{ householdId: 'h-x', label: '2号楼1单元101', answerClass: AnswerClass.Refused, optionId: null }] })] })) })
  const { container } = render(<ResultPage />)
  await waitFor(() => expect(entry(container, 'h-301')).toBeTruthy())
  expect(entry(container, 'h-301').querySelector('.publicity-entry__label')!.textContent).toBe('1号楼2单元301（我家）')
  expect(entry(container, 'h-401').querySelector('.publicity-entry__answer')!.textContent).toBe('未表态')
  expect(entry(container, 'h-302').querySelector('.publicity-entry__label')!.textContent).toBe('1号楼2单元302')
  // The other building's list starts folded and unfolds on request.
  expect(entry(container, 'h-x')).toBeNull()
  fireEvent.click(screen.getByText('查看每户情况（1 户）'))
  expect(entry(container, 'h-x').querySelector('.publicity-entry__answer')!.textContent).toBe('不同意')
})

it('a vote names the option each room voted for, from the consultation', async () => {
  const voted = publicityGroup({ entries: [{ householdId: 'h-301', label: '1号楼2单元301', answerClass: AnswerClass.Option, optionId: 'a' }], optionVotes: [{ optionId: 'a', votes: 1 }] })
  serve({
    ...ME,
    [PUBLICITY]: ok(publicityView({ rule: DecisionRule.Plurality, groups: [voted] })),
    'GET /consultations/c-plumbing': ok({ id: 'c-plumbing', options: [{ id: 'a', title: '方案一：灰色大门' }] }),
  })
  const { container } = render(<ResultPage />)
  await waitFor(() => expect(entry(container, 'h-301')?.querySelector('.publicity-entry__answer')?.textContent).toBe('投给：方案一：灰色大门'))
  expect(container.querySelector('.publicity-count--option')!.textContent).toBe('方案一：灰色大门：1 票')
})

it('我有异议: the form opens under the room, needs words, sends them for that room, then shows my objection waiting for an answer', async () => {
  const filed = objection()
  serve({
    ...ME,
    [PUBLICITY]: [ok(publicityView()), ok(publicityView({ objections: [filed], openObjections: 1 }))],
    [OBJECT]: { statusCode: 201, data: filed },
  })
  const { container } = render(<ResultPage />)
  await waitFor(() => expect(entry(container, 'h-401')).toBeTruthy())
  fireEvent.click(within(entry(container, 'h-401')).getByText('我有异议'))
  const form = within(entry(container, 'h-401')).getByText('对 1号楼2单元401 的统计有异议').closest('.objection-form') as HTMLElement
  fireEvent.click(within(form).getByText('提交异议'))
  expect(within(form).getByText('请写一下哪里不对')).toBeTruthy()
  expect(sent(OBJECT)).toHaveLength(0)

  typeInto(form.querySelector('.objection-text')!, '  401 已经签过字了 ')
  fireEvent.click(within(form).getByText('提交异议'))
  expect(await screen.findByText('异议已提交。业委会核实后会答复您，答复显示在本页上方“我提出的异议”里。')).toBeTruthy()
  expect(sent(OBJECT).map((r) => r.data)).toEqual([{ householdId: 'h-401', text: '401 已经签过字了' }])
  const card = container.querySelector('#objection-o-1') as HTMLElement
  expect(within(card).getByText('待答复')).toBeTruthy()
  expect(within(card).getByText('我的异议：401 已经签过字了')).toBeTruthy()
  expect(within(card).getByText('提出时间：2026年12月5日 10:00（北京时间）')).toBeTruthy()
  expect(container.querySelector('.objection-form')).toBeNull()
})

it('shows the committee’s answer to my objection', async () => {
  const answered = objection({ status: ObjectionStatus.Resolved, upheld: true, resolution: '经核实 401 已签字，已更正为同意', resolvedAt: '2026-12-06T01:30:00.000Z' })
  serve({ ...ME, [PUBLICITY]: ok(publicityView({ objections: [answered] })) })
  const { container } = render(<ResultPage />)
  await waitFor(() => expect(container.querySelector('#objection-o-1')).toBeTruthy())
  const card = container.querySelector('#objection-o-1') as HTMLElement
  expect(within(card).getByText('已答复')).toBeTruthy()
  expect(within(card).getByText('异议成立：这一户的统计已更正。')).toBeTruthy()
  expect(within(card).getByText('业委会答复：经核实 401 已签字，已更正为同意')).toBeTruthy()
  expect(within(card).getByText('答复时间：2026年12月6日 09:30（北京时间）')).toBeTruthy()
})

it('when the window has just closed, the server’s refusal is shown and the page reads again without the objection buttons', async () => {
  serve({
    ...ME,
    [PUBLICITY]: [ok(publicityView()), ok(publicityView({ windowOpen: false }))],
    [OBJECT]: conflict('OBJECTION_WINDOW_CLOSED', '异议期已于 2026年12月8日 10:00 结束，不能再提出异议'),
  })
  const { container } = render(<ResultPage />)
  await waitFor(() => expect(entry(container, 'h-401')).toBeTruthy())
  fireEvent.click(within(entry(container, 'h-401')).getByText('我有异议'))
  typeInto(container.querySelector('.objection-text')!, '不对')
  fireEvent.click(screen.getByText('提交异议'))
  expect(await screen.findByText('异议期已于 2026年12月8日 10:00 结束，不能再提出异议')).toBeTruthy()
  await waitFor(() => expect(screen.queryByText('我有异议')).toBeNull())
  expect(sent(PUBLICITY)).toHaveLength(2)
  expect(screen.getByText('异议期已于 2026年12月8日 10:00（北京时间） 结束')).toBeTruthy()
})

it('the final result offers no objection and says when it was published', async () => {
  serve({ ...ME, [PUBLICITY]: ok(publicityView({ stage: PublicityStage.Final, windowOpen: false, finalAt: '2026-12-09T02:00:00.000Z' })) })
  render(<ResultPage />)
  expect(await screen.findByText('最终结果公示')).toBeTruthy()
  expect(screen.getByText('最终结果公布时间：2026年12月9日 10:00（北京时间）')).toBeTruthy()
  expect(screen.queryByText('我有异议')).toBeNull()
})

it('before publication it says the result is not published and shows no counts and no notice', async () => {
  serve({ ...ME, [PUBLICITY]: ok(publicityView({ stage: PublicityStage.None, windowOpen: false, preliminaryAt: null, objectionClosesAt: null, snapshotSha256: null, groups: [] })) })
  const { container } = render(<ResultPage />)
  expect(await screen.findByText('结果尚未公示')).toBeTruthy()
  expect(container.querySelector('.publicity-group')).toBeNull()
  expect(screen.queryByText('下载公示公告（PDF）')).toBeNull()
})

it('H5: 下载公示公告 fetches the notice with the resident’s token and opens it for printing', async () => {
  catchBrowserDownloads('blob:notice')
  const fetched = jest.fn(async () => ({ status: 200, ok: true, blob: async () => new Blob(['%PDF']), json: async () => null }))
  globalThis.fetch = fetched as unknown as typeof fetch
  const open = jest.spyOn(window, 'open').mockImplementation(() => ({}) as Window)
  serve({ ...ME, [PUBLICITY]: ok(publicityView()) })
  render(<ResultPage />)
  fireEvent.click(await screen.findByText('下载公示公告（PDF）'))
  expect(await screen.findByText('公告已打开，可以查看或打印。')).toBeTruthy()
  expect(fetched.mock.calls[0]).toEqual(['/api/consultations/c-plumbing/result-notice.pdf', { headers: { Authorization: 'Bearer resident-token' } }])
  expect(open).toHaveBeenCalledWith('blob:notice', '_blank')
  jest.restoreAllMocks()
})

it('without a consultation it lists the published results, those open to objections first, and opens one', async () => {
  useRouter.mockReturnValue({ params: {} })
  serve({
    'GET /me/publicity': ok([
      { consultationId: 'c-final', title: '加装电梯意见征询', kind: 'ELEVATOR', stage: PublicityStage.Final, objectionClosesAt: null, windowOpen: false, finalAt: '2026-11-01T00:00:00.000Z' },
      { consultationId: 'c-plumbing', title: '楼内上下水管线改造申请', kind: 'PLUMBING_APPLICATION', stage: PublicityStage.Preliminary, objectionClosesAt: '2026-12-08T02:00:00.000Z', windowOpen: true, finalAt: null },
    ]),
  })
  const { container } = render(<ResultPage />)
  await waitFor(() => expect(container.querySelectorAll('.publicity-item')).toHaveLength(2))
  const items = [...container.querySelectorAll('.publicity-item')]
  expect(items[0].textContent).toContain('异议期中，可提出异议')
  expect(items[1].textContent).toContain('最终结果')
  fireEvent.click(within(items[0] as HTMLElement).getByText('查看结果'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/publicity/result/index?consultationId=c-plumbing' })
})

it('a broken link says so before asking the server', async () => {
  useRouter.mockReturnValue({ params: { consultationId: 'bad id!' } })
  serve({})
  render(<ResultPage />)
  expect(screen.getByText('链接有误：编号不正确，请从首页重新打开。')).toBeTruthy()
  expect(Taro.request).not.toHaveBeenCalled()
})
