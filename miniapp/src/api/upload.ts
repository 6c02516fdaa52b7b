import Taro from '@tarojs/taro'
import { apiBase } from './base-url'
import { ApiError, NETWORK_ERROR_MESSAGE, toApiError } from './errors'
import { STAFF_SIGN_IN_NEEDED } from './http'
import { saveInBrowser } from './save-in-browser'
import { isCancel } from './wechat/errmsg'
import { ensurePrivacyAgreed } from './wechat/privacy'
import { clearSession, getToken } from './session'
import { download } from './transport'

/**
 * Multipart uploads and file downloads as the signed-in staff member: the one place besides
 * transport.ts that talks to the server, because neither is a JSON exchange.
 */

/** A file the staff member chose: a browser File on H5, a temp path from a WeChat chat on weapp. */
export type ChosenFile = { kind: 'browser'; file: File; name: string } | { kind: 'wechat'; path: string; name: string }

/** A refused upload: the readable message, and the server's whole answer (a roster's per-row errors live there). */
export class UploadError extends ApiError {
  constructor(
    error: ApiError,
    readonly body: unknown,
  ) {
    super(error.message, error.statusCode, error.code)
    this.name = 'UploadError'
  }
}

interface Answer {
  statusCode: number
  body: unknown
}

const networkError = () => new ApiError(NETWORK_ERROR_MESSAGE, 0, 'NETWORK_ERROR')

function staffToken(): string {
  const token = getToken('staff')
  if (!token) throw new ApiError(STAFF_SIGN_IN_NEEDED, 401, 'UNAUTHENTICATED')
  return token
}

/** Sends `file` as the multipart field `file`; resolves with the 2xx answer, else throws an UploadError. */
export async function uploadFile<T>(path: string, file: ChosenFile): Promise<T> {
  const token = staffToken()
  const answer = file.kind === 'browser' ? await postForm(path, file.file, token) : await wechatUpload(path, file.path, token)
  if (answer.statusCode >= 200 && answer.statusCode < 300) return answer.body as T
  if (answer.statusCode === 401) clearSession('staff')
  throw new UploadError(toApiError(answer.statusCode, answer.body), answer.body)
}

async function postForm(path: string, file: File, token: string): Promise<Answer> {
  const form = new FormData()
  form.append('file', file, file.name)
  let response: Response
  try {
    // No Content-Type: the browser writes the multipart boundary itself.
    response = await fetch(`${apiBase()}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form })
  } catch {
    throw networkError()
  }
  return { statusCode: response.status, body: await jsonOrNull(response) }
}

async function wechatUpload(path: string, filePath: string, token: string): Promise<Answer> {
  let result: Taro.uploadFile.SuccessCallbackResult
  try {
    result = await Taro.uploadFile({ url: `${apiBase()}${path}`, filePath, name: 'file', header: { Authorization: `Bearer ${token}` }, timeout: 60000 })
  } catch {
    throw networkError()
  }
  return { statusCode: result.statusCode, body: parseJson(result.data) }
}

async function jsonOrNull(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return null
  }
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

export const FILE_PRIVACY_REFUSED =
  '您没有同意隐私保护指引，所以无法选择微信聊天中的文件。其他功能照常可用；名册也可在电脑浏览器打开工作台导入。'

/** Weapp: one file from a WeChat chat (a phone has no file browser); null when the staff member cancels. */
export async function chooseWechatFile(extensions: string[]): Promise<ChosenFile | null> {
  if (!(await ensurePrivacyAgreed())) throw new ApiError(FILE_PRIVACY_REFUSED, 0, 'PRIVACY_REFUSED')
  let picked: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions })
  } catch (error) {
    if (isCancel(error)) return null
    throw new ApiError('无法打开微信聊天中的文件，请重试', 0, 'FILE_PICK_FAILED')
  }
  const first = picked.tempFiles[0]
  return first ? { kind: 'wechat', path: first.path, name: first.name } : null
}

/** Downloads a file the server only gives to signed-in staff: saved by the browser on H5, opened by WeChat on weapp. */
export async function saveDownload(path: string, fileName: string): Promise<void> {
  const token = staffToken()
  if (process.env.TARO_ENV === 'h5') return browserDownload(path, fileName, token)
  let filePath: string
  try {
    filePath = await download(path, token)
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) clearSession('staff')
    throw error
  }
  try {
    await Taro.openDocument({ filePath, fileType: documentType(fileName), showMenu: true })
  } catch {
    throw new ApiError('文件已下载，但微信无法打开它，请在电脑上下载', 0, 'OPEN_FAILED')
  }
}

const OPENABLE = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const

/** What WeChat can open (no CSV among them); undefined lets WeChat guess from the path. */
function documentType(fileName: string): Taro.openDocument.Option['fileType'] {
  const extension = fileName.split('.').pop()?.toLowerCase()
  return OPENABLE.find((type) => type === extension)
}

/** H5: a plain link cannot carry the Bearer token, so fetch the file and hand the browser an object URL. */
async function browserDownload(path: string, fileName: string, token: string): Promise<void> {
  let blob: Blob
  try {
    const response = await fetch(`${apiBase()}${path}`, { headers: { Authorization: `Bearer ${token}` } })
    if (!response.ok) {
      if (response.status === 401) clearSession('staff')
      throw toApiError(response.status, await jsonOrNull(response))
    }
    blob = await response.blob()
  } catch (error) {
    throw error instanceof ApiError ? error : networkError()
  }
  const href = URL.createObjectURL(blob)
  saveInBrowser(href, fileName)
  // Some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 10000)
}
