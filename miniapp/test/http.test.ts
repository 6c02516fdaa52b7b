import Taro, { replyWith, resetTaro, storage } from './taro-mock'
import { ApiError, bindHousehold, fetchCompounds, fetchMe, staffLogin } from '../src/api'
import { StorageKey } from '../src/api/storage'

const ok = (data: unknown) => ({ statusCode: 200, data })
const residentLogin = (token: string) => ok({ accessToken: token, resident: { id: 'r1', openid: 'x', name: null } })
const me = ok({ resident: { id: 'r1', openid: 'x', name: null }, households: [] })
const expired = { statusCode: 401, data: { statusCode: 401, code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' } }

const requests = () => Taro.request.mock.calls.map(([options]) => options)

beforeEach(() => {
  resetTaro()
  process.env.TARO_ENV = 'h5'
})

describe('resident requests', () => {
  it('signs in silently on H5 with a demo openid kept in storage, then sends the token', async () => {
    replyWith(residentLogin('token-1'), me)
    await fetchMe()
    const [login, get] = requests()
    expect(login.url).toBe('/api/auth/dev/login')
    expect(login.method).toBe('POST')
    const openid = (login.data as { openid: string }).openid
    expect(openid).toMatch(/^h5-demo-/)
    expect(storage.get(StorageKey.demoOpenid)).toBe(openid)
    expect(get.url).toBe('/api/me')
    expect(get.header.Authorization).toBe('Bearer token-1')
    expect(storage.get(StorageKey.residentToken)).toBe('token-1')
  })

  it('reuses the same demo openid after the token is lost', async () => {
    replyWith(residentLogin('token-1'), me)
    await fetchMe()
    storage.delete(StorageKey.residentToken)
    replyWith(residentLogin('token-2'), me)
    await fetchMe()
    const logins = requests().filter((r) => r.url.endsWith('/auth/dev/login'))
    expect(logins).toHaveLength(2)
    expect(logins[1].data).toEqual(logins[0].data)
  })

  it('shares one login between concurrent requests', async () => {
    replyWith(residentLogin('token-1'), me, me)
    await Promise.all([fetchMe(), fetchMe()])
    const urls = requests().map((r) => r.url)
    expect(urls.filter((u) => u.endsWith('/login'))).toHaveLength(1)
    expect(urls.filter((u) => u === '/api/me')).toHaveLength(2)
  })

  it('on weapp exchanges a Taro.login() code at /auth/wechat/login', async () => {
    process.env.TARO_ENV = 'weapp'
    replyWith(residentLogin('wx-token'), me)
    await fetchMe()
    const [login, get] = requests()
    expect(Taro.login).toHaveBeenCalledTimes(1)
    expect(login.url).toBe('http://127.0.0.1:3000/api/auth/wechat/login')
    expect(login.data).toEqual({ code: 'wx-code' })
    expect(get.header.Authorization).toBe('Bearer wx-token')
  })

  it('after a 401 drops the token, signs in again and retries once', async () => {
    storage.set(StorageKey.residentToken, 'stale')
    replyWith(expired, residentLogin('fresh'), me)
    await expect(fetchMe()).resolves.toEqual(me.data)
    expect(requests().map((r) => r.header.Authorization)).toEqual(['Bearer stale', undefined, 'Bearer fresh'])
    expect(storage.get(StorageKey.residentToken)).toBe('fresh')
  })

  it('when the retry is refused too, clears the session and shows the server message', async () => {
    storage.set(StorageKey.residentToken, 'stale')
    replyWith(expired, residentLogin('fresh'), expired)
    const error = await fetchMe().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).message).toBe('登录已失效，请重新登录')
    expect(storage.has(StorageKey.residentToken)).toBe(false)
  })

  it('surfaces the server message of a refused binding', async () => {
    storage.set(StorageKey.residentToken, 't')
    replyWith({ statusCode: 400, data: { statusCode: 400, code: 'INVITE_CODE_INVALID', message: '邀请码不正确，请核对后重新输入' } })
    await expect(bindHousehold('AAAAAAAA')).rejects.toMatchObject({
      statusCode: 400,
      code: 'INVITE_CODE_INVALID',
      message: '邀请码不正确，请核对后重新输入',
    })
    expect(requests()[0].data).toEqual({ inviteCode: 'AAAAAAAA' })
  })
})

describe('staff requests', () => {
  it('keeps the staff token after sign-in and sends it', async () => {
    replyWith(ok({ accessToken: 'staff-token', staff: { id: 's1', username: 'committee-demo', displayName: '居委会', role: 'COMMITTEE', scope: { type: 'COMMUNITY', id: 'c1' } } }), ok([]))
    await staffLogin('committee-demo', 'linyi-demo')
    await fetchCompounds()
    const [login, list] = requests()
    expect(login.url).toBe('/api/auth/staff/login')
    expect(login.data).toEqual({ username: 'committee-demo', password: 'linyi-demo' })
    expect(list.header.Authorization).toBe('Bearer staff-token')
  })

  it('clears the staff session on 401 and surfaces the server message', async () => {
    storage.set(StorageKey.staffToken, 'staff-token')
    storage.set(StorageKey.staffProfile, '{"id":"s1"}')
    replyWith(expired)
    await expect(fetchCompounds()).rejects.toThrow('登录已失效，请重新登录')
    expect(storage.has(StorageKey.staffToken)).toBe(false)
    expect(storage.has(StorageKey.staffProfile)).toBe(false)
    expect(requests()).toHaveLength(1)
  })

  it('asks to sign in without calling the server when there is no staff token', async () => {
    await expect(fetchCompounds()).rejects.toMatchObject({ statusCode: 401, message: '请先登录工作人员账号' })
    expect(Taro.request).not.toHaveBeenCalled()
  })
})

describe('error messages', () => {
  beforeEach(() => storage.set(StorageKey.staffToken, 'staff-token'))

  it('joins a list of validation messages', async () => {
    replyWith({ statusCode: 400, data: { statusCode: 400, code: 'VALIDATION_FAILED', message: ['用户名不能为空', '密码不能为空'] } })
    await expect(fetchCompounds()).rejects.toThrow('用户名不能为空；密码不能为空')
  })

  it('falls back to a Chinese message when the body is not the contract error', async () => {
    replyWith({ statusCode: 502, data: '<html>Bad Gateway</html>' })
    await expect(fetchCompounds()).rejects.toThrow('服务暂时不可用（502），请稍后再试')
  })

  it('reports a network failure plainly', async () => {
    replyWith(new Error('request:fail timeout'))
    await expect(fetchCompounds()).rejects.toMatchObject({ statusCode: 0, message: '网络连接失败，请检查网络后重试' })
  })
})
