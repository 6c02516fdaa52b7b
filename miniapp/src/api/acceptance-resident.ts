import Taro from '@tarojs/taro'
import type { AcceptanceRequest, RepairAcceptanceRequest, RepairRequest, SignOffRequest } from '@linyi/shared'
import { apiBase } from './base-url'
import { endpoints } from './endpoints'
import { ApiError, NETWORK_ERROR_MESSAGE, toApiError } from './errors'
import { call } from './http'
import { loginResident, residentToken } from './resident-login'
import { clearSession, getToken } from './session'
import { download } from './transport'

/** What the resident sees before signing: the inspections, the decisions so far, whether ACCEPT is open. */
export const fetchMyAcceptance = (householdId: string, workPlanId: string) => call(endpoints.myAcceptance, { params: { householdId }, query: { workPlanId } })

/** ACCEPT with a signature, or REJECT with the defects (and a signature): the server answers the new status. */
export const sendMyAcceptance = (householdId: string, request: AcceptanceRequest) => call(endpoints.acceptWorks, { params: { householdId }, body: request })

/** The current warranty notice, or an earlier version of it. */
export const fetchMyWarranty = (householdId: string, version?: number) =>
  call(endpoints.myWarranty, { params: { householdId }, query: version ? { version: String(version) } : {} })

export const fetchMyRepairs = (householdId: string) => call(endpoints.myRepairs, { params: { householdId } })

export const reportMyRepair = (householdId: string, request: RepairRequest) => call(endpoints.reportRepair, { params: { householdId }, body: request })

export const acceptMyRepair = (householdId: string, repairId: string, request: RepairAcceptanceRequest) =>
  call(endpoints.acceptRepair, { params: { householdId, repairId }, body: request })

/** What an owner supervisor may sign off; empty for everyone else. */
export const fetchMySupervision = () => call(endpoints.mySupervision)

export const signOffAcceptance = (householdId: string, request: SignOffRequest) => call(endpoints.signOff, { params: { householdId }, body: request })

const householdPath = (householdId: string) => `/households/${encodeURIComponent(householdId)}`

/** Not in endpoints.ts: image bytes and a PDF, not JSON exchanges. */
export const acceptancePhotoPath = (householdId: string, sha256: string) => `${householdPath(householdId)}/acceptance/photos/${encodeURIComponent(sha256)}`
export const warrantyPdfPath = (householdId: string, version?: number) => `${householdPath(householdId)}/warranty.pdf${version ? `?version=${version}` : ''}`

/** Runs a download with the resident's token, signing in again once when the saved token has expired. */
async function asResident<T>(fetchWith: (token: string) => Promise<T>): Promise<T> {
  const token = await residentToken()
  try {
    return await fetchWith(token)
  } catch (error) {
    if (!(error instanceof ApiError && error.statusCode === 401)) throw error
    if (getToken('resident') === token) clearSession('resident')
    return fetchWith(getToken('resident') ?? (await loginResident()))
  }
}

/**
 * An inspection, defect or repair photo as an <Image> source, fetched with the resident's token (a
 * plain image URL cannot carry it): a temporary file on weapp, a blob: URL on H5.
 */
export const downloadAcceptancePhoto = (householdId: string, sha256: string) => asResident((token) => download(acceptancePhotoPath(householdId, sha256), token))

/** Where the notice went: a new browser tab to print from, the browser's downloads (pop-up blocked), or WeChat's viewer. */
export type PdfOpened = 'tab' | 'saved' | 'wechat'

async function fetchPdf(path: string, token: string): Promise<Blob> {
  let response: Response
  try {
    response = await fetch(`${apiBase()}${path}`, { headers: { Authorization: `Bearer ${token}` } })
  } catch {
    throw new ApiError(NETWORK_ERROR_MESSAGE, 0, 'NETWORK_ERROR')
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null))
  return response.blob()
}

/** 保修事项告知书 as a PDF: WeChat's document viewer on weapp; on H5 a new tab to print from, else a download. */
export async function openWarrantyPdf(householdId: string, version?: number): Promise<PdfOpened> {
  const path = warrantyPdfPath(householdId, version)
  if (process.env.TARO_ENV !== 'h5') {
    const filePath = await asResident((token) => download(path, token))
    try {
      await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true })
    } catch {
      throw new ApiError('告知书已下载，但微信无法打开它，请稍后再试，或请居委会帮您打印', 0, 'OPEN_FAILED')
    }
    return 'wechat'
  }
  const href = URL.createObjectURL(await asResident((token) => fetchPdf(path, token)))
  // The new tab reads the URL after this returns: keep it a while, then let it go.
  setTimeout(() => URL.revokeObjectURL(href), 120_000)
  if (window.open(href, '_blank')) return 'tab'
  const link = document.createElement('a')
  link.href = href
  link.download = `保修事项告知书${version ? `-第${version}版` : ''}.pdf`
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  return 'saved'
}
