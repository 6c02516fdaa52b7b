/** The staff publicity page: preview counts, the preliminary result with its objection window, answering objections, the final result, the notice to print. */
import { fireEvent, render, waitFor } from '@testing-library/react'
import { ObjectionStatus, PublicityStage, StaffRole } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { consultation } from './consultation-fixtures'
import { findIn, signInAs } from './staff-fixtures'
import { closedConsultation, objection, preliminary, publicityView, servePdfs } from './staff-publicity-fixtures'
import StaffPublicityPage from '../src/staff/publicity/index'
import { setLargeType } from '../src/store/large-type'

jest.setTimeout(20_000)

const inactive = (button: Element) => button.className.includes('big-button--inactive')
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)

beforeEach(() => {
  resetTaro()
  setLargeType(false)
  useRouter.mockReturnValue({ params: { consultationId: 'c-plumbing' } })
})

async function openPage(role: StaffRole, routes: Parameters<typeof serve>[0] = {}) {
  serve({ ...signInAs(role), 'GET /consultations/c-plumbing': ok(closedConsultation()), 'GET /consultations/c-plumbing/publicity': ok(publicityView()), ...routes })
  const utils = render(<StaffPublicityPage />)
  await findIn(utils.container, '.publicity-header')
  return utils
}

describe('before anything is published', () => {
  it('previews each group’s counts by households and by area, saying residents do not see them yet', async () => {
    const { container } = await openPage(StaffRole.Committee)
    expect(container.querySelector('.publicity-stage')!.textContent).toBe('未公示')
    expect(container.querySelector('.publicity-preview-note')!.textContent).toContain('发布前住户看不到')
    const group = container.querySelector('#publicity-group-unit-1')!
    expect(group.querySelector('.publicity-group__state')!.textContent).toBe('已达成')
    expect(group.querySelector('.publicity-group__households')!.textContent).toBe('按户数：共 4 户，同意 2 户，不同意 1 户，弃权 0 户，未表态 1 户')
    expect(group.querySelector('.publicity-group__area')!.textContent).toBe(
      '按面积：共 340.5 平方米，同意 172.25 平方米，不同意 86.5 平方米，弃权 0 平方米，未表态 81.75 平方米',
    )
    // No notice to print and no objections before the preliminary result.
    expect(container.querySelector('.publicity-print-notice')).toBeNull()
    expect(container.querySelector('.publicity-objections')).toBeNull()
  })

  it('keeps 发布初步统计结果 pressed down until the deadline, saying when that is', async () => {
    const { container } = await openPage(StaffRole.Committee, { 'GET /consultations/c-plumbing': ok(consultation({ deadline: '2099-12-31T10:00:00.000Z' })) })
    expect(container.querySelector('.publicity-preliminary-blocked')!.textContent).toBe('征询截止（2099年12月31日 18:00（北京时间））后才能发布初步统计结果。')
    expect(inactive(container.querySelector('.publicity-publish-preliminary')!)).toBe(true)
  })

  it('publishes with the objection days chosen, after the committee confirms, and shows the window’s end in Beijing time', async () => {
    const { container } = await openPage(StaffRole.Committee, {
      'POST /consultations/c-plumbing/preliminary-result': ok(preliminary({ objectionDays: 9 })),
    })
    const input = container.querySelector('.publicity-days-input')!
    expect((input as HTMLInputElement).getAttribute('value') ?? (input as unknown as { value: string }).value).toBe('7')
    fireEvent.click(container.querySelector('.publicity-days-more')!)
    fireEvent.click(container.querySelector('.publicity-days-more')!)
    fireEvent.click(container.querySelector('.publicity-publish-preliminary')!)
    await findIn(container, '.publicity-window')
    expect(sent('POST /consultations/c-plumbing/preliminary-result').map((r) => r.data)).toEqual([{ objectionDays: 9 }])
    expect(Taro.showModal).toHaveBeenCalledTimes(1)
    expect(container.querySelector('.publicity-stage')!.textContent).toBe('初步统计结果公示中')
    expect(container.querySelector('.publicity-window')!.textContent).toContain('异议期至 2026年12月10日 18:00（北京时间）')
    expect(container.querySelector('.publicity-hash')!.textContent).toContain('ab'.repeat(32))
    expect(container.querySelector('.publicity-publish-preliminary')).toBeNull()
  })

  it('sends nothing when the committee cancels, and refuses days outside 1 to 30', async () => {
    Taro.showModal.mockImplementation(async () => ({ confirm: false, cancel: true, errMsg: 'showModal:ok' }))
    const { container } = await openPage(StaffRole.Committee)
    typeInto(container.querySelector('.publicity-days-input')!, '31')
    const button = container.querySelector('.publicity-publish-preliminary')!
    expect([inactive(button), button.textContent]).toEqual([true, '异议期须为 1 到 30 天'])
    typeInto(container.querySelector('.publicity-days-input')!, '5')
    fireEvent.click(container.querySelector('.publicity-publish-preliminary')!)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(sent('POST /consultations/c-plumbing/preliminary-result')).toEqual([])
  })

  it('shows the server’s refusal in its words', async () => {
    const { container } = await openPage(StaffRole.Committee, {
      'POST /consultations/c-plumbing/preliminary-result': conflict('RESULT_NOT_READY', '征询尚未截止（截止时间 2026年12月3日 18:00），截止后才能公示初步统计结果'),
    })
    fireEvent.click(container.querySelector('.publicity-publish-preliminary')!)
    expect((await findIn(container, '.publicity-preliminary-error')).textContent).toBe('征询尚未截止（截止时间 2026年12月3日 18:00），截止后才能公示初步统计结果')
  })
})

describe('the objection window', () => {
  const filed = [
    objection({ id: 'o-done', status: ObjectionStatus.Resolved, upheld: false, resolution: '经核对，记录无误', resolvedAt: '2026-12-05T02:00:00.000Z', createdAt: '2026-12-03T05:00:00.000Z' }),
    objection({ id: 'o-late', createdAt: '2026-12-06T02:00:00.000Z', householdLabel: '1号楼1单元202' }),
    objection({ id: 'o-early', createdAt: '2026-12-04T02:00:00.000Z' }),
  ]

  it('lists open objections first, oldest first, with the filer’s room, and keeps 发布最终结果 down while the window is open', async () => {
    const { container } = await openPage(StaffRole.Committee, { 'GET /consultations/c-plumbing/publicity': ok(preliminary({ objections: filed, openObjections: 2 })) })
    expect([...container.querySelectorAll('.publicity-objection')].map((o) => o.id)).toEqual(['objection-o-early', 'objection-o-late', 'objection-o-done'])
    expect(container.querySelector('.publicity-objections .section-title')!.textContent).toBe('异议（2 条待答复）')
    expect(container.querySelector('#objection-o-early .publicity-objection__filed')!.textContent).toBe('1号楼1单元201 提出 · 2026年12月4日 10:00（北京时间）')
    expect(container.querySelector('#objection-o-done .publicity-objection__verdict')!.textContent).toBe('异议不成立')
    expect(container.querySelector('#objection-o-done .publicity-answer-form')).toBeNull()
    expect(container.querySelector('.publicity-final-blocked')!.textContent).toBe('异议期到 2026年12月10日 18:00（北京时间） 结束，结束后才能发布最终结果。')
    expect(inactive(container.querySelector('.publicity-publish-final')!)).toBe(true)
  })

  it('answers an objection with its verdict and reply, then reads the page again', async () => {
    const answered = objection({ id: 'o-early', status: ObjectionStatus.Resolved, upheld: true, resolution: '已更正', resolvedAt: '2026-12-06T03:00:00.000Z' })
    const { container } = await openPage(StaffRole.Committee, {
      'GET /consultations/c-plumbing/publicity': [ok(preliminary({ objections: [objection({ id: 'o-early' })], openObjections: 1 })), ok(preliminary({ objections: [answered] }))],
      'PUT /consultations/c-plumbing/objections/o-early': ok(answered),
    })
    const card = container.querySelector('#objection-o-early')!
    const save = () => card.querySelector('.publicity-answer-save')!
    expect([inactive(save()), save().textContent]).toEqual([true, '请先选择异议是否成立'])
    fireEvent.click(card.querySelector('.choice-button[data-value="upheld"]')!)
    expect(save().textContent).toBe('请填写答复内容')
    typeInto(card.querySelector('.publicity-resolution')!, '  经核对纸质申请表，该户已签字同意，已更正  ')
    fireEvent.click(save())
    await waitFor(() => expect(container.querySelector('#objection-o-early .publicity-objection__verdict')?.textContent).toBe('异议成立'))
    expect(sent('PUT /consultations/c-plumbing/objections/o-early').map((r) => r.data)).toEqual([{ resolution: '经核对纸质申请表，该户已签字同意，已更正', upheld: true }])
    expect(sent('GET /consultations/c-plumbing/publicity')).toHaveLength(2)
    expect(container.querySelector('.publicity-objections .section-title')!.textContent).toBe('异议（0 条待答复）')
  })

  it('sends no upheld flag for 异议不成立, and shows a second answer’s refusal', async () => {
    const { container } = await openPage(StaffRole.Committee, {
      'GET /consultations/c-plumbing/publicity': ok(preliminary({ objections: [objection()], openObjections: 1 })),
      'PUT /consultations/c-plumbing/objections/o-1': conflict('OBJECTION_ALREADY_ANSWERED', '这条异议已经答复过了'),
    })
    fireEvent.click(container.querySelector('.choice-button[data-value="rejected"]')!)
    typeInto(container.querySelector('.publicity-resolution')!, '记录无误')
    fireEvent.click(container.querySelector('.publicity-answer-save')!)
    expect((await findIn(container, '.publicity-answer-error')).textContent).toBe('这条异议已经答复过了')
    expect(sent('PUT /consultations/c-plumbing/objections/o-1').map((r) => r.data)).toEqual([{ resolution: '记录无误' }])
  })

  it('after the window: says how many objections still wait, and offers the final result once none do', async () => {
    const { container } = await openPage(StaffRole.Committee, {
      'GET /consultations/c-plumbing/publicity': ok(preliminary({ windowOpen: false, objectionClosesAt: '2026-12-01T10:00:00.000Z', objections: [objection()], openObjections: 1 })),
    })
    expect(container.querySelector('.publicity-window')!.textContent).toBe('异议期已于 2026年12月1日 18:00（北京时间） 结束')
    expect(container.querySelector('.publicity-final-blocked')!.textContent).toBe('还有 1 条异议没有答复，全部答复后才能发布最终结果。')
    expect(inactive(container.querySelector('.publicity-publish-final')!)).toBe(true)
  })

  it('publishes the final result after confirming; a refusal shows the server’s words and the page is read again', async () => {
    const closed = preliminary({ windowOpen: false, objectionClosesAt: '2026-12-01T10:00:00.000Z' })
    const { container } = await openPage(StaffRole.Committee, {
      'GET /consultations/c-plumbing/publicity': ok(closed),
      'POST /consultations/c-plumbing/final-result': conflict('OBJECTIONS_UNRESOLVED', '还有 1 条异议未答复，不能公示最终结果'),
    })
    expect(inactive(container.querySelector('.publicity-publish-final')!)).toBe(false)
    fireEvent.click(container.querySelector('.publicity-publish-final')!)
    expect((await findIn(container, '.publicity-final-error')).textContent).toBe('还有 1 条异议未答复，不能公示最终结果')
    await waitFor(() => expect(sent('GET /consultations/c-plumbing/publicity')).toHaveLength(2))
  })

  it('shows the final result once published: the stage, its time and no more publishing', async () => {
    const closed = preliminary({ windowOpen: false, objectionClosesAt: '2026-12-01T10:00:00.000Z' })
    const final = { ...closed, stage: PublicityStage.Final, finalAt: '2026-12-11T01:00:00.000Z', snapshotSha256: 'cd'.repeat(32) }
    const { container } = await openPage(StaffRole.Committee, {
      'GET /consultations/c-plumbing/publicity': ok(closed),
      'POST /consultations/c-plumbing/final-result': ok(final),
    })
    fireEvent.click(container.querySelector('.publicity-publish-final')!)
    await findIn(container, '.publicity-final-at')
    expect(sent('POST /consultations/c-plumbing/final-result')).toHaveLength(1)
    expect(container.querySelector('.publicity-stage')!.textContent).toBe('结果已公示')
    expect(container.querySelector('.publicity-final-at')!.textContent).toBe('最终结果发布于 2026年12月11日 09:00（北京时间）')
    expect(container.querySelector('.publicity-hash')!.textContent).toContain('cd'.repeat(32))
    for (const selector of ['.publicity-publish-final', '.publicity-publish-preliminary']) expect([selector, container.querySelector(selector)]).toEqual([selector, null])
  })
})

describe('rooms, printing and roles', () => {
  it('lists each room’s answer class, with 打印申请书 only for rooms that answered, fetched with the token', async () => {
    const { fetchMock, open } = servePdfs()
    const { container } = await openPage(StaffRole.Committee)
    expect(container.querySelector('.publicity-entry')).toBeNull()
    fireEvent.click(container.querySelector('.publicity-entries-toggle')!)
    expect(texts(container, '.publicity-entry__label')).toEqual(['1号楼1单元101', '1号楼1单元102', '1号楼1单元201', '1号楼1单元202'])
    expect(texts(container, '.publicity-entry__class')).toEqual(['同意', '同意', '不同意', '未表态'])
    expect(container.querySelector('#publicity-entry-h-202 .application-pdf')).toBeNull()
    fireEvent.click(container.querySelector('#publicity-entry-h-201 .application-pdf')!)
    expect((await findIn(container, '#publicity-entry-h-201 .application-pdf-done')).textContent).toContain('新的浏览器窗口')
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/consultations/c-plumbing/responses/h-201/application.pdf'])
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer staff-token')
    open.mockRestore()
  })

  it('prints the result notice once published, and says why when it cannot', async () => {
    const { fetchMock, open } = servePdfs()
    const { container } = await openPage(StaffRole.Street, { 'GET /consultations/c-plumbing/publicity': ok(preliminary()) })
    fireEvent.click(container.querySelector('.publicity-print-notice')!)
    expect((await findIn(container, '.publicity-print-notice-done')).textContent).toBe('公告已在新的浏览器窗口打开，请在那里打印。')
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/consultations/c-plumbing/result-notice.pdf'])
    globalThis.fetch = jest.fn(async () => ({ status: 409, ok: false, json: async () => ({ statusCode: 409, code: 'PRELIMINARY_NOT_PUBLISHED', message: '结果尚未公示' }) })) as unknown as typeof fetch
    fireEvent.click(container.querySelector('.publicity-print-notice')!)
    expect((await findIn(container, '.publicity-print-notice-error')).textContent).toBe('结果尚未公示')
    open.mockRestore()
  })

  it('street staff publish but do not answer objections; admins only read', async () => {
    const routes = { 'GET /consultations/c-plumbing/publicity': ok(preliminary({ windowOpen: false, objections: [objection()], openObjections: 1 })) }
    const street = await openPage(StaffRole.Street, routes)
    expect(street.container.querySelector('.publicity-publish-final')).toBeTruthy()
    expect(street.container.querySelector('.publicity-objection')).toBeTruthy()
    expect(street.container.querySelector('.publicity-answer-form')).toBeNull()
    expect(street.container.querySelector('.publicity-objection__waiting')!.textContent).toBe('等待居委会答复。')
    street.unmount()

    const admin = await openPage(StaffRole.Admin, routes)
    expect(admin.container.querySelector('.publicity-objection')).toBeNull()
    // Admins see every room's answer class, but print no one's signed application.
    fireEvent.click(admin.container.querySelector('.publicity-entries-toggle')!)
    expect(admin.container.querySelectorAll('.publicity-entry')).toHaveLength(4)
    for (const selector of ['.publicity-publish-final', '.publicity-answer-form', '.application-pdf']) expect([selector, admin.container.querySelector(selector)]).toEqual([selector, null])
    expect(admin.container.querySelector('.publicity-print-notice')).toBeTruthy()
  })

  it('turns a contractor away without asking the server', async () => {
    serve({ ...signInAs(StaffRole.Contractor) })
    const { container } = render(<StaffPublicityPage />)
    expect((await findIn(container, '.staff-gate--denied')).textContent).toContain('结果公示与异议供居委会、街道办和系统管理员查看')
    expect(sent('GET /consultations/c-plumbing/publicity')).toEqual([])
  })

  it('puts the whole page in large type', async () => {
    setLargeType(true)
    const { container } = await openPage(StaffRole.Committee)
    expect(container.querySelector('.screen.staff-publicity')!.className).toContain('large-type')
  })
})
