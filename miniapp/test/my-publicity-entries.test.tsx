import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { Answer, PublicityStage } from '@linyi/shared'
import Taro, { ok, registerCanvas, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { catchBrowserDownloads } from './dom-events'
import { consultation, mine } from './consultation-fixtures'
import { fakeCanvas } from './fake-canvas'
import { myHouseholds, mySurvey, survey } from './my-publicity-fixtures'
import { homeReads, resident } from './resident-fixtures'
import HomePage from '../src/pages/home/index'
import InboxPage from '../src/pages/inbox/index'
import ConsultationPage from '../src/consult/detail/index'
import { StorageKey } from '../src/api/storage'
import type { InboxMessage } from '../src/api/reminder-types'

const inWindow = { consultationId: 'c-plumbing', title: '楼内上下水管线改造申请', kind: 'PLUMBING_APPLICATION', stage: PublicityStage.Preliminary, objectionClosesAt: '2099-01-01T00:00:00.000Z', windowOpen: true, finalAt: null }

/** A PDF as H5 fetches it, opened in a new tab. */
function servePdfs() {
  catchBrowserDownloads('blob:pdf')
  const fetched = jest.fn(async (_url: string, _init?: RequestInit) => ({ status: 200, ok: true, blob: async () => new Blob(['%PDF']), json: async () => null }))
  globalThis.fetch = fetched as unknown as typeof fetch
  jest.spyOn(window, 'open').mockImplementation(() => ({}) as Window)
  return fetched
}

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
})
afterEach(() => jest.restoreAllMocks())

describe('公示与意见 on home', () => {
  it('says how many results are open to objections and how many surveys wait, and opens each page', async () => {
    serve({
      ...homeReads(myHouseholds),
      'GET /me/publicity': ok([inWindow]),
      'GET /me/surveys': ok([mySurvey(), mySurvey({ survey: survey({ id: 's-2' }), answered: true }), mySurvey({ survey: survey({ id: 's-3' }) })]),
    })
    const { container } = render(<HomePage />)
    expect(await screen.findByText('1 项正在异议期，可以提出异议')).toBeTruthy()
    expect(await screen.findByText('2 份问卷待填写')).toBeTruthy()
    fireEvent.click(container.querySelector('#publicity-results')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/publicity/result/index?consultationId=c-plumbing' })
    fireEvent.click(container.querySelector('#publicity-boards')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/publicity/boards/index?compoundId=c1' })
    fireEvent.click(container.querySelector('#publicity-complaints')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/publicity/complaints/index' })
    fireEvent.click(container.querySelector('#publicity-surveys')!)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/publicity/survey/index' })
  })

  it('with nothing published and no survey, offers only the boards and complaints; a failed read shows no error', async () => {
    serve({ ...homeReads(myHouseholds), 'GET /me/publicity': { statusCode: 500, data: {} }, 'GET /me/surveys': ok([]) })
    const { container } = render(<HomePage />)
    await waitFor(() => expect(sent('GET /me/publicity')).toHaveLength(1))
    expect(await screen.findByText('意见建议')).toBeTruthy()
    expect(container.querySelector('#publicity-results')).toBeNull()
    expect(container.querySelector('#publicity-surveys')).toBeNull()
    expect(container.querySelector('.publicity-section .error-message')).toBeNull()
  })

  it('is not shown before a home is bound', async () => {
    serve(homeReads([]))
    const { container } = render(<HomePage />)
    await screen.findByText('您还没有绑定房屋')
    expect(container.querySelector('.publicity-section')).toBeNull()
  })
})

describe('inbox', () => {
  const message = (overrides: Partial<InboxMessage>): InboxMessage => ({
    id: 'm1',
    kind: 'REFUSAL_NOTICE',
    title: '不同意改造的告知书',
    body: '经三次上门沟通，您家不同意本次改造……',
    consultationId: 'c-plumbing',
    createdAt: '2026-12-10T02:00:00.000Z',
    readAt: null,
    ...overrides,
  })
  const notice = { id: 'n-1', consultationId: 'c-plumbing', householdId: 'h-301', householdLabel: '1号楼2单元301', text: '经三次上门沟通，您家不同意本次改造……', textSha256: '0123456789abcdef', visits: 3, issuedAt: '2026-12-10T02:00:00.000Z' }

  it('a refusal notice unfolds the stored notice under the message and prints it for my household', async () => {
    const fetched = servePdfs()
    serve({
      'GET /me/inbox': ok([message({})]),
      'POST /inbox/m1/read': ok({ id: 'm1', readAt: '2026-12-10T03:00:00.000Z' }),
      'GET /me': ok({ resident, households: myHouseholds }),
      'GET /consultations/c-plumbing/households/h-301/refusal-notice': ok(notice),
    })
    const { container } = render(<InboxPage />)
    expect(await screen.findByText('查看/打印告知书 ›')).toBeTruthy()
    expect(container.querySelector('#inbox-m1 .kind-tag')!.textContent).toBe('告知书')
    fireEvent.click(container.querySelector('#inbox-m1')!)
    expect(await screen.findByText('存证编号：01234567')).toBeTruthy()
    expect(screen.getByText('此前上门沟通 3 次')).toBeTruthy()
    expect(screen.getByText('出具时间：2026年12月10日 10:00（北京时间）')).toBeTruthy()
    // The notice is not the consultation's form: nothing else opens.
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('打印告知书（PDF）'))
    expect(await screen.findByText('告知书已打开，可以查看或打印。')).toBeTruthy()
    expect(fetched.mock.calls[0]).toEqual(['/api/consultations/c-plumbing/households/h-301/refusal-notice.pdf', { headers: { Authorization: 'Bearer resident-token' } }])
  })

  it('of two homes, only the one with a notice is shown (the other answers 404)', async () => {
    const two = [...myHouseholds, { id: 'h-9', label: '9号楼1单元101', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u9', role: 'OWNER' }]
    serve({
      'GET /me/inbox': ok([message({ readAt: '2026-12-10T03:00:00.000Z' })]),
      'GET /me': ok({ resident, households: two }),
      'GET /consultations/c-plumbing/households/h-301/refusal-notice': ok(notice),
      'GET /consultations/c-plumbing/households/h-9/refusal-notice': { statusCode: 404, data: { code: 'NOT_FOUND', message: '没有告知书' } },
    })
    const { container } = render(<InboxPage />)
    fireEvent.click(await screen.findByText('查看/打印告知书 ›'))
    expect(await screen.findByText('告知书 · 1号楼2单元301')).toBeTruthy()
    expect(container.querySelectorAll('.refusal-notice__entry')).toHaveLength(1)
    expect(container.querySelector('.refusal-notice .error-message')).toBeNull()
  })

  it('a result publicity message opens 结果公示 of its consultation', async () => {
    serve({ 'GET /me/inbox': ok([message({ kind: 'PRELIMINARY_RESULT', title: '初步统计结果公示', readAt: '2026-12-10T03:00:00.000Z' })]) })
    const { container } = render(<InboxPage />)
    expect(await screen.findByText('查看公示结果 ›')).toBeTruthy()
    expect(within(container.querySelector('#inbox-m1') as HTMLElement).getByText('结果公示')).toBeTruthy()
    fireEvent.click(container.querySelector('#inbox-m1')!)
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/publicity/result/index?consultationId=c-plumbing' }))
  })
})

describe('打印申请书 on the consultation', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { id: 'c-plumbing', household: 'h-301' } }))

  it('an answered application offers its PDF as signed, for my household', async () => {
    const fetched = servePdfs()
    serve({
      'GET /consultations/c-plumbing': ok(consultation()),
      'GET /me/consultations': ok([mine({ answer: Answer.Agree, answeredAt: '2026-12-01T01:00:00.000Z' })]),
    })
    registerCanvas('#signature-canvas', fakeCanvas().element)
    render(<ConsultationPage />)
    fireEvent.click(await screen.findByText('打印申请书（PDF）'))
    expect(await screen.findByText('申请书已打开，可以查看或打印。')).toBeTruthy()
    expect(fetched.mock.calls[0]).toEqual(['/api/consultations/c-plumbing/responses/h-301/application.pdf', { headers: { Authorization: 'Bearer resident-token' } }])
  })

  it('is not offered before answering', async () => {
    serve({ 'GET /consultations/c-plumbing': ok(consultation()), 'GET /me/consultations': ok([mine()]) })
    registerCanvas('#signature-canvas', fakeCanvas().element)
    render(<ConsultationPage />)
    await screen.findByText('同意并提交申请')
    expect(screen.queryByText('打印申请书（PDF）')).toBeNull()
  })
})
