import { BOARD_LIMITS, contactPhoneProblem, normalizeContactPhone } from '@linyi/shared'
import type { BoardMaterial, BoardParty, BoardsRequest, CompoundBoards } from '@linyi/shared'

// The boards form: rows as typed, the request the server takes, and every problem with the row it is on.

export interface BoardsDraft {
  materials: BoardMaterial[]
  parties: BoardParty[]
  complaintPhone: string
}

export const blankMaterial = (): BoardMaterial => ({ name: '', maker: '', testReport: '' })
export const blankParty = (): BoardParty => ({ role: '', organisation: '', person: '', phone: '' })

/** The four parties every works board names (seed 000 §五(六)), offered when none is recorded yet. */
export const STANDARD_PARTY_ROLES = ['建设单位', '设计单位', '施工单位', '监理单位']

export function boardsDraft(boards: CompoundBoards): BoardsDraft {
  return {
    materials: boards.materials.map((m) => ({ ...m })),
    parties: boards.parties.length ? boards.parties.map((p) => ({ ...p })) : STANDARD_PARTY_ROLES.map((role) => ({ ...blankParty(), role })),
    complaintPhone: boards.complaintPhone ?? '',
  }
}

const trimmed = <T extends object>(row: T): T => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as T
const isBlank = (row: object) => Object.values(row).every((v) => typeof v !== 'string' || v.trim() === '')
/** A party row with only its role filled (the offered four) is still empty. */
const isBlankParty = (party: BoardParty) => isBlank({ ...party, role: '' })

/** What is saved: blank rows dropped, text trimmed, phones made plain. */
export function boardsRequest(draft: BoardsDraft): BoardsRequest {
  const phone = draft.complaintPhone.trim()
  return {
    materials: draft.materials.filter((m) => !isBlank(m)).map(trimmed),
    parties: draft.parties.filter((p) => !isBlankParty(p)).map((p) => ({ ...trimmed(p), phone: normalizeContactPhone(p.phone) })),
    complaintPhone: phone ? normalizeContactPhone(phone) : null,
  }
}

const tooLong = (text: string, max: number) => [...text].length > max

/** Every problem of the form, each naming its row, in the order they appear; empty when it may be saved. */
export function boardsProblems(draft: BoardsDraft): string[] {
  const problems: string[] = []
  const request = boardsRequest(draft)
  if (request.materials.length > BOARD_LIMITS.materials) problems.push(`材料最多 ${BOARD_LIMITS.materials} 项`)
  if (request.parties.length > BOARD_LIMITS.parties) problems.push(`责任单位最多 ${BOARD_LIMITS.parties} 个`)
  request.materials.forEach((m, i) => {
    const row = `材料第 ${i + 1} 项`
    if (!m.name) problems.push(`${row}：请填写材料名称`)
    if (!m.maker) problems.push(`${row}：请填写生产厂家`)
    if (!m.testReport) problems.push(`${row}：请填写出厂检验报告`)
    if (tooLong(m.name, BOARD_LIMITS.text) || tooLong(m.maker, BOARD_LIMITS.text)) problems.push(`${row}：名称和厂家每项最多 ${BOARD_LIMITS.text} 个字`)
    if (tooLong(m.testReport, BOARD_LIMITS.testReport)) problems.push(`${row}：检验报告最多 ${BOARD_LIMITS.testReport} 个字`)
  })
  request.parties.forEach((p, i) => {
    const row = `${p.role || `责任单位第 ${i + 1} 个`}`
    if (!p.role) problems.push(`${row}：请填写单位类别（如施工单位）`)
    if (!p.organisation) problems.push(`${row}：请填写单位名称`)
    if (!p.person) problems.push(`${row}：请填写负责人`)
    if ([p.role, p.organisation, p.person].some((text) => tooLong(text, BOARD_LIMITS.text))) problems.push(`${row}：每项最多 ${BOARD_LIMITS.text} 个字`)
    const phone = p.phone ? contactPhoneProblem(p.phone) : '请填写联系电话'
    if (phone) problems.push(`${row}：${phone}`)
  })
  if (request.complaintPhone) {
    const phone = contactPhoneProblem(request.complaintPhone)
    if (phone) problems.push(`投诉电话：${phone}`)
  }
  return problems
}
