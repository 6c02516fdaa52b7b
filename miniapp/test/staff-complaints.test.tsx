/** A compound's complaints for the committee: open first with how long each has waited, the photo, one reply each; read-only for the street office. */
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import { StaffRole } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, serveDownloadsAsBlobs, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { findIn, signInAs } from './staff-fixtures'
import { COMPOUND, complaint, complaints, replied } from './staff-complaints-fixtures'
import StaffComplaintsPage from '../src/staff/complaints/index'
import { setLargeType } from '../src/store/large-type'

jest.setTimeout(20_000)

const LIST = `GET /compounds/${COMPOUND}/complaints`
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)
const inactive = (button: Element) => button.className.includes('big-button--inactive')

beforeEach(() => {
  resetTaro()
  setLargeType(false)
  useRouter.mockReturnValue({ params: { compoundId: COMPOUND } })
})

async function openPage(role: StaffRole, extra: Parameters<typeof serve>[0] = {}) {
  serve({ ...signInAs(role), 'GET /compounds': ok([{ id: COMPOUND, name: '幸福里小区', communityId: 'cm1' }]), [LIST]: ok(complaints()), ...extra })
  const utils = render(<StaffComplaintsPage />)
  await findIn(utils.container, '.complaint-card')
  return utils
}

describe('the list', () => {
  it('puts the open ones first, longest waiting on top, with the wait in Beijing days; a week or more is marked overdue', async () => {
    // Arrives out of order: the screen still shows the oldest open complaint first.
    const { container } = await openPage(StaffRole.Committee, { [LIST]: ok([...complaints()].reverse()) })
    expect(container.querySelector('.complaints-compound-name')?.textContent).toBe('幸福里小区')
    expect(container.querySelector('.complaints-open__title')!.textContent).toBe('待答复（3 条）')
    const open = container.querySelector('.complaints-board')!
    expect(texts(open, '.complaint-card__household')).toEqual(['2号楼1单元302', '1号楼1单元101', '1号楼2单元201', '3号楼1单元101'])
    expect(container.querySelector('.complaints-answered__title')!.textContent).toBe('已答复（1 条）')
    expect(texts(open, '.complaint-wait')).toEqual(['已等待 9 天', '已等待 3 天', '今天提交，等待答复'])
    expect([...open.querySelectorAll('.complaint-wait')].map((el) => el.className.includes('complaint-wait--overdue'))).toEqual([true, false, false])
    expect(texts(open, '.complaint-card__topic')).toEqual(['关于：改造方案', '关于：施工', '关于：其他', '关于：施工'])
    expect(texts(open, '.complaint-status')).toEqual(['待答复', '待答复', '待答复', '已答复'])

    const done = container.querySelector('#complaint-c-done')!
    expect(done.querySelector('.complaint-status')!.textContent).toBe('已答复')
    expect(done.querySelector('.complaint-answer__title')!.textContent).toBe('居委会答复（2026年12月2日 10:00（北京时间））')
    expect(done.querySelector('.complaint-answer__text')!.textContent).toBe('已联系施工单位，明天上午清理。')
    expect(done.querySelector('.complaint-wait')).toBeNull()
    expect(done.querySelector('.complaint-reply-open')).toBeNull()
  })

  it('shows the resident’s photo only when asked, fetched with the staff token, and enlarges it on a tap', async () => {
    serveDownloadsAsBlobs()
    const { container } = await openPage(StaffRole.Committee)
    expect(container.querySelector('#complaint-c1 .complaint-photo-open')).toBeNull()
    expect(Taro.downloadFile).not.toHaveBeenCalled()
    fireEvent.click(container.querySelector('#complaint-c-old .complaint-photo-open')!)
    const image = await findIn(container, '#complaint-c-old .staff-acc-photo__image')
    expect(image.getAttribute('src')).toBe('blob:photo')
    const [request] = Taro.downloadFile.mock.calls[0] as [{ url: string; header: Record<string, string> }]
    expect(request.url).toMatch(/\/api\/complaints\/c-old\/photo$/)
    expect(request.header.Authorization).toBe('Bearer staff-token')
    fireEvent.click(container.querySelector('#complaint-c-old .complaint-photo')!)
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: 'blob:photo', urls: ['blob:photo'] })
  })

  it('says so when nothing waits for an answer', async () => {
    const { container } = await openPage(StaffRole.Committee, { [LIST]: ok([replied()]) })
    expect(container.querySelector('.complaints-open__title')!.textContent).toBe('待答复（0 条）')
    expect(container.querySelector('.complaints-none-open')!.textContent).toBe('没有待答复的意见建议。')
  })

  it('puts the whole page in large type', async () => {
    setLargeType(true)
    const { container } = await openPage(StaffRole.Committee)
    expect(container.querySelector('.screen.staff-complaints')!.className).toContain('large-type')
  })
})

describe('replying', () => {
  it('sends the committee’s answer after asking once more, then shows it as the server has it', async () => {
    const answered = replied({ id: 'c1', reply: '已安排明天上午清理。' })
    const { container } = await openPage(StaffRole.Committee, {
      'PUT /complaints/c1/reply': ok(answered),
      [LIST]: [ok(complaints()), ok(complaints().map((c) => (c.id === 'c1' ? answered : c)))],
    })
    fireEvent.click(container.querySelector('#complaint-c1 .complaint-reply-open')!)
    const submit = () => container.querySelector('#complaint-c1 .complaint-reply-submit')!
    expect([inactive(submit()), submit().textContent]).toEqual([true, '请先填写答复'])
    typeInto(container.querySelector('#complaint-c1 .complaint-reply-input')!, 'x'.repeat(501))
    expect(submit().textContent).toBe('答复最多 500 个字')
    typeInto(container.querySelector('#complaint-c1 .complaint-reply-input')!, '  已安排明天上午清理。 ')
    expect([inactive(submit()), submit().textContent]).toEqual([false, '提交答复'])
    fireEvent.click(submit())

    const line = await findIn(container, '#complaint-c1 .complaint-replied-line')
    expect(line.textContent).toContain('住户在“意见建议”里能看到')
    expect(Taro.showModal.mock.calls[0][0].content).toContain('答复提交后不能修改')
    expect(sent('PUT /complaints/c1/reply').map((r) => r.data)).toEqual([{ reply: '已安排明天上午清理。' }])
    const card = container.querySelector('#complaint-c1')!
    expect(card.querySelector('.complaint-answer__text')!.textContent).toBe('已安排明天上午清理。')
    expect(card.querySelector('.complaint-reply-form')).toBeNull()
    expect(container.querySelector('.complaints-open__title')!.textContent).toBe('待答复（2 条）')
  })

  it('sends nothing when the confirmation is cancelled', async () => {
    const { container } = await openPage(StaffRole.Committee, { 'PUT /complaints/c1/reply': ok(replied({ id: 'c1' })) })
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(container.querySelector('#complaint-c1 .complaint-reply-open')!)
    typeInto(container.querySelector('#complaint-c1 .complaint-reply-input')!, '好的')
    fireEvent.click(container.querySelector('#complaint-c1 .complaint-reply-submit')!)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    await act(async () => {})
    expect(sent('PUT /complaints/c1/reply')).toHaveLength(0)
    expect(container.querySelector('#complaint-c1 .complaint-reply-form')).toBeTruthy()
  })

  it('answered meanwhile by another member: shows that answer with the server’s refusal', async () => {
    const theirs = replied({ id: 'c1', reply: '王主任已电话回复。' })
    const { container } = await openPage(StaffRole.Committee, {
      'PUT /complaints/c1/reply': conflict('COMPLAINT_ALREADY_REPLIED', '这条意见已经答复过了，不能再次答复'),
      [LIST]: [ok(complaints()), ok(complaints().map((c) => (c.id === 'c1' ? theirs : c)))],
    })
    fireEvent.click(container.querySelector('#complaint-c1 .complaint-reply-open')!)
    typeInto(container.querySelector('#complaint-c1 .complaint-reply-input')!, '我来答复')
    fireEvent.click(container.querySelector('#complaint-c1 .complaint-reply-submit')!)
    const error = await findIn(container, '#complaint-c1 .complaint-reply-error')
    expect(error.textContent).toBe('这条意见已经答复过了，不能再次答复')
    expect(container.querySelector('#complaint-c1 .complaint-answer__text')!.textContent).toBe('王主任已电话回复。')
    expect(container.querySelector('#complaint-c1 .complaint-replied-line')).toBeNull()
  })
})

describe('who sees what', () => {
  it('the street office reads every complaint and answer but is offered no reply', async () => {
    const { container } = await openPage(StaffRole.Street)
    expect(container.querySelectorAll('.complaint-card')).toHaveLength(4)
    expect(container.querySelector('.complaint-reply-open')).toBeNull()
    expect(container.querySelector('.page-header .text-secondary')!.textContent).toContain('只读')
  })

  it.each([StaffRole.Contractor, StaffRole.Admin])('a %s gets a sentence instead of the page, and nothing is asked of the server', async (role) => {
    serve({ ...signInAs(role), [LIST]: ok([complaint()]) })
    const { container } = render(<StaffComplaintsPage />)
    const denied = await findIn(container, '.staff-gate--denied')
    expect(denied.textContent).toContain('只供居委会和街道办查看')
    expect(sent(LIST)).toHaveLength(0)
  })

  it('a link without a compound says where to come from', async () => {
    useRouter.mockReturnValue({ params: {} })
    serve(signInAs(StaffRole.Committee))
    const { container } = render(<StaffComplaintsPage />)
    expect((await findIn(container, '.works-no-id')).textContent).toContain('请从小区页面进入')
  })
})
