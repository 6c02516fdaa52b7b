import Taro from '@tarojs/taro'
import { apiBase } from './base-url'
import { ApiError, NETWORK_ERROR_MESSAGE, toApiError } from './errors'
import { saveInBrowser } from './save-in-browser'
import { STAFF_SIGN_IN_NEEDED } from './http'
import { loginResident, residentToken } from './resident-login'
import { clearSession, getToken } from './session'
import { download } from './transport'

// Files the server gives only with a token (photos, scans, PDFs): not JSON exchanges, so not `call`.

/** Runs a file request with the staff token; a 401 ends the stored session, as `call` does. */
export async function withStaffToken<T>(request: (token: string) => Promise<T>): Promise<T> {
  const token = getToken('staff')
  if (!token) throw new ApiError(STAFF_SIGN_IN_NEEDED, 401, 'UNAUTHENTICATED')
  try {
    return await request(token)
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) clearSession('staff')
    throw error
  }
}

/** Runs a file request with the resident's token, signing in again once when the saved token has expired (as `call` does). */
export async function withResidentToken<T>(request: (token: string) => Promise<T>): Promise<T> {
  const token = await residentToken()
  try {
    return await request(token)
  } catch (error) {
    if (!(error instanceof ApiError && error.statusCode === 401)) throw error
    if (getToken('resident') === token) clearSession('resident')
    return request(getToken('resident') ?? (await loginResident()))
  }
}

/** Where a PDF went: a new browser tab to print from, the browser's downloads (pop-up blocked), or WeChat's viewer. */
export type PdfOpened = 'tab' | 'saved' | 'wechat'

/** H5: a file fetched with the token (a plain link cannot carry it); a failure as the server's error. */
export async function fetchFile(path: string, token: string): Promise<Blob> {
  let response: Response
  try {
    response = await fetch(`${apiBase()}${path}`, { headers: { Authorization: `Bearer ${token}` } })
  } catch {
    throw new ApiError(NETWORK_ERROR_MESSAGE, 0, 'NETWORK_ERROR')
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null))
  return response.blob()
}

/** H5: the PDF in a new tab to print from; when the pop-up is blocked, saved as `fileName` so there is still something to print. */
export function showPdf(pdf: Blob, fileName: string): 'tab' | 'saved' {
  const href = URL.createObjectURL(pdf)
  // The new tab reads the URL after this returns: keep it a while, then let it go.
  setTimeout(() => URL.revokeObjectURL(href), 120_000)
  if (window.open(href, '_blank')) return 'tab'
  saveInBrowser(href, fileName)
  return 'saved'
}

/** weapp: a downloaded PDF in WeChat's document viewer; `cannotOpen` says what to do when WeChat cannot show it. */
export async function openPdfFile(filePath: string, cannotOpen: string): Promise<'wechat'> {
  try {
    await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true })
  } catch {
    throw new ApiError(cannotOpen, 0, 'OPEN_FAILED')
  }
  return 'wechat'
}

/** A resident's PDF: WeChat's viewer on weapp (`cannotOpen` when it fails); on H5 a new tab to print from, else saved as `fileName`. */
export async function openResidentPdf(path: string, fileName: string, cannotOpen: string): Promise<PdfOpened> {
  if (process.env.TARO_ENV !== 'h5') return openPdfFile(await withResidentToken((token) => download(path, token)), cannotOpen)
  return showPdf(await withResidentToken((token) => fetchFile(path, token)), fileName)
}
