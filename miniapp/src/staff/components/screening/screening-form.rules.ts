import { LegalBasis, NOTE_MAX, NeedCode, ScreeningStatus } from '@linyi/shared'
import type { ScreeningRequest, ScreeningView } from '@linyi/shared'

/** The household form as the staff member fills it in. */
export interface ScreeningDraft {
  /** null until one of the two big choices is tapped. */
  needsCare: boolean | null
  needs: NeedCode[]
  note: string
  legalBasis: LegalBasis | null
  /** The photographed consent form, `data:image/png;base64,…`. */
  consentScanPng: string | null
}

/** Consent already on file for SEPARATE_CONSENT: the scan kept with the record, or the resident's own online consent. */
export type StandingConsent = { kind: 'SCAN' | 'ONLINE'; givenAt: string | null } | null

const NEED_ORDER = Object.values(NeedCode)
const length = (text: string) => [...text.trim()].length

/** The form prefilled from the current record; a scan on file is kept by the server, not sent again. */
export function draftOf(view: ScreeningView | null): ScreeningDraft {
  const status = view?.status ?? null
  if (status === ScreeningStatus.NeedsCare) {
    return { needsCare: true, needs: view!.needs, note: view!.note ?? '', legalBasis: view!.legalBasis, consentScanPng: null }
  }
  return { needsCare: status === ScreeningStatus.NothingNeeded ? false : null, needs: [], note: '', legalBasis: null, consentScanPng: null }
}

/** The server keeps a scan on file when the record is saved again without a new one; else it takes the online consent. */
export function standingConsentOf(view: ScreeningView): StandingConsent {
  if (view.consent?.kind === 'SCAN' && view.consent.scanAvailable) return { kind: 'SCAN', givenAt: view.consent.givenAt }
  // The household's standing consent, which may be newer than the one an erased record rested on.
  if (view.onlineConsentAvailable) return { kind: 'ONLINE', givenAt: view.onlineConsentGivenAt }
  return null
}

export function toggleNeed(needs: NeedCode[], code: NeedCode): NeedCode[] {
  const next = needs.includes(code) ? needs.filter((n) => n !== code) : [...needs, code]
  return NEED_ORDER.filter((n) => next.includes(n))
}

/** Why the form cannot be saved yet (the save button says it), or null. */
export function screeningDraftProblem(draft: ScreeningDraft, standing: StandingConsent): string | null {
  if (draft.needsCare === null) return '请先选择：无特殊需要，或需要照顾'
  if (!draft.needsCare) return null
  if (draft.needs.length === 0) return '请至少勾选一项需要照顾的情况'
  if (length(draft.note) > NOTE_MAX) return `简要说明最多 ${NOTE_MAX} 个字`
  if (draft.needs.includes(NeedCode.Other) && length(draft.note) === 0) return '勾选了“其他困难”，请在简要说明中写明'
  if (!draft.legalBasis) return '请选择登记依据：居民单独同意，或街道、居委会的法定职责'
  if (draft.legalBasis === LegalBasis.SeparateConsent && !standing && !draft.consentScanPng) return '请先拍摄居民签字的同意书'
  return null
}

/** The PUT body, exactly the contract's fields: nothing about needs when nothing is needed, a scan only when one was taken. */
export function screeningRequestOf(draft: ScreeningDraft, standing: StandingConsent): ScreeningRequest {
  if (!draft.needsCare) return { needsCare: false }
  const note = draft.note.trim()
  const request: ScreeningRequest = { needsCare: true, needs: draft.needs }
  if (note) request.note = note
  if (draft.legalBasis) request.legalBasis = draft.legalBasis
  if (draft.legalBasis === LegalBasis.SeparateConsent && standing?.kind !== 'ONLINE' && draft.consentScanPng) request.consentScanPng = draft.consentScanPng
  return request
}

/**
 * What saving 无特殊需要 over a record of needs deletes (the server keeps no needs, note, plan or scan
 * then), as the confirmation lists it; null when nothing recorded is lost.
 */
export function nothingNeededLoss(view: ScreeningView, draft: ScreeningDraft): string[] | null {
  if (view.status !== ScreeningStatus.NeedsCare || draft.needsCare !== false) return null
  const lost = ['登记的情况', view.note ? '说明' : '', view.carePlan ? '照顾方案' : '', view.consent?.kind === 'SCAN' && view.consent.scanAvailable ? '同意书扫描件' : '']
  return lost.filter(Boolean)
}

/** “登记的情况、说明和照顾方案会被删除，不能恢复。” */
export function lossWarning(lost: string[]): string {
  const listed = lost.length > 1 ? `${lost.slice(0, -1).join('、')}和${lost[lost.length - 1]}` : lost[0]
  return `${listed}会被删除，不能恢复。确定改为“无特殊需要”吗？`
}

/** The save button over such a loss names the worst of it. */
export const lossSaveLabel = (lost: string[]) => (lost.includes('照顾方案') ? '保存（将删除照顾方案）' : '保存（将删除登记的情况）')
