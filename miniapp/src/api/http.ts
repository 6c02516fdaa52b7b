import type { Endpoint } from './endpoints'
import { ApiError } from './errors'
import { loginResident, residentToken } from './resident-login'
import { clearSession, getToken } from './session'
import { send } from './transport'

export interface CallInput<Body> {
  params?: Record<string, string>
  /** Appended as a query string, e.g. `?compoundId=…`. */
  query?: Record<string, string>
  body?: Body
}

export const STAFF_SIGN_IN_NEEDED = '请先登录工作人员账号'

function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`)
    return encodeURIComponent(value)
  })
}

function withQuery(path: string, query: Record<string, string> = {}): string {
  const pairs = Object.entries(query).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
  return pairs.length ? `${path}?${pairs.join('&')}` : path
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.statusCode === 401
}

/** Calls an endpoint as its record says: anonymously, as the resident or as staff. */
export async function call<Res, Body>(endpoint: Endpoint<Res, Body>, input: CallInput<Body> = {}): Promise<Res> {
  const path = withQuery(fillPath(endpoint.path, input.params), input.query)
  const { method } = endpoint
  if (endpoint.auth === 'none') return send<Res>(method, path, input.body, null)

  if (endpoint.auth === 'staff') {
    const token = getToken('staff')
    if (!token) throw new ApiError(STAFF_SIGN_IN_NEEDED, 401, 'UNAUTHENTICATED')
    try {
      return await send<Res>(method, path, input.body, token)
    } catch (error) {
      if (isUnauthorized(error)) clearSession('staff')
      throw error
    }
  }

  const token = await residentToken()
  try {
    return await send<Res>(method, path, input.body, token)
  } catch (error) {
    if (!isUnauthorized(error)) throw error
    // Only drop the token this request used: another request may already have renewed it.
    if (getToken('resident') === token) clearSession('resident')
    const renewed = getToken('resident') ?? (await loginResident())
    try {
      return await send<Res>(method, path, input.body, renewed)
    } catch (retryError) {
      if (isUnauthorized(retryError)) clearSession('resident')
      throw retryError
    }
  }
}
