import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro, { resetTaro, storage } from './taro-mock'
import { StorageKey } from '../src/api/storage'
import { LargeTypeSwitch } from '../src/components/LargeTypeSwitch'
import { Screen } from '../src/components/Screen'

type Store = typeof import('../src/store/large-type')

/** A fresh copy of the store module, as after the mini-program is closed and opened again on the same phone. */
function relaunchStore(): Store {
  let store: Store | undefined
  jest.isolateModules(() => {
    jest.doMock('@tarojs/taro', () => ({ __esModule: true, default: Taro }))
    store = jest.requireActual<Store>('../src/store/large-type')
  })
  return store as Store
}

beforeEach(() => {
  resetTaro()
  process.env.TARO_ENV = 'h5'
})

it('remembers the choice across a relaunch', () => {
  expect(relaunchStore().isLargeType()).toBe(false)
  relaunchStore().setLargeType(true)
  expect(storage.get(StorageKey.largeType)).toBe('on')
  expect(relaunchStore().isLargeType()).toBe(true)
  relaunchStore().setLargeType(false)
  expect(relaunchStore().isLargeType()).toBe(false)
})

it('on weapp follows a large WeChat font setting until the user chooses', () => {
  process.env.TARO_ENV = 'weapp'
  Taro.getAppBaseInfo.mockImplementation(() => ({ language: 'zh_CN', fontSizeSetting: 22 }))
  expect(relaunchStore().isLargeType()).toBe(true)
  relaunchStore().setLargeType(false)
  expect(relaunchStore().isLargeType()).toBe(false)
})

it('on weapp stays normal with the standard WeChat font', () => {
  process.env.TARO_ENV = 'weapp'
  Taro.getAppBaseInfo.mockImplementation(() => ({ language: 'zh_CN', fontSizeSetting: 17, fontSizeScaleFactor: 1 }))
  expect(relaunchStore().isLargeType()).toBe(false)
})

it('the switch puts every open screen in large type at once', () => {
  const { container } = render(
    <>
      <Screen className='first'>
        <LargeTypeSwitch />
      </Screen>
      <Screen className='second'>内容</Screen>
    </>,
  )
  const screens = () => Array.from(container.querySelectorAll('.screen'))
  expect(screens().map((el) => el.classList.contains('large-type'))).toEqual([false, false])
  expect(screen.getByText('已关闭')).toBeTruthy()
  act(() => {
    fireEvent.click(screen.getByText('大字模式'))
  })
  expect(screens().map((el) => el.classList.contains('large-type'))).toEqual([true, true])
  expect(screen.getByText('已开启')).toBeTruthy()
  expect(storage.get(StorageKey.largeType)).toBe('on')
})
