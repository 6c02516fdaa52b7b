/** The resident's side of the pipeline (issue 14): 小区改造 with the advance notice, home's card, and the PLAN_NOTICE message. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { PipelineStage } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { catchBrowserDownloads } from './dom-events'
import { COMPOUND, residentView } from './pipeline-fixtures'
import { homeReads, resident } from './resident-fixtures'
import { findIn } from './staff-fixtures'
import PlanPage from '../src/publicity/plan/index'
import HomePage from '../src/pages/home/index'
import InboxPage from '../src/pages/inbox/index'
import { StorageKey } from '../src/api/storage'

const hongxing = { id: 'h-301', label: '1号楼2单元301', compoundId: COMPOUND, compoundName: '红星小区', unitId: 'u1', role: 'OWNER' }
const guangming = { id: 'h-601', label: '5号楼3单元601', compoundId: 'k-guangming', compoundName: '光明里小区', unitId: 'u9', role: 'OWNER' }
const PIPELINE = `GET /compounds/${COMPOUND}/pipeline`

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
  useRouter.mockReturnValue({ params: { compoundId: COMPOUND } })
})

describe('小区改造', () => {
  it('says the stage in plain words and shows the advance notice as issued, with 保存/打印告知书', async () => {
    serve({ [PIPELINE]: ok(residentView()) })
    const { container } = render(<PlanPage />)
    await screen.findByText('储备库')
    expect(container.querySelector('.plan-stage__words')!.textContent).toBe('小区已列入老旧小区改造项目储备库，正在准备改造条件，还没有开始施工。')
    expect(container.querySelector('.plan-stage__since')!.textContent).toBe('自 2026年11月2日 10:30（北京时间） 起')
    expect(container.querySelector('.plan-notice__title')!.textContent).toBe('小区改造计划提前告知')
    const body = container.querySelector('.plan-notice__body')!.textContent!
    expect(body).toContain('红星小区已列入老旧小区综合整治项目储备库')
    expect(body).toContain('建议您近期暂缓户内装修')
    expect(container.querySelector('.plan-notice__issued')!.textContent).toBe('发出时间：2026年11月2日 10:30（北京时间）')
    expect(screen.getByText('保存/打印告知书')).toBeTruthy()
  })

  it('H5: 保存/打印告知书 fetches the PDF with the resident’s token and opens it for printing', async () => {
    catchBrowserDownloads('blob:plan')
    const fetched = jest.fn(async () => ({ status: 200, ok: true, blob: async () => new Blob(['%PDF']), json: async () => null }))
    globalThis.fetch = fetched as unknown as typeof fetch
    const open = jest.spyOn(window, 'open').mockImplementation(() => ({}) as Window)
    serve({ [PIPELINE]: ok(residentView()) })
    render(<PlanPage />)
    fireEvent.click(await screen.findByText('保存/打印告知书'))
    expect(await screen.findByText('告知书已打开，可以查看或打印。')).toBeTruthy()
    expect(fetched.mock.calls[0]).toEqual([`/api/compounds/${COMPOUND}/pipeline/notice.pdf`, { headers: { Authorization: 'Bearer resident-token' } }])
    expect(open).toHaveBeenCalledWith('blob:plan', '_blank')
    jest.restoreAllMocks()
  })

  it('says so when there is no notice yet', async () => {
    serve({ [PIPELINE]: ok(residentView({ stage: PipelineStage.None, since: null, notice: null })) })
    const { container } = render(<PlanPage />)
    await screen.findByText('未入库')
    expect(container.querySelector('.plan-no-notice')!.textContent).toContain('目前没有改造告知')
    expect(container.querySelector('.plan-notice')).toBeNull()
  })

  it('a compound that is not mine (403) gets the server’s words and no retry', async () => {
    serve({ [PIPELINE]: { statusCode: 403, data: { statusCode: 403, code: 'FORBIDDEN', message: '您没有绑定这个小区的房屋' } } })
    const { container } = render(<PlanPage />)
    expect(await screen.findByText('您没有绑定这个小区的房屋')).toBeTruthy()
    expect(container.querySelector('.plan-reload')).toBeNull()
  })

  it('without a compound it shows my only one, or lets me choose between mine', async () => {
    useRouter.mockReturnValue({ params: {} })
    serve({ 'GET /me': ok({ resident, households: [hongxing] }), [PIPELINE]: ok(residentView()) })
    const { unmount } = render(<PlanPage />)
    await screen.findByText('小区改造计划提前告知')
    unmount()

    serve({ 'GET /me': ok({ resident, households: [hongxing, guangming] }) })
    const chooser = render(<PlanPage />)
    fireEvent.click(await screen.findByText('光明里小区'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/publicity/plan/index?compoundId=k-guangming' })
    expect(chooser.container.querySelector('.plan-stage')).toBeNull()
    expect(sent(PIPELINE)).toHaveLength(1)
  })
})

describe('home', () => {
  it('has a card for each of my compounds in the pipeline, none for one not yet in it, leading to 小区改造', async () => {
    serve({
      ...homeReads([hongxing, guangming]),
      [PIPELINE]: ok(residentView()),
      'GET /compounds/k-guangming/pipeline': ok(residentView({ compoundId: 'k-guangming', compoundName: '光明里小区', stage: PipelineStage.None, notice: null })),
    })
    const { container } = render(<HomePage />)
    const card = await findIn(container, `#plan-entry-${COMPOUND}`)
    expect(card.querySelector('.plan-entry__stage')!.textContent).toBe('红星小区 · 储备库')
    expect(card.querySelector('.plan-entry__words')!.textContent).toBe('可能更换楼内上下水管线，请暂缓厨房、卫生间装修。')
    expect(container.querySelector('#plan-entry-k-guangming')).toBeNull()
    fireEvent.click(card.querySelector('.plan-entry__open')!)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/publicity/plan/index?compoundId=${COMPOUND}` })
  })

  it('shows no card, and no error, when the pipeline cannot be read', async () => {
    serve({ ...homeReads([hongxing]), [PIPELINE]: { statusCode: 500, data: {} } })
    const { container } = render(<HomePage />)
    await waitFor(() => expect(sent(PIPELINE)).toHaveLength(1))
    expect(await screen.findByText('1号楼2单元301')).toBeTruthy()
    expect(container.querySelector('.plan-section')).toBeNull()
  })
})

it('the inbox’s 改造告知 (no consultation) opens 小区改造', async () => {
  const message = { id: 'm-plan', kind: 'PLAN_NOTICE', title: '小区改造计划提前告知', body: '红星小区已列入老旧小区综合整治项目储备库…', consultationId: null, createdAt: '2026-11-02T02:30:00.000Z', readAt: null }
  serve({ 'GET /me/inbox': ok([message]), 'POST /inbox/m-plan/read': ok({ id: 'm-plan', readAt: '2026-11-02T03:00:00.000Z' }) })
  const { container } = render(<InboxPage />)
  const item = await findIn(container, '#inbox-m-plan')
  expect(item.querySelector('.kind-tag')!.textContent).toBe('改造告知')
  expect(item.querySelector('.inbox-item__open')!.textContent).toBe('查看小区改造告知 ›')
  fireEvent.click(item)
  await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/publicity/plan/index' }))
  expect(sent('POST /inbox/m-plan/read')).toHaveLength(1)
})
