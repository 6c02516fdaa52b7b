/** 保修维修: the plan's repairs, open first; the contractor records a repair with the part's tests. */
import { fireEvent, render, waitFor } from '@testing-library/react'
import { InspectionTest, RepairStatus, StaffRole, WarrantyPart } from '@linyi/shared'
import { conflict, ok, resetTaro, sent, serve, serveDownloadsAsBlobs, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { findIn, signInAs } from './staff-fixtures'
import { failedInspection, publishedPlan, repair } from './staff-acceptance-fixtures'
import StaffRepairsPage from '../src/staff/repairs/index'

jest.mock('../src/lib/colour-photo', () => ({ chooseColourPhoto: jest.fn(async () => 'data:image/jpeg;base64,RklYRUQ=') }))

jest.setTimeout(20_000)

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)

const accepted = repair({ id: 'r-old', status: RepairStatus.Accepted, reportedAt: '2027-01-05T02:00:00.000Z', acceptedAt: '2027-01-08T02:00:00.000Z', photoSha256: null })
const open = repair({ id: 'r-open' })
const outside = repair({ id: 'r-late', householdId: 'h102', label: '1号楼1单元102', part: WarrantyPart.Finishes, description: '墙面裂缝', underWarranty: false, reportedAt: '2029-02-01T02:00:00.000Z', photoSha256: null })
const failedRepair = repair({ id: 'r-again', status: RepairStatus.Repaired, reportedAt: '2027-02-01T02:00:00.000Z', photoSha256: null, inspections: [{ ...failedInspection, id: 'ri-1' }] })

beforeEach(() => {
  resetTaro()
  useRouter.mockReturnValue({ params: { workPlanId: 'p1' } })
  serveDownloadsAsBlobs()
})

async function openRepairs(role: StaffRole, extra: Parameters<typeof serve>[0] = {}) {
  serve({ ...signInAs(role), 'GET /work-plans/p1': ok(publishedPlan), 'GET /work-plans/p1/repairs': ok([accepted, open, failedRepair, outside]), ...extra })
  const utils = render(<StaffRepairsPage />)
  await findIn(utils.container, '#repair-r-open')
  return utils
}

it('lists open repairs first, each with the part, the resident’s words and photo, and whether it is under warranty', async () => {
  const { container } = await openRepairs(StaffRole.Contractor)
  expect(texts(container, '.staff-acc-repair__title')).toEqual(['1号楼1单元102 · 墙地面恢复', '1号楼1单元101 · 给排水管道', '1号楼1单元101 · 给排水管道', '1号楼1单元101 · 给排水管道'])
  expect([...container.querySelectorAll('.staff-acc-repair')].map((card) => card.id)).toEqual(['repair-r-late', 'repair-r-open', 'repair-r-again', 'repair-r-old'])
  const card = container.querySelector('#repair-r-open')!
  expect(card.querySelector('.staff-acc-repair-status')!.textContent).toBe('待维修')
  expect(card.querySelector('.staff-acc-warranty')!.textContent).toBe('在保修期内')
  expect(card.querySelector('.staff-acc-repair__description')!.textContent).toBe('居民描述：厨房下水返味，地上有水')
  await waitFor(() => expect(card.querySelector('.staff-acc-photo__image')?.getAttribute('src')).toBe('blob:sha-repair'))
  expect(container.querySelector('#repair-r-late .staff-acc-warranty')!.textContent).toBe('已过保修期（居民已被告知可能收费）')
  // Closed: nothing more to record. A repair whose test failed is done again.
  expect(container.querySelector('#repair-r-old .staff-acc-repair-open')).toBeNull()
  expect(container.querySelector('#repair-r-again .staff-acc-repair-open')!.textContent).toBe('重新维修并记录')
})

it('the contractor records a pipe repair with 通球 and 不渗不漏 and a photo: REPAIRED, passed, then the list is read again', async () => {
  const { container } = await openRepairs(StaffRole.Contractor, {
    'POST /households/h101/repairs/r-open/done': ok({ status: RepairStatus.Repaired, passed: true }),
    'GET /work-plans/p1/repairs': [ok([accepted, open, failedRepair, outside]), ok([accepted, { ...open, status: RepairStatus.Repaired }, failedRepair, outside])],
  })
  fireEvent.click(container.querySelector('#repair-r-open .staff-acc-repair-open')!)
  const form = container.querySelector('#repair-r-open .staff-acc-repair-form') as HTMLElement
  expect(texts(form, '.staff-acc-test__label')).toEqual(['通球试验', '管根不渗不漏'])
  // A repair's tests are the part's: nothing else to add.
  expect(form.querySelector('.staff-acc-add-test')).toBeNull()
  expect(form.querySelector('.staff-acc-repair-submit')!.textContent).toBe('请为「通球试验」选择合格或不合格')
  for (const row of form.querySelectorAll('.staff-acc-test')) fireEvent.click(row.querySelector('.staff-acc-verdict--pass')!)
  fireEvent.click(form.querySelector('.staff-acc-test[data-test="NO_LEAK"] .staff-acc-photo-choose')!)
  await waitFor(() => expect(form.querySelector('.staff-acc-photo-picker__preview')).toBeTruthy())
  typeInto(form.querySelector('.staff-acc-repair-note')!, ' 换了卫生间立管三通 ')
  expect(form.querySelector('.works-counter')!.textContent).toBe('9/300 字')
  fireEvent.click(form.querySelector('.staff-acc-repair-submit')!)

  expect((await findIn(container, '#repair-r-open .staff-acc-repair-outcome')).textContent).toBe('已记录维修，检测通过：等居民确认修好。')
  expect(sent('POST /households/h101/repairs/r-open/done').map((r) => r.data)).toEqual([
    { results: [{ test: InspectionTest.BallPass, passed: true }, { test: InspectionTest.NoLeak, passed: true, photoPng: 'data:image/jpeg;base64,RklYRUQ=' }], note: '换了卫生间立管三通' },
  ])
  await waitFor(() => expect(container.querySelector('#repair-r-open .staff-acc-repair-status')!.textContent).toBe('已维修，待居民确认'))
  expect(container.querySelector('#repair-r-open .staff-acc-repair-form')).toBeNull()
})

it('shows the server’s refusal of a closed repair in its words', async () => {
  const { container } = await openRepairs(StaffRole.Contractor, {
    'POST /households/h101/repairs/r-open/done': conflict('REPAIR_CLOSED', '居民已确认修好，这次报修已结束'),
  })
  fireEvent.click(container.querySelector('#repair-r-open .staff-acc-repair-open')!)
  const form = container.querySelector('#repair-r-open .staff-acc-repair-form') as HTMLElement
  for (const row of form.querySelectorAll('.staff-acc-test')) fireEvent.click(row.querySelector('.staff-acc-verdict--pass')!)
  fireEvent.click(form.querySelector('.staff-acc-repair-submit')!)
  expect((await findIn(container, '#repair-r-open .staff-acc-repair-error')).textContent).toBe('居民已确认修好，这次报修已结束')
})

it.each([StaffRole.Committee, StaffRole.Street])('a %s reads the repairs and records none', async (role) => {
  const { container } = await openRepairs(role)
  expect(container.querySelector('.staff-acc-repair-open')).toBeNull()
  expect(container.querySelector('.page-header')!.textContent).toContain('只读')
})

it('says so when nobody has reported anything', async () => {
  serve({ ...signInAs(StaffRole.Contractor), 'GET /work-plans/p1': ok(publishedPlan), 'GET /work-plans/p1/repairs': ok([]) })
  const { container } = render(<StaffRepairsPage />)
  expect((await findIn(container, '.staff-acc-no-repairs')).textContent).toBe('还没有居民报修。')
})

it('without a plan in the link says where to start; a failed read offers 重新加载, and 刷新 reads again', async () => {
  useRouter.mockReturnValue({ params: {} })
  serve(signInAs(StaffRole.Contractor))
  const missing = render(<StaffRepairsPage />)
  expect((await findIn(missing.container, '.works-no-id')).textContent).toBe('链接中缺少计划编号，请从施工计划页面进入“保修维修”。')
  missing.unmount()

  useRouter.mockReturnValue({ params: { workPlanId: 'p1' } })
  serve({ ...signInAs(StaffRole.Contractor), 'GET /work-plans/p1': ok(publishedPlan), 'GET /work-plans/p1/repairs': [new Error('request:fail'), ok([open])] })
  const { container } = render(<StaffRepairsPage />)
  fireEvent.click(await findIn(container, '.load-failure__retry'))
  await findIn(container, '#repair-r-open')
  fireEvent.click(container.querySelector('.staff-acc-refresh')!)
  await waitFor(() => expect(sent('GET /work-plans/p1/repairs')).toHaveLength(3))
})
