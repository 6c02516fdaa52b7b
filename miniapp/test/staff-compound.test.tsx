import { ConsultationKind, ConsultationStatus } from '@linyi/shared'
import { fireEvent, render, screen } from '@testing-library/react'
import Taro, { ok, resetTaro, serve, storage, useRouter } from './taro-mock'
import { consultation } from './consultation-fixtures'
import StaffCompoundPage from '../src/staff/compound/index'
import { StorageKey } from '../src/api/storage'

const structure = {
  id: 'c1',
  name: '幸福里小区',
  buildings: [
    {
      id: 'b3',
      name: '3号楼',
      units: [{ id: 'u2', name: '2单元', households: [{ id: 'h501', label: '3号楼2单元501', room: '501', floor: 5, areaM2: 86.5 }] }],
    },
  ],
}

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.staffToken, 'staff-token')
  useRouter.mockReturnValue({ params: { id: 'c1' } })
})

it('shows buildings, units and households, and issues an invite code in big type', async () => {
  serve({
    'GET /compounds/c1/structure': ok(structure),
    'GET /consultations?compoundId=c1': ok([]),
    'POST /households/h501/invite-codes': { statusCode: 201, data: { code: 'K7M3Q9TX', expiresAt: '2026-12-03T06:05:00.000Z' } },
  })
  const { container } = render(<StaffCompoundPage />)
  expect(await screen.findByText('501室')).toBeTruthy()
  expect(screen.getByText('5层 · 86.5平方米')).toBeTruthy()
  fireEvent.click(screen.getByText('生成邀请码'))
  expect(await screen.findByText('K7M3 Q9TX')).toBeTruthy()
  expect(container.querySelector('.invite-code')?.textContent).toBe('K7M3 Q9TX')
  expect(screen.getByText(/^有效期至 2026年12月3日/)).toBeTruthy()
})

it('after the staff session expired offers to sign in again', async () => {
  const expired = { statusCode: 401, data: { statusCode: 401, code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } }
  serve({ 'GET /compounds/c1/structure': expired, 'GET /consultations?compoundId=c1': expired })
  render(<StaffCompoundPage />)
  expect((await screen.findAllByText('登录已过期，请重新登录')).length).toBeGreaterThan(0)
  expect(screen.getByText('重新登录')).toBeTruthy()
  expect(storage.has(StorageKey.staffToken)).toBe(false)
})

it('lists the compound’s consultations, open ones first, and opens one', async () => {
  serve({
    'GET /compounds/c1/structure': ok(structure),
    'GET /consultations?compoundId=c1': ok([
      consultation({ id: 'c-old', title: '满意度调查', kind: ConsultationKind.SatisfactionSurvey, status: ConsultationStatus.Closed }),
      consultation({ id: 'c-plumbing' }),
    ]),
  })
  const { container } = render(<StaffCompoundPage />)
  expect(await screen.findByText('楼内上下水管线改造申请')).toBeTruthy()
  const cards = container.querySelectorAll('.consultation-entry-card')
  expect(cards[0].textContent).toContain('上下水管线改造申请 · 进行中')
  expect(cards[1].textContent).toContain('满意度调查 · 已截止')
  fireEvent.click(cards[0].querySelector('.consultation-entry')!)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/consultation/index?id=c-plumbing' })
})
