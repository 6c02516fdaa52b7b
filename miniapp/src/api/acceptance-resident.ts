import type { AcceptanceRequest, RepairAcceptanceRequest, RepairRequest, SignOffRequest } from '@linyi/shared'
import { endpoints } from './endpoints'
import { ApiError } from './errors'
import { fetchFile, openPdfFile, showPdf, type PdfOpened } from './files'
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

/** 保修事项告知书 as a PDF: WeChat's document viewer on weapp; on H5 a new tab to print from, else a download. */
export async function openWarrantyPdf(householdId: string, version?: number): Promise<PdfOpened> {
  const path = warrantyPdfPath(householdId, version)
  if (process.env.TARO_ENV !== 'h5') {
    return openPdfFile(await asResident((token) => download(path, token)), '告知书已下载，但微信无法打开它，请稍后再试，或请居委会帮您打印')
  }
  return showPdf(await asResident((token) => fetchFile(path, token)), `保修事项告知书${version ? `-第${version}版` : ''}.pdf`)
}
