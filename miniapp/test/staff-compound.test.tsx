import { fireEvent, render, screen } from '@testing-library/react'
import { replyWith, resetTaro, storage, useRouter } from './taro-mock'
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
  replyWith({ statusCode: 200, data: structure }, { statusCode: 201, data: { code: 'K7M3Q9TX', expiresAt: '2026-12-03T06:05:00.000Z' } })
  const { container } = render(<StaffCompoundPage />)
  expect(await screen.findByText('501室')).toBeTruthy()
  expect(screen.getByText('5层 · 86.5平方米')).toBeTruthy()
  fireEvent.click(screen.getByText('生成邀请码'))
  expect(await screen.findByText('K7M3 Q9TX')).toBeTruthy()
  expect(container.querySelector('.invite-code')?.textContent).toBe('K7M3 Q9TX')
  expect(screen.getByText(/^有效期至 2026年12月3日/)).toBeTruthy()
})

it('after the staff session expired offers to sign in again', async () => {
  replyWith({ statusCode: 401, data: { statusCode: 401, code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } })
  render(<StaffCompoundPage />)
  expect(await screen.findByText('登录已过期，请重新登录')).toBeTruthy()
  expect(screen.getByText('重新登录')).toBeTruthy()
  expect(storage.has(StorageKey.staffToken)).toBe(false)
})
