import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { replyWith, resetTaro, storage } from './taro-mock'
import BindPage from '../src/pages/bind/index'
import { StorageKey } from '../src/api/storage'

function typeCode(container: HTMLElement, value: string) {
  const input = container.querySelector('.bind-code-input') as HTMLElement
  // Taro's input reports its value in event.detail, as on the mini-program.
  act(() => {
    fireEvent(input, new CustomEvent('input', { bubbles: true, detail: { value } }))
  })
}

const submitButton = () => screen.getByText('确认绑定')

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
})

it('shows the server message when the code is refused, and stays on the screen', async () => {
  replyWith({ statusCode: 400, data: { statusCode: 400, code: 'INVITE_CODE_EXPIRED', message: '邀请码已过期，请联系社区工作人员重新获取' } })
  const { container } = render(<BindPage />)
  typeCode(container, 'k7m3 q9tx')
  fireEvent.click(submitButton())
  expect(await screen.findByText('邀请码已过期，请联系社区工作人员重新获取')).toBeTruthy()
  expect(Taro.request.mock.calls[0][0].data).toEqual({ inviteCode: 'K7M3Q9TX' })
  expect(Taro.navigateBack).not.toHaveBeenCalled()
})

it('checks the length before asking the server', async () => {
  const { container } = render(<BindPage />)
  typeCode(container, 'ab12')
  fireEvent.click(submitButton())
  expect(await screen.findByText('邀请码是6到10位，请核对后重新输入')).toBeTruthy()
  expect(Taro.request).not.toHaveBeenCalled()
})

it('goes back home after a successful binding', async () => {
  replyWith({
    statusCode: 200,
    data: { household: { id: 'h1', label: '3号楼2单元501', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u1', role: 'OWNER' } },
  })
  const { container } = render(<BindPage />)
  typeCode(container, 'K7M3Q9TX')
  fireEvent.click(submitButton())
  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalledTimes(1))
})

it('opened directly (no page to go back to), relaunches home after binding', async () => {
  Taro.getCurrentPages.mockImplementation(() => [{}])
  replyWith({
    statusCode: 200,
    data: { household: { id: 'h1', label: '3号楼2单元501', compoundId: 'c1', compoundName: '幸福里小区', unitId: 'u1', role: 'OWNER' } },
  })
  const { container } = render(<BindPage />)
  typeCode(container, 'K7M3Q9TX')
  fireEvent.click(submitButton())
  await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }))
})
