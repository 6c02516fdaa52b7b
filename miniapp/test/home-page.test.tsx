import { fireEvent, render, screen } from '@testing-library/react'
import Taro, { replyWith, resetTaro, storage } from './taro-mock'
import HomePage from '../src/pages/home/index'
import { StorageKey } from '../src/api/storage'

const resident = { id: 'r1', openid: 'h5-demo-x', name: null }

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
})

it('lists my households', async () => {
  replyWith({
    statusCode: 200,
    data: {
      resident,
      households: [
        { id: 'h1', label: '3号楼2单元501', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u1', role: 'OWNER' },
        { id: 'h2', label: '5号楼1单元302', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u2', role: 'TENANT' },
      ],
    },
  })
  const { container } = render(<HomePage />)
  expect(await screen.findByText('3号楼2单元501')).toBeTruthy()
  expect(container.querySelectorAll('.household-item')).toHaveLength(2)
  expect(screen.getByText('幸福里小区 · 租户')).toBeTruthy()
  expect(screen.queryByText('您还没有绑定房屋')).toBeNull()
})

it('without households offers one big button to bind', async () => {
  replyWith({ statusCode: 200, data: { resident, households: [] } })
  render(<HomePage />)
  fireEvent.click(await screen.findByText('绑定我的房屋'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
})

it('shows why loading failed and loads again on request', async () => {
  replyWith(new Error('request:fail'), { statusCode: 200, data: { resident, households: [] } })
  render(<HomePage />)
  fireEvent.click(await screen.findByText('重新加载'))
  expect(await screen.findByText('您还没有绑定房屋')).toBeTruthy()
})

it('has a modest staff entry', async () => {
  replyWith({ statusCode: 200, data: { resident, households: [] } })
  render(<HomePage />)
  fireEvent.click(screen.getByText('工作人员入口'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/login/index' })
  await screen.findByText('您还没有绑定房屋')
})
