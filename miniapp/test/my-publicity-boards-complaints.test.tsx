import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ComplaintStatus, ComplaintTopic } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve, serveDownloadsAsBlobs, storage, useRouter } from './taro-mock'
import { agreeToPrivacyGuide } from './privacy-agreed'
import { typeInto } from './dom-events'
import { boards, complaint, myHouseholds } from './my-publicity-fixtures'
import { resident } from './resident-fixtures'
import BoardsPage from '../src/publicity/boards/index'
import ComplaintsPage from '../src/publicity/complaints/index'
import { StorageKey } from '../src/api/storage'

jest.mock('../src/lib/colour-photo', () => ({ photoToJpegDataUrl: jest.fn(async () => 'data:image/jpeg;base64,UEhPVE8=') }))

/** The element once it is rendered. */
const present = (container: HTMLElement, selector: string) =>
  waitFor(() => {
    const found = container.querySelector(selector)
    if (!found) throw new Error(`${selector} not rendered`)
    return found as HTMLElement
  })

const two = [...myHouseholds, { id: 'h-9', label: '9号楼1单元101', compoundId: 'c2', compoundName: '和平里小区', unitId: 'u9', role: 'TENANT' }]

beforeEach(() => {
  resetTaro()
  agreeToPrivacyGuide()
  storage.set(StorageKey.residentToken, 'resident-token')
  useRouter.mockReturnValue({ params: {} })
})

describe('公示牌', () => {
  it('shows the materials with maker and test report, the parties with a call button, the complaint phone and the supervisors', async () => {
    useRouter.mockReturnValue({ params: { compoundId: 'c1' } })
    serve({ 'GET /compounds/c1/boards': ok(boards()) })
    const { container } = render(<BoardsPage />)
    expect(await screen.findByText('PPR 给水管')).toBeTruthy()
    const material = container.querySelector('#boards-material-0') as HTMLElement
    expect(within(material).getByText('生产厂家：某某管业有限公司')).toBeTruthy()
    expect(within(material).getByText('出厂检验报告：JC-2026-0312（市建材检测中心）')).toBeTruthy()
    const party = container.querySelector('#boards-party-0') as HTMLElement
    expect(within(party).getByText('某某建设有限公司')).toBeTruthy()
    expect(within(party).getByText('负责人：王经理')).toBeTruthy()
    expect(party.querySelector('a[href="tel:13800001111"]')).toBeTruthy()
    expect(container.querySelector('.boards-complaint-phone a[href="tel:010-12345678"]')!.textContent).toBe('拨打投诉电话 010-12345678')
    expect(screen.getByText('张大爷')).toBeTruthy()
    expect(screen.getByText('更新时间：2026年12月1日 10:00（北京时间）')).toBeTruthy()
    fireEvent.click(screen.getByText('我要提意见建议'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/publicity/complaints/index' })
  })

  it('an empty board says the committee has not filled it in yet', async () => {
    useRouter.mockReturnValue({ params: { compoundId: 'c1' } })
    serve({ 'GET /compounds/c1/boards': ok(boards({ materials: [], parties: [], complaintPhone: null, supervisors: [], updatedAt: null })) })
    render(<BoardsPage />)
    expect(await screen.findByText(/业委会还没有填写公示牌/)).toBeTruthy()
  })

  it('without a compound: my only compound’s board, or a choice when I live in two', async () => {
    serve({ 'GET /me': ok({ resident, households: two }) })
    const { unmount } = render(<BoardsPage />)
    fireEvent.click(await screen.findByText('和平里小区'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/publicity/boards/index?compoundId=c2' })
    unmount()
    serve({ 'GET /me': ok({ resident, households: myHouseholds }), 'GET /compounds/c1/boards': ok(boards()) })
    render(<BoardsPage />)
    expect(await screen.findByText('PPR 给水管')).toBeTruthy()
  })
})

describe('意见建议', () => {
  const FILE = 'POST /complaints'

  it('files one with topic, words and a photo; says what is missing first; then lists it as waiting', async () => {
    const filed = complaint({ id: 'cp-2', hasPhoto: true })
    serve({ 'GET /me': ok({ resident, households: myHouseholds }), 'GET /me/complaints': [ok([]), ok([filed])], [FILE]: { statusCode: 201, data: filed } })
    serveDownloadsAsBlobs()
    const { container } = render(<ComplaintsPage />)
    const form = await present(container, '.complaint-form')
    expect(await screen.findByText('还没有提过意见建议。')).toBeTruthy()
    fireEvent.click(within(form).getByText('提交'))
    expect(within(form).getByText('请先选择是关于什么的')).toBeTruthy()
    fireEvent.click(within(form).getByText('施工'))
    fireEvent.click(within(form).getByText('提交'))
    expect(within(form).getByText('请写一下您的意见或建议')).toBeTruthy()
    expect(sent(FILE)).toHaveLength(0)

    typeInto(form.querySelector('.complaint-text')!, ' 楼道里的建筑垃圾三天没清运 ')
    fireEvent.click(within(form).getByText('拍照或选择照片'))
    await waitFor(() => expect(form.querySelector('.photo-field__preview')).toBeTruthy())
    fireEvent.click(within(form).getByText('提交'))
    expect(await screen.findByText('已提交，业委会会尽快答复。答复会显示在下面“我提的意见建议”里。')).toBeTruthy()
    expect(sent(FILE).map((r) => r.data)).toEqual([{ householdId: 'h-301', topic: ComplaintTopic.Works, text: '楼道里的建筑垃圾三天没清运', photo: 'data:image/jpeg;base64,UEhPVE8=' }])

    const card = await present(container, '#complaint-cp-2')
    expect(within(card).getByText('待答复')).toBeTruthy()
    expect(within(card).getByText('业委会还没有答复，答复后会在这里显示。')).toBeTruthy()
    await waitFor(() => expect(Taro.downloadFile).toHaveBeenCalledWith({ url: expect.stringMatching(/\/api\/complaints\/cp-2\/photo$/), header: { Authorization: 'Bearer resident-token' } }))
    // A fresh, empty form for the next one.
    expect((container.querySelector('.complaint-form .photo-field__preview'))).toBeNull()
  })

  it('with two homes, asks which one first', async () => {
    serve({ 'GET /me': ok({ resident, households: two }), 'GET /me/complaints': ok([]), [FILE]: { statusCode: 201, data: complaint({ householdId: 'h-9' }) } })
    const { container } = render(<ComplaintsPage />)
    const form = await present(container, '.complaint-form')
    await screen.findByText('9号楼1单元101')
    fireEvent.click(within(form).getByText('其他'))
    typeInto(form.querySelector('.complaint-text')!, '希望加装扶手')
    fireEvent.click(within(form).getByText('提交'))
    expect(within(form).getByText('请先选择是哪一套房屋')).toBeTruthy()
    fireEvent.click(within(form).getByText('9号楼1单元101'))
    fireEvent.click(within(form).getByText('提交'))
    await waitFor(() => expect(sent(FILE).map((r) => r.data)).toEqual([{ householdId: 'h-9', topic: ComplaintTopic.Other, text: '希望加装扶手' }]))
  })

  it('shows the committee’s reply with its time', async () => {
    serve({
      'GET /me': ok({ resident, households: myHouseholds }),
      'GET /me/complaints': ok([complaint({ status: ComplaintStatus.Replied, reply: '已通知施工单位今天清运', repliedAt: '2026-12-02T06:00:00.000Z' })]),
    })
    const { container } = render(<ComplaintsPage />)
    const card = await present(container, '#complaint-cp-1')
    expect(within(card).getByText('已答复')).toBeTruthy()
    expect(within(card).getByText('已通知施工单位今天清运')).toBeTruthy()
    expect(within(card).getByText('答复时间：2026年12月2日 14:00（北京时间）')).toBeTruthy()
    expect(within(card).getByText('提交时间：2026年12月2日 09:00（北京时间）')).toBeTruthy()
  })
})
