/** The few @tarojs/taro APIs the mini-program uses, backed by memory so tests can inspect them. */
import { useEffect } from 'react'

// Kept on globalThis so that it survives jest.resetModules(), like a phone's storage survives a relaunch.
const holder = globalThis as { __taroStorage?: Map<string, unknown> }
export const storage: Map<string, unknown> = (holder.__taroStorage ??= new Map())

export interface FakeResponse {
  statusCode: number
  data: unknown
}

const Taro = {
  request: jest.fn<Promise<FakeResponse>, [{ url: string; method: string; header: Record<string, string>; data?: unknown }]>(),
  login: jest.fn(async () => ({ code: 'wx-code', errMsg: 'login:ok' })),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value)
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key)
  }),
  getAppBaseInfo: jest.fn((): Record<string, unknown> => ({ language: 'zh_CN' })),
  navigateTo: jest.fn(async (_: { url: string }) => ({ errMsg: 'navigateTo:ok' })),
  redirectTo: jest.fn(async (_: { url: string }) => ({ errMsg: 'redirectTo:ok' })),
  reLaunch: jest.fn(async (_: { url: string }) => ({ errMsg: 'reLaunch:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  getCurrentPages: jest.fn(() => [{}, {}] as unknown[]),
}

/** A page's first show happens on mount. */
export function useDidShow(callback: () => void): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => callback(), [])
}

export const useRouter = jest.fn(() => ({ params: {} as Record<string, string | undefined> }))

/** Replies the fake server gives, in order; each is a response or a thrown network error. */
export function replyWith(...replies: Array<FakeResponse | Error>): void {
  for (const reply of replies) {
    if (reply instanceof Error) Taro.request.mockRejectedValueOnce(reply)
    else Taro.request.mockResolvedValueOnce(reply)
  }
}

export function resetTaro(): void {
  storage.clear()
  Taro.request.mockReset()
  Taro.getCurrentPages.mockImplementation(() => [{}, {}])
  Taro.getAppBaseInfo.mockImplementation(() => ({ language: 'zh_CN' }))
}

export default Taro
