import { shanghaiDate } from '@linyi/shared'
import type { CarePlanRequest, ScreeningRequest, SensitiveAccessEntry } from '@linyi/shared'
import { endpoints } from './endpoints'
import { fetchFile, withStaffToken } from './files'
import { call } from './http'
import { download } from './transport'
import { saveDownload } from './upload'

// Special-needs screening (issue 9), staff side. Every read of details is logged by the server.

/** Counts per unit, no personal details (every staff role). */
export const fetchCompoundScreening = (compoundId: string) => call(endpoints.compoundScreening, { params: { compoundId } })

/** A unit's households and where each stands; the server logs this read (LIST_UNIT). */
export const fetchUnitScreening = (unitId: string) => call(endpoints.unitScreening, { params: { unitId } })

/** One household's record with its care plan; the server logs this read (VIEW_SCREENING). */
export const fetchHouseholdScreening = (householdId: string) => call(endpoints.householdScreening, { params: { householdId } })

export const recordScreening = (householdId: string, body: ScreeningRequest) => call(endpoints.recordScreening, { params: { householdId }, body })

export const saveCarePlan = (householdId: string, body: CarePlanRequest) => call(endpoints.saveCarePlan, { params: { householdId }, body })

/** Entries asked for at a time: a page shorter than this is the last one. */
export const ACCESS_LOG_PAGE_SIZE = 100

/** Where the next (older) page starts: `<at>_<id>` of the last entry shown, as the server pages. */
export const accessLogCursor = (entry: Pick<SensitiveAccessEntry, 'at' | 'id'>) => `${entry.at}_${entry.id}`

/** Newest first; `before` is the cursor of the last entry shown (`accessLogCursor`), null for the newest page. */
export const fetchSensitiveAccessLog = (streetOfficeId: string, before: string | null) =>
  call(endpoints.sensitiveAccessLog, { params: { streetOfficeId }, query: { ...(before ? { before } : {}), limit: String(ACCESS_LOG_PAGE_SIZE) } })

/** Not in endpoints.ts: an XLSX download and an image, not JSON exchanges. */
export const screeningExportPath = (compoundId: string) => `/compounds/${encodeURIComponent(compoundId)}/screening/export`
export const consentScanPath = (householdId: string) => `/households/${encodeURIComponent(householdId)}/screening/consent-scan`

/** The server's name for the file (摸排表-光明里小区-2026-12-02.xlsx), the date in Beijing time. */
export const screeningExportFileName = (compoundName: string, now = new Date()) => `摸排表-${compoundName || '小区'}-${shanghaiDate(now)}.xlsx`

/** The committee's XLSX (logged once as EXPORT): saved by the browser on H5, opened by WeChat on weapp. */
export const downloadScreeningExport = (compoundId: string, compoundName: string) =>
  saveDownload(screeningExportPath(compoundId), screeningExportFileName(compoundName))

/**
 * The signed consent form as an image source (logged as VIEW_CONSENT_SCAN): an object URL on H5,
 * where an <Image> cannot send the token; a temporary file on weapp.
 */
export const consentScanSource = (householdId: string): Promise<string> =>
  withStaffToken(async (token) => {
    const path = consentScanPath(householdId)
    return process.env.TARO_ENV !== 'h5' ? download(path, token) : URL.createObjectURL(await fetchFile(path, token))
  })
