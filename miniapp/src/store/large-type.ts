import { useSyncExternalStore } from 'react'
import { StorageKey, readString, writeString } from '../api/storage'
import { wechatAsksForLargeType } from '../api/wechat/font-setting'

type Listener = () => void
const listeners = new Set<Listener>()
let current: boolean | null = null

/** The user's own choice wins; without one, follow WeChat's font size setting. */
export function isLargeType(): boolean {
  if (current === null) {
    const saved = readString(StorageKey.largeType)
    current = saved === 'on' ? true : saved === 'off' ? false : wechatAsksForLargeType()
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
