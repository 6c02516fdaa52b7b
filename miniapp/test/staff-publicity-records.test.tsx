/** Printable records where staff work: the final-refusal notice on the chase list, the signed application on the compound page, and the issue-12 links. */
import { fireEvent, render, waitFor } from '@testing-library/react'
import { ConsultationStatus, StaffRole } from '@linyi/shared'
import type { HouseholdState, OutstandingUnit } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { consultation, outstanding } from './consultation-fixtures'
import { findIn, signInAs } from './staff-fixtures'
import { servePdfs } from './staff-publicity-fixtures'
import StaffConsultationPage from '../src/staff/consultation/index'
import StaffCompoundPage from '../src/staff/compound/index'

jest.setTimeout(20_000)

const NOTICE = '1号楼1单元101住户：经居委会3次上门沟通，您仍不同意本次改造……'
const REMINDERS = {
  policy: { onOpen: true, daysBefore: [3, 1], dailyDigest: true, notifyOnReached: true, quietStart: '21:00', quietEnd: '08:00', paused: false },
  counts: { SCHEDULED: 0, SENT: 0, SKIPPED: 0, DEAD: 0 },
  reminders: [],
}

/** The chase list with h-101 refusing after `visits` visits (final or not). */
function chaseWith(h101: Partial<OutstandingUnit['households'][number]>): OutstandingUnit[] {
  return outstanding().map((unit) => ({ ...unit, households: unit.households.map((h) => (h.householdId === 'h-101' ? { ...h, ...h101 } : h)) }))
}

function openConsultation(role: StaffRole, routes: Parameters<typeof serve>[0] = {}) {
  useRouter.mockReturnValue({ params: { id: 'c-plumbing' } })
  serve({
    ...signInAs(role),
    'GET /consultations/c-plumbing': ok(consultation()),
    'GET /consultations/c-plumbing/groups': ok([]),
    'GET /consultations/c-plumbing/outstanding': ok(chaseWith({ visits: 3 })),
    'GET /households/h-101/visits?consultationId=c-plumbing': ok([]),
    'GET /consultations/c-plumbing/reminders?status=DEAD': ok(REMINDERS),
    ...routes,
  })
  return render(<StaffConsultationPage />)
}

beforeEach(() => resetTaro())

describe('a refusal made final', () => {
  it('is offered after the required visits; once confirmed the notice shows and prints with the token', async () => {
    const { fetchMock, open } = servePdfs()
    const { container } = openConsultation(StaffRole.Committee, {
      'POST /consultations/c-plumbing/households/h-101/final-refusal': ok({ noticeText: NOTICE, groupState: 'FAILED', noticeId: 'n-1' }),
    })
    const row = await findIn(container, '#chase-h-101')
    expect(row.querySelector('.refusal-notice-print')).toBeNull()
    fireEvent.click(row.querySelector('.final-refusal-mark')!)
    expect((await findIn(container, '#chase-h-101 .final-refusal-notice__text')).textContent).toBe(NOTICE)
    expect(Taro.showModal).toHaveBeenCalledTimes(1)
    expect(sent('POST /consultations/c-plumbing/households/h-101/final-refusal')).toHaveLength(1)
    // The lists are read again: the group has failed.
    await waitFor(() => expect(sent('GET /consultations/c-plumbing/outstanding').length).toBeGreaterThan(1))
    expect(container.querySelector('#chase-h-101 .final-refusal-mark')).toBeNull()

    fireEvent.click(container.querySelector('#chase-h-101 .refusal-notice-print')!)
    expect((await findIn(container, '#chase-h-101 .refusal-notice-print-done')).textContent).toBe('告知书已在新的浏览器窗口打开，请在那里打印。')
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/consultations/c-plumbing/households/h-101/refusal-notice.pdf'])
    open.mockRestore()
  })

  it('is not offered before the required visits, nor to anyone who has not refused', async () => {
    const { container } = openConsultation(StaffRole.Committee, { 'GET /consultations/c-plumbing/outstanding': ok(chaseWith({ visits: 2 })) })
    await findIn(container, '#chase-h-101')
    expect(container.querySelector('.final-refusal-mark')).toBeNull()
  })

  it('shows the server’s refusal in its words', async () => {
    const { container } = openConsultation(StaffRole.Committee, {
      'POST /consultations/c-plumbing/households/h-101/final-refusal': conflict('FINAL_REFUSAL_NOT_ALLOWED', '需先上门沟通至少 3 次并记录（目前记录了 2 次仍不同意）'),
    })
    fireEvent.click((await findIn(container, '#chase-h-101')).querySelector('.final-refusal-mark')!)
    expect((await findIn(container, '#chase-h-101 .final-refusal-error')).textContent).toBe('需先上门沟通至少 3 次并记录（目前记录了 2 次仍不同意）')
  })

  it('offers the stored notice to print for a refusal already final', async () => {
    const { container } = openConsultation(StaffRole.Committee, { 'GET /consultations/c-plumbing/outstanding': ok(chaseWith({ visits: 3, finalRefusal: true })) })
    const row = await findIn(container, '#chase-h-101')
    expect(row.querySelector('.final-refusal-mark')).toBeNull()
    expect(row.querySelector('.refusal-notice-print')!.textContent).toBe('打印告知书')
  })
})

describe('the links to the issue-12 pages', () => {
  it('opens 结果公示与异议 from the consultation', async () => {
    const { container } = openConsultation(StaffRole.Street)
    fireEvent.click(await findIn(container, '.open-publicity'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/staff/publicity/index?consultationId=c-plumbing' })
  })

  const structure = {
    id: 'c1',
    name: '幸福里小区',
    buildings: [{ id: 'b1', name: '1号楼', units: [{ id: 'u11', name: '1单元', households: [{ id: 'h101', label: '1号楼1单元101', room: '101', floor: 1, areaM2: 86.5 }, { id: 'h102', label: '1号楼1单元102', room: '102', floor: 1, areaM2: 86.5 }] }] }],
  }
  const state = (householdId: string, overrides: Partial<HouseholdState>) =>
    ({ householdId, label: '', room: '', floor: 1, buildingId: 'b1', unitId: 'u11', ownerName: '王桂兰', phone: null, boundResidents: 0, answer: null, optionId: null, channel: null, answeredAt: null, visits: 0, lastVisitAt: null, finalRefusal: false, ...overrides }) as HouseholdState
  function openCompound(role: StaffRole) {
    useRouter.mockReturnValue({ params: { id: 'c1' } })
    serve({
      ...signInAs(role),
      'GET /compounds/c1/structure': ok(structure),
      'GET /consultations?compoundId=c1': ok([consultation({ status: ConsultationStatus.Open })]),
      'GET /compounds/c1/households?consultationId=c-plumbing': ok({ compoundId: 'c1', consultationId: 'c-plumbing', households: [state('h101', { answer: 'REFUSE' } as Partial<HouseholdState>), state('h102', {})] }),
    })
    return render(<StaffCompoundPage />)
  }

  it.each([
    [StaffRole.Committee, ['compound-boards-entry', 'compound-complaints-entry', 'compound-surveys-entry']],
    [StaffRole.Street, ['compound-boards-entry', 'compound-complaints-entry', 'compound-surveys-entry']],
    [StaffRole.Contractor, ['compound-boards-entry']],
  ])('offers a %s the compound’s links it may open', async (role, shown) => {
    const { container } = openCompound(role)
    await findIn(container, '.compound-boards-entry')
    const all = ['compound-boards-entry', 'compound-complaints-entry', 'compound-surveys-entry']
    expect(all.filter((name) => container.querySelector(`.${name}`))).toEqual(shown)
    const urls: Record<string, string> = {
      'compound-boards-entry': '/staff/boards/index?compoundId=c1',
      'compound-complaints-entry': '/staff/complaints/index?compoundId=c1',
      'compound-surveys-entry': '/staff/surveys/index?compoundId=c1',
    }
    for (const name of shown) {
      fireEvent.click(container.querySelector(`.${name}`)!)
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: urls[name] })
    }
  })

  it('prints a household’s signed application from the compound page, only where it answered', async () => {
    const { fetchMock, open } = servePdfs()
    const { container } = openCompound(StaffRole.Committee)
    await findIn(container, '.building-toggle')
    await waitFor(() => expect(sent('GET /compounds/c1/households?consultationId=c-plumbing')).toHaveLength(1))
    fireEvent.click(container.querySelector('.building-toggle')!)
    fireEvent.click(await findIn(container, '.unit-toggle'))
    const answered = await findIn(container, '#staff-household-h101 .application-pdf')
    expect(container.querySelector('#staff-household-h102 .application-pdf')).toBeNull()
    fireEvent.click(answered)
    expect((await findIn(container, '#staff-household-h101 .application-pdf-done')).textContent).toBe('书面申请已在新的浏览器窗口打开，请在那里打印。')
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/consultations/c-plumbing/responses/h101/application.pdf'])
    open.mockRestore()
  })
})
