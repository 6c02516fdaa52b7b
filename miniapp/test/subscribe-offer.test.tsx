import { Answer, ConsultationKind, DecisionRule } from '@linyi/shared'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { ok, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { consultation, mine, submitted } from './consultation-fixtures'
import ConsultationPage from '../src/consult/detail/index'
import { StorageKey } from '../src/api/storage'

const vote = consultation({
  id: 'c-design',
  kind: ConsultationKind.DesignVote,
  title: '小区大门改造设计方案',
  rule: DecisionRule.Plurality,
  disclosures: [],
  options: [
    { id: 'a', title: '方案A：保留原门楼', description: '修缮外墙', imageUrl: null },
    { id: 'b', title: '方案B：新建门楼', description: '拆除重建', imageUrl: null },
  ],
})
const PUT = 'PUT /consultations/c-design/responses/h-301'
const TEMPLATES = 'GET /me/subscriptions/templates'
const RECORD = 'POST /me/subscriptions'

function serveVote(templateIds: string[], answered = false) {
  serve({
    'GET /consultations/c-design': ok(vote),
    'GET /me/consultations': ok([answered ? mine({ consultation: vote, answer: Answer.Option, optionId: 'a', answeredAt: '2026-12-01T01:00:00.000Z' }) : mine({ consultation: vote })]),
    [PUT]: ok(submitted({ answer: Answer.Option, optionId: 'b', signatureSha256: null })),
    [TEMPLATES]: ok({ templateIds }),
    [RECORD]: (request) => ok({ granted: Object.values((request.data as { results: Record<string, string> }).results).filter((r) => r === 'accept').length }),
  })
}

async function voteAndSubmit() {
  fireEvent.click(await screen.findByText('方案B：新建门楼'))
  fireEvent.click(screen.getByText('提交我的选择'))
  await screen.findByText('投票已提交')
}

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
  useRouter.mockReturnValue({ params: { id: 'c-design', household: 'h-301' } })
})

describe('on weapp', () => {
  const env = process.env.TARO_ENV
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  it('after answering, one tap asks WeChat for the server’s templates and posts exactly what WeChat answered', async () => {
    serveVote(['tmpl-deadline', 'tmpl-result'])
    Taro.requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-deadline': 'accept', 'tmpl-result': 'reject' })
    render(<ConsultationPage />)
    await voteAndSubmit()
    const button = await screen.findByText('接收截止提醒')
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled()

    fireEvent.click(button)
    // Inside the tap itself, before anything is awaited: WeChat shows its panel only then.
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1)
    expect(Taro.requestSubscribeMessage.mock.calls[0][0]).toMatchObject({ tmplIds: ['tmpl-deadline', 'tmpl-result'] })

    expect(await screen.findByText('已开启：下次有提醒时，微信会通知您一次。')).toBeTruthy()
    expect(sent(RECORD).map((r) => r.data)).toEqual([{ results: { 'tmpl-deadline': 'accept', 'tmpl-result': 'reject' } }])
    expect(screen.queryByText('接收截止提醒')).toBeNull()
  })

  it('a refusal is posted as it is, and the button stays for a change of mind', async () => {
    serveVote(['tmpl-deadline'])
    Taro.requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-deadline': 'reject' })
    render(<ConsultationPage />)
    await voteAndSubmit()
    fireEvent.click(await screen.findByText('接收截止提醒'))
    expect(await screen.findByText('您没有允许微信通知。提醒仍会出现在首页的“消息”里。')).toBeTruthy()
    expect(sent(RECORD).map((r) => r.data)).toEqual([{ results: { 'tmpl-deadline': 'reject' } }])
    expect(screen.getByText('接收截止提醒')).toBeTruthy()
  })

  it('when WeChat fails (notifications switched off) nothing is posted and the inbox is mentioned', async () => {
    serveVote(['tmpl-deadline'])
    Taro.requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 })
    render(<ConsultationPage />)
    await voteAndSubmit()
    fireEvent.click(await screen.findByText('接收截止提醒'))
    expect(await screen.findByText(/微信没有打开订阅/)).toBeTruthy()
    expect(sent(RECORD)).toHaveLength(0)
  })

  it('is not offered when the server has no template', async () => {
    serveVote([])
    render(<ConsultationPage />)
    await voteAndSubmit()
    await waitFor(() => expect(sent(TEMPLATES)).toHaveLength(1))
    expect(screen.queryByText('接收截止提醒')).toBeNull()
  })

  it('is not offered on a receipt from an earlier visit, only right after answering', async () => {
    serveVote(['tmpl-deadline'], true)
    render(<ConsultationPage />)
    expect(await screen.findByText('您选择了：方案A：保留原门楼')).toBeTruthy()
    expect(screen.queryByText('接收截止提醒')).toBeNull()
    expect(sent(TEMPLATES)).toHaveLength(0)
  })
})

it('is hidden on H5 (no WeChat): the templates are not even asked for', async () => {
  serveVote(['tmpl-deadline'])
  render(<ConsultationPage />)
  await voteAndSubmit()
  expect(screen.queryByText('接收截止提醒')).toBeNull()
  expect(sent(TEMPLATES)).toHaveLength(0)
  expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled()
})
