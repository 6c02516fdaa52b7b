import Taro from '@tarojs/taro'
import { apiBase } from './base-url'
import { ApiError, NETWORK_ERROR_MESSAGE, toApiError } from './errors'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** One HTTP exchange with the server; the only place that calls Taro.request (and Taro.downloadFile). */
export async function send<T>(method: HttpMethod, path: string, body: unknown, token: string | null): Promise<T> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' }
  if (token) header.Authorization = `Bearer ${token}`
  let response: Taro.request.SuccessCallbackResult
  try {
    response = await Taro.request({
      url: `${apiBase()}${path}`,
      method,
      header,
      data: body === undefined ? undefined : (body as Taro.request.Option['data']),
      dataType: 'json',
      timeout: 15000,
    })
  } catch {
    throw new ApiError(NETWORK_ERROR_MESSAGE, 0, 'NETWORK_ERROR')
  }
  const data: unknown = response.data
  if (response.statusCode >= 200 && response.statusCode < 300) return data as T
  throw toApiError(response.statusCode, data)
}

/** Downloads a file (weapp only: H5 cannot send the token with a plain link) to a temporary path. */
export async function download(path: string, token: string): Promise<string> {
  let response: Taro.downloadFile.FileSuccessCallbackResult
  try {
    response = await Taro.downloadFile({ url: `${apiBase()}${path}`, header: { Authorization: `Bearer ${token}` } })
  } catch {
    throw new ApiError(NETWORK_ERROR_MESSAGE, 0, 'NETWORK_ERROR')
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.tempFilePath
  throw toApiError(response.statusCode, null)
}
