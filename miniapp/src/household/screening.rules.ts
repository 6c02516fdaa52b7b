import { LEGAL_BASIS_LABELS, LegalBasis, STATUTORY_DUTY_NOTE, ScreeningStatus } from '@linyi/shared'
import type { ConsentEvidence, MyScreeningView, ScreeningWithdrawalEffect } from '@linyi/shared'
import { decodeParam } from '../consult/link.rules'
import { formatDateTime } from '../lib/format'

/** Ids the server hands out (UUIDs), and the short ones of tests and demos. */
const ID_SHAPE = /^[A-Za-z0-9-]{1,64}$/

/** Why the page's link cannot be opened, in words for the resident, or null. Checked before any request. */
export function householdLinkProblem(params: Record<string, string | undefined>): string | null {
  const id = decodeParam(params.householdId)
  if (!id) return '链接不完整：缺少房屋编号，请从首页重新打开。'
  if (!ID_SHAPE.test(id)) return '链接有误：房屋编号不正确，请从首页重新打开。'
  return null
}

/** The server's consent text (`MyScreeningView.consentText`) as the paragraphs it was written in. */
export function consentParagraphs(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

/** Where the record stands, said to the resident (the staff labels speak of “居民” in the third person). */
export const MY_STATUS_LABELS: Record<ScreeningStatus, string> = {
  [ScreeningStatus.NothingNeeded]: '无特殊需要',
  [ScreeningStatus.NeedsCare]: '需要照顾',
  [ScreeningStatus.Withdrawn]: '您已撤回同意，登记的情况已删除',
  [ScreeningStatus.Erased]: '登记的情况已到期删除',
}

/** Why the record may exist, said to the resident. */
export const MY_BASIS_LABELS: Record<LegalBasis, string> = {
  [LegalBasis.SeparateConsent]: '您本人同意',
  [LegalBasis.StatutoryDuty]: LEGAL_BASIS_LABELS[LegalBasis.StatutoryDuty],
}

/** How the separate consent was given: the signed form staff scanned, or the resident's own tap; once withdrawn, in the past. */
export function consentWords(consent: ConsentEvidence, withdrawn = false): string {
  const at = formatDateTime(consent.givenAt)
  if (withdrawn) return consent.kind === 'SCAN' ? `您曾于 ${at} 签署书面同意书（已撤回）` : `您曾于 ${at} 在小程序中同意（已撤回）`
  return consent.kind === 'SCAN' ? `书面同意书，${at}签署` : `您在小程序中同意，${at}`
}

/** A statutory-duty record needs no consent: the page does not ask for one next to it. */
export const asksForConsent = (view: Pick<MyScreeningView, 'status' | 'legalBasis'>) =>
  !(view.status === ScreeningStatus.NeedsCare && view.legalBasis === LegalBasis.StatutoryDuty)

/** What the resident may know about staff reads of the record (PIPL art. 45). */
export function readsLine(reads: number, lastReadAt: string | null): string {
  if (reads <= 0) return '还没有工作人员查看过这条记录。'
  return lastReadAt ? `工作人员共查看过 ${reads} 次，最近一次 ${formatDateTime(lastReadAt)}。` : `工作人员共查看过 ${reads} 次。`
}

/** The server's words on withdrawing; should they be missing, a statutory-duty record still says why it stays. */
export function withdrawalNote(view: Pick<MyScreeningView, 'legalBasis' | 'withdrawNote'>): string {
  const note = view.withdrawNote.trim()
  if (note) return note
  return view.legalBasis === LegalBasis.StatutoryDuty ? STATUTORY_DUTY_NOTE : ''
}

/** Named by what the server says DELETE does now (`MyScreeningView.withdrawal`). */
export const WITHDRAW_BUTTON: Record<ScreeningWithdrawalEffect, string> = {
  ERASE: '撤回同意并删除登记信息',
  CONSENT_ONLY: '撤回我的同意',
}

/** The confirmation before withdrawing: what goes, and what stays (WeChat allows 4 characters per button). */
export const WITHDRAW_CONFIRMATION: Record<ScreeningWithdrawalEffect, { title: string; content: string }> = {
  ERASE: {
    title: '撤回同意？',
    content: '撤回后，登记的情况、备注和照顾安排会被删除，不能恢复；撤回这件事本身会留下记录。确定撤回吗？',
  },
  CONSENT_ONLY: {
    title: '撤回同意？',
    content: '撤回后，工作人员不能再以您的这份同意为依据登记本户情况；撤回这件事本身会留下记录。确定撤回吗？',
  },
}

/** Said on the page once the withdrawal went through. */
export const WITHDRAWN_WORDS: Record<ScreeningWithdrawalEffect, string> = {
  ERASE: '已撤回同意。登记的情况、备注和照顾安排已删除，只保留撤回的记录。',
  CONSENT_ONLY: '已撤回您在小程序中的同意。撤回的记录会保留。',
}
