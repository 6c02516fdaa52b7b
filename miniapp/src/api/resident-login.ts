import Taro from '@tarojs/taro'
import type { ResidentLoginResponse } from '@linyi/shared'
import { endpoints } from './endpoints'
import { getToken, saveResidentToken } from './session'
import { StorageKey, readString, writeString } from './storage'
import { send } from './transport'

let pendingLogin: Promise<string> | null = null

/** The resident token, signing in silently first when there is none. */
export function residentToken(): Promise<string> {
  const saved = getToken('resident')
  return saved ? Promise.resolve(saved) : loginResident()
}

/** Signs the resident in; concurrent callers share one login. */
export function loginResident(): Promise<string> {
  if (!pendingLogin) {
    pendingLogin = performLogin().finally(() => {
      pendingLogin = null
    })
  }
  return pendingLogin
}

async function performLogin(): Promise<string> {
  let result: ResidentLoginResponse
  if (process.env.TARO_ENV === 'weapp') {
    // The code is single-use and valid 5 minutes: fetch a fresh one for every login.
    const { code } = await Taro.login()
    result = await send<ResidentLoginResponse>(endpoints.wechatLogin.method, endpoints.wechatLogin.path, { code }, null)
  } else {
    result = await send<ResidentLoginResponse>(endpoints.devLogin.method, endpoints.devLogin.path, { openid: demoOpenid() }, null)
  }
  saveResidentToken(result.accessToken)
  return result.accessToken
}

/** The H5 demo has no WeChat: one made-up openid per browser, kept so the resident stays the same. */
export function demoOpenid(): string {
  const saved = readString(StorageKey.demoOpenid)
  if (saved) return saved
  const openid = `h5-demo-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
  writeString(StorageKey.demoOpenid, openid)
  return openid
}
