import Taro from '@tarojs/taro'

/** Keys of everything the mini-program keeps in Taro storage. */
export const StorageKey = {
  residentToken: 'linyi.residentToken',
  staffToken: 'linyi.staffToken',
  staffProfile: 'linyi.staffProfile',
  demoOpenid: 'linyi.h5DemoOpenid',
  largeType: 'linyi.largeType',
  /** H5 only: the version of the privacy guide the user agreed to (weapp: WeChat keeps it). */
  privacyAgreed: 'linyi.privacyAgreed',
} as const

type Key = (typeof StorageKey)[keyof typeof StorageKey]

export function readString(key: Key): string | null {
  try {
    const value: unknown = Taro.getStorageSync(key)
    return typeof value === 'string' && value !== '' ? value : null
  } catch {
    return null
  }
}

export function writeString(key: Key, value: string): void {
  Taro.setStorageSync(key, value)
}

export function remove(key: Key): void {
  Taro.removeStorageSync(key)
}
