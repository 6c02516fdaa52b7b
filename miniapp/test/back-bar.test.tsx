import { fireEvent, render, screen } from '@testing-library/react'
import Taro, { resetTaro, useRouter } from './taro-mock'
import { Screen } from '../src/components/Screen'

const env = process.env.TARO_ENV
const onPage = (path: string) => useRouter.mockReturnValue({ params: {}, path } as never)

beforeEach(() => {
  resetTaro()
  process.env.TARO_ENV = 'h5'
})
afterEach(() => {
  process.env.TARO_ENV = env
})

it('on H5 a staff page has a 返回 bar that goes back', () => {
  onPage('/staff/compound/index?stamp=AB')
  const { container } = render(<Screen className='staff-compound'>内容</Screen>)
  expect(container.querySelector('.screen > .back-bar')).toBeTruthy()
  fireEvent.click(screen.getByText('返回'))
  expect(Taro.navigateBack).toHaveBeenCalledTimes(1)
})

it('a staff page opened directly (a shared link) goes back to the staff home', () => {
  onPage('/staff/progress/index')
  Taro.getCurrentPages.mockImplementation(() => [{}])
  render(<Screen>内容</Screen>)
  fireEvent.click(screen.getByText('返回'))
  expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/home/index' })
  expect(Taro.navigateBack).not.toHaveBeenCalled()
})

it('the login page and resident pages fall back to the resident home', () => {
  Taro.getCurrentPages.mockImplementation(() => [{}])
  onPage('/staff/login/index')
  const { unmount } = render(<Screen>内容</Screen>)
  fireEvent.click(screen.getByText('返回'))
  expect(Taro.reLaunch).toHaveBeenLastCalledWith({ url: '/pages/home/index' })
  unmount()
  onPage('/consult/detail/index?id=c-1')
  render(<Screen>内容</Screen>)
  fireEvent.click(screen.getByText('返回'))
  expect(Taro.reLaunch).toHaveBeenLastCalledWith({ url: '/pages/home/index' })
})

it('the two homes have none, nor does a page that says it is a root', () => {
  for (const path of ['/pages/home/index', 'pages/home/index', '/staff/home/index?stamp=AA']) {
    onPage(path)
    const { container, unmount } = render(<Screen>内容</Screen>)
    expect(container.querySelector('.back-bar')).toBeNull()
    unmount()
  }
  onPage('/staff/dashboard/index')
  const { container } = render(<Screen root>内容</Screen>)
  expect(container.querySelector('.back-bar')).toBeNull()
})

it('weapp has its own navigation bar: no second one', () => {
  process.env.TARO_ENV = 'weapp'
  onPage('/staff/compound/index')
  const { container } = render(<Screen>内容</Screen>)
  expect(container.querySelector('.back-bar')).toBeNull()
})
