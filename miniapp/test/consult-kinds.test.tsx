import { Answer, ConsultationKind, DecisionRule, GroupBy } from '@linyi/shared'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { ok, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { consultation, group, mine, submitted } from './consultation-fixtures'
import ConsultationPage from '../src/consult/detail/index'
import { StorageKey } from '../src/api/storage'

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
})

describe('design vote', () => {
  const vote = consultation({
    id: 'c-design',
    kind: ConsultationKind.DesignVote,
    title: '小区大门改造设计方案',
    rule: DecisionRule.Plurality,
    disclosures: [],
    options: [
      { id: 'a', title: '方案A：保留原门楼', description: '修缮外墙，更换门禁', imageUrl: 'https://example.org/a.png' },
      { id: 'b', title: '方案B：新建门楼', description: '拆除重建，增加雨棚', imageUrl: null },
    ],
  })
  const PUT = 'PUT /consultations/c-design/responses/h-301'

  beforeEach(() => {
    useRouter.mockReturnValue({ params: { id: 'c-design', household: 'h-301' } })
  })

  it('shows options as cards with their pictures and submits the chosen one', async () => {
    serve({
      'GET /consultations/c-design': ok(vote),
      'GET /me/consultations': ok([mine({ consultation: vote })]),
      [PUT]: ok(submitted({ answer: Answer.Option, optionId: 'b', signatureSha256: null, group: group({ responded: 7, households: 40 }) })),
    })
    const { container } = render(<ConsultationPage />)
    expect(await screen.findByText('方案A：保留原门楼')).toBeTruthy()
    expect(container.querySelectorAll('.option-card')).toHaveLength(2)
    expect(container.querySelector('#option-a taro-image-core, #option-a img')).toBeTruthy()
    expect(container.querySelector('#option-b taro-image-core, #option-b img')).toBeNull()
    expect((container.querySelector('.vote-submit') as HTMLElement).className).toContain('big-button--inactive')

    fireEvent.click(screen.getByText('方案B：新建门楼'))
    fireEvent.click(screen.getByText('提交我的选择'))
    expect(await screen.findByText('投票已提交')).toBeTruthy()
    expect(sent(PUT)[0].data).toEqual({ answer: 'OPTION', optionId: 'b', acknowledgedDisclosureIds: [] })
    expect(screen.getByText('您选择了：方案B：新建门楼')).toBeTruthy()
    expect(screen.getByText('本单元 7/40 户已投票')).toBeTruthy()
  })

  it('shows my current choice and lets me change it', async () => {
    serve({
      'GET /consultations/c-design': ok(vote),
      'GET /me/consultations': ok([mine({ consultation: vote, answer: Answer.Option, optionId: 'a', answeredAt: '2026-12-01T01:00:00.000Z' })]),
      [PUT]: ok(submitted({ answer: Answer.Option, optionId: 'b' })),
    })
    render(<ConsultationPage />)
    expect(await screen.findByText('您选择了：方案A：保留原门楼')).toBeTruthy()
    fireEvent.click(screen.getByText('修改我的意见'))
    expect(await screen.findByText('您当前的选择：方案A：保留原门楼')).toBeTruthy()
    fireEvent.click(screen.getByText('方案B：新建门楼'))
    fireEvent.click(screen.getByText('改投这个方案'))
    expect(await screen.findByText('您选择了：方案B：新建门楼')).toBeTruthy()
  })

  it('abstaining over an earlier vote asks first, naming the option it replaces, and sends nothing on 不修改', async () => {
    serve({
      'GET /consultations/c-design': ok(vote),
      'GET /me/consultations': ok([mine({ consultation: vote, answer: Answer.Option, optionId: 'a', answeredAt: '2026-12-01T01:00:00.000Z' })]),
      [PUT]: ok(submitted({ answer: Answer.Abstain, optionId: null, signatureSha256: null })),
    })
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    render(<ConsultationPage />)
    fireEvent.click(await screen.findByText('修改我的意见'))
    fireEvent.click(await screen.findByText('弃权，不选择任何方案'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(Taro.showModal.mock.calls[0][0].content).toBe('您已提交的意见是「方案A：保留原门楼」。确定改为「弃权」吗？改后以新的意见为准。')
    await act(async () => undefined)
    expect(sent(PUT)).toHaveLength(0)
    expect(screen.getByText('您当前的选择：方案A：保留原门楼')).toBeTruthy()

    // Asked again, and confirmed this time: the abstention goes to the server.
    fireEvent.click(screen.getByText('弃权，不选择任何方案'))
    expect(await screen.findByText('已提交：弃权')).toBeTruthy()
    expect(Taro.showModal).toHaveBeenCalledTimes(2)
    expect(sent(PUT)[0].data).toEqual({ answer: 'ABSTAIN', acknowledgedDisclosureIds: [] })
  })

  it('changing to another option asks too, naming both', async () => {
    serve({
      'GET /consultations/c-design': ok(vote),
      'GET /me/consultations': ok([mine({ consultation: vote, answer: Answer.Option, optionId: 'a', answeredAt: '2026-12-01T01:00:00.000Z' })]),
      [PUT]: ok(submitted({ answer: Answer.Option, optionId: 'b' })),
    })
    render(<ConsultationPage />)
    fireEvent.click(await screen.findByText('修改我的意见'))
    fireEvent.click(await screen.findByText('方案B：新建门楼'))
    fireEvent.click(screen.getByText('改投这个方案'))
    expect(await screen.findByText('您选择了：方案B：新建门楼')).toBeTruthy()
    expect(Taro.showModal.mock.calls[0][0].content).toContain('「方案A：保留原门楼」。确定改为「方案B：新建门楼」')
  })

  it('abstaining needs no choice', async () => {
    serve({
      'GET /consultations/c-design': ok(vote),
      'GET /me/consultations': ok([mine({ consultation: vote })]),
      [PUT]: ok(submitted({ answer: Answer.Abstain, signatureSha256: null })),
    })
    render(<ConsultationPage />)
    fireEvent.click(await screen.findByText('弃权，不选择任何方案'))
    expect(await screen.findByText('已提交：弃权')).toBeTruthy()
    expect(sent(PUT)[0].data).toEqual({ answer: 'ABSTAIN', acknowledgedDisclosureIds: [] })
  })
})

describe('other kinds', () => {
  const guards = consultation({
    id: 'c-guards',
    kind: ConsultationKind.WindowGuardConsent,
    title: '拆除外窗护栏意见征询',
    groupBy: GroupBy.Building,
    disclosures: [{ id: 'fire', text: '外窗护栏影响消防救援，拆除后统一安装隐形防护网。' }],
  })
  const PUT = 'PUT /consultations/c-guards/responses/h-301'

  beforeEach(() => {
    useRouter.mockReturnValue({ params: { id: 'c-guards', household: 'h-301' } })
    serve({
      'GET /consultations/c-guards': ok(guards),
      'GET /me/consultations': ok([mine({ consultation: guards })]),
      [PUT]: (request) => ok(submitted({ answer: (request.data as { answer: never }).answer, group: group({ label: '1号楼', agreed: 20, households: 24 }) })),
    })
  })

  it('agreeing needs the disclosures ticked; the three answers go to the server', async () => {
    const { container } = render(<ConsultationPage />)
    expect(await screen.findByText(/外窗护栏影响消防救援/)).toBeTruthy()
    expect((container.querySelector('.answer-agree') as HTMLElement).className).toContain('big-button--inactive')
    fireEvent.click(container.querySelector('#disclosure-fire')!)
    fireEvent.click(screen.getByText('同意'))
    expect(await screen.findByText('已提交：同意')).toBeTruthy()
    expect(sent(PUT)[0].data).toEqual({ answer: 'AGREE', acknowledgedDisclosureIds: ['fire'] })
    expect(screen.getByText('本楼 20/24 户已同意')).toBeTruthy()
  })

  it('abstaining is one tap when nothing was answered before', async () => {
    render(<ConsultationPage />)
    fireEvent.click(await screen.findByText('弃权'))
    expect(await screen.findByText('已提交：弃权')).toBeTruthy()
    expect(sent(PUT)[0].data).toEqual({ answer: 'ABSTAIN', acknowledgedDisclosureIds: [] })
    expect(Taro.showModal).not.toHaveBeenCalled()
  })

  it('one tap on 弃权 does not replace an earlier 同意: it asks, and 不修改 keeps the vote', async () => {
    serve({
      'GET /consultations/c-guards': ok(guards),
      'GET /me/consultations': ok([mine({ consultation: guards, answer: Answer.Agree, answeredAt: '2026-12-01T01:00:00.000Z' })]),
      [PUT]: ok(submitted({ answer: Answer.Abstain })),
    })
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    render(<ConsultationPage />)
    fireEvent.click(await screen.findByText('修改我的意见'))
    fireEvent.click(await screen.findByText('弃权'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    const asked = Taro.showModal.mock.calls[0][0]
    expect(asked.content).toBe('您已提交的意见是「同意」。确定改为「弃权」吗？改后以新的意见为准。')
    expect(asked.confirmText).toBe('确认修改')
    await act(async () => undefined)
    expect(sent(PUT)).toHaveLength(0)
    expect(screen.queryByText('已提交：弃权')).toBeNull()
  })

  it('giving the same answer again does not ask', async () => {
    serve({
      'GET /consultations/c-guards': ok(guards),
      'GET /me/consultations': ok([mine({ consultation: guards, answer: Answer.Refuse, answeredAt: '2026-12-01T01:00:00.000Z' })]),
      [PUT]: ok(submitted({ answer: Answer.Refuse })),
    })
    render(<ConsultationPage />)
    fireEvent.click(await screen.findByText('修改我的意见'))
    fireEvent.click(await screen.findByText('不同意'))
    expect(await screen.findByText('已提交：不同意')).toBeTruthy()
    expect(Taro.showModal).not.toHaveBeenCalled()
  })
})
