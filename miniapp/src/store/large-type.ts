import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { StorageKey, readString, writeString } from '../api/storage'

/** WeChat's standard font is 17px; from 20px up the user has asked for large text. */
const LARGE_FONT_SETTING_PX = 20
const LARGE_FONT_SCALE = 1.15

interface WeChatFontInfo {
  fontSizeSetting?: number
  fontSizeScaleFactor?: number
}

type Listener = () => void
const listeners = new Set<Listener>()
let current: boolean | null = null

function systemAsksForLargeType(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false
  try {
    // Taro's typings lag WeChat's: both fields exist since base library 2.23.4.
    const info = Taro.getAppBaseInfo() as Taro.getAppBaseInfo.Result & WeChatFontInfo
    return (info.fontSizeSetting ?? 0) >= LARGE_FONT_SETTING_PX || (info.fontSizeScaleFactor ?? 1) >= LARGE_FONT_SCALE
  } catch {
    return false
  }
}

/** The user's own choice wins; without one, follow WeChat's font size setting. */
export function isLargeType(): boolean {
  if (current === null) {
    const saved = readString(StorageKey.largeType)
    current = saved === 'on' ? true : saved === 'off' ? false : systemAsksForLargeType()
  }
  return current
}

export function setLargeType(on: boolean): void {
  current = on
  writeString(StorageKey.largeType, on ? 'on' : 'off')
  listeners.forEach((listener) => listener())
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useLargeType(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, isLargeType, isLargeType)
  return [on, setLargeType]
}
