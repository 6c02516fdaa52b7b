import { ConsultationKind, shanghaiDate } from '@linyi/shared'
import type { BookingRequest, CreateWorkPlanRequest, CreateWorkWindowRequest, UpdateWorkPlanRequest, WorkPlanProblem, WorkPlanView } from '@linyi/shared'
import { fetchCompoundConsultations } from './consultations'
import { endpoints } from './endpoints'
import { ApiError } from './errors'
import { fetchFile, openPdfFile, showPdf, withStaffToken, type PdfOpened } from './files'
import { call } from './http'
import { download } from './transport'
import { saveDownload } from './upload'

// In-home works (issue 10), staff side: the contractor's and the committee's plans, windows and crew list.

export const fetchWorkPlans = (compoundId: string) => call(endpoints.workPlans, { query: { compoundId } })

export const createWorkPlan = (body: CreateWorkPlanRequest) => call(endpoints.createWorkPlan, { body })

export const fetchWorkPlan = (workPlanId: string) => call(endpoints.workPlan, { params: { workPlanId } })

export const updateWorkPlan = (workPlanId: string, body: UpdateWorkPlanRequest) => call(endpoints.updateWorkPlan, { params: { workPlanId }, body })

export const discardWorkPlan = (workPlanId: string) => call(endpoints.discardWorkPlan, { params: { workPlanId } })

export const addWorkWindow = (workPlanId: string, body: CreateWorkWindowRequest) => call(endpoints.addWorkWindow, { params: { workPlanId }, body })

export const removeWorkWindow = (workPlanId: string, windowId: string) => call(endpoints.removeWorkWindow, { params: { workPlanId, windowId } })

/** Who is booked when, with phones and the care plan's line for the crew: the server logs this read. */
export const fetchCrewList = (workPlanId: string) => call(endpoints.crewList, { params: { workPlanId } })

/** The committee books (or moves) a household that cannot use a phone. */
export const staffBookWindow = (householdId: string, body: BookingRequest) => call(endpoints.staffBookWindow, { params: { householdId }, body })

export const staffCancelBooking = (householdId: string, workPlanId: string) =>
  call(endpoints.staffCancelBooking, { params: { householdId }, query: { workPlanId } })

/** The plumbing applications a plan may follow: the compound's consultations of that kind. */
export async function fetchPlumbingApplications(compoundId: string) {
  return (await fetchCompoundConsultations(compoundId)).filter((consultation) => consultation.kind === ConsultationKind.PlumbingApplication)
}

export type PublishOutcome = { published: WorkPlanView; problems: null } | { published: null; problems: WorkPlanProblem[] }

/** Publishes, or answers every problem the server named (all units at once, so staff fix them together). */
export async function publishWorkPlan(workPlanId: string): Promise<PublishOutcome> {
  try {
    return { published: await call(endpoints.publishWorkPlan, { params: { workPlanId } }), problems: null }
  } catch (error) {
    const problems = error instanceof ApiError && error.code === 'WORK_PLAN_NOT_READY' ? error.details.problems : undefined
    if (Array.isArray(problems)) return { published: null, problems: problems as WorkPlanProblem[] }
    throw error
  }
}

/** Not in endpoints.ts: an XLSX and a PDF, not JSON exchanges. */
export const crewListXlsxPath = (workPlanId: string) => `${endpoints.crewList.path.replace(':workPlanId', encodeURIComponent(workPlanId))}?format=xlsx`
export const noticePdfPath = (workPlanId: string, unitId: string) =>
  `/work-plans/${encodeURIComponent(workPlanId)}/notice.pdf?unitId=${encodeURIComponent(unitId)}`

/** 入户名单-<plan>-2026-12-02.xlsx, the date in Beijing time. */
export const crewListFileName = (planTitle: string, now = new Date()) => `入户名单-${planTitle || '施工计划'}-${shanghaiDate(now)}.xlsx`

/** The crew list as a workbook: saved by the browser on H5, opened by WeChat on weapp. */
export const downloadCrewList = (workPlanId: string, planTitle: string) => saveDownload(crewListXlsxPath(workPlanId), crewListFileName(planTitle))

/** Where the notice went: a new browser tab to print from, the browser's downloads (pop-up blocked), or WeChat's viewer. */
export type NoticeOpened = PdfOpened

/**
 * The unit's stairwell notice (a water-cut notice must also be posted on paper): opened for printing.
 * H5 cannot send the token with a plain link, so the PDF is fetched and shown from a blob: URL.
 */
export async function openWorkNotice(workPlanId: string, unitId: string, unitLabel: string): Promise<NoticeOpened> {
  const path = noticePdfPath(workPlanId, unitId)
  if (process.env.TARO_ENV !== 'h5') return openPdfFile(await withStaffToken((token) => download(path, token)), '通知已下载，但微信无法打开它，请在电脑上打印')
  return showPdf(await withStaffToken((token) => fetchFile(path, token)), `入户施工及停水通知-${unitLabel}.pdf`)
}
