/**
 * Printable records and publicity boards (API.md "Publicity, objections and printable records",
 * issue 12): the written refusal notice (seed 004 §三) kept and delivered, and the compound's boards
 * of materials and responsible parties with the complaint phone and the owner supervisors
 * (seed 000 §五(六); seed 002 §五(五)3; seed 004 §六).
 */

import { contactPhoneProblem, normalizeContactPhone } from './contact-phone.js';

/** The final-refusal notice as issued: stored, in the household's inbox, printable. */
export interface RefusalNoticeView {
  id: string;
  consultationId: string;
  householdId: string;
  householdLabel: string;
  text: string;
  /** SHA-256 of `text`: the printed notice names it. */
  textSha256: string;
  visits: number;
  issuedAt: string;
}

export interface BoardMaterial {
  name: string;
  maker: string;
  /** The factory test report: its number and issuer (出厂检验报告). */
  testReport: string;
}

export interface BoardParty {
  /** e.g. 建设单位, 设计单位, 施工单位, 监理单位. */
  role: string;
  organisation: string;
  person: string;
  phone: string;
}

export interface BoardSupervisor {
  householdId: string;
  name: string;
}

export interface CompoundBoards {
  compoundId: string;
  compoundName: string;
  materials: BoardMaterial[];
  parties: BoardParty[];
  complaintPhone: string | null;
  /** The owner supervisors named by the committee (issue 11); read-only here. */
  supervisors: BoardSupervisor[];
  updatedAt: string | null;
}

export interface BoardsRequest {
  materials: BoardMaterial[];
  parties: BoardParty[];
  complaintPhone: string | null;
}

export const BOARD_LIMITS = { materials: 50, parties: 20, text: 60, testReport: 120 } as const;

/** The inbox title of a delivered refusal notice; the body is the notice's text. */
export const REFUSAL_NOTICE_TITLE = '最终拒绝书面告知书';

const MATERIAL_FIELDS = { name: '材料名称', maker: '生产厂家', testReport: '出厂检验报告' } as const;
const PARTY_FIELDS = { role: '单位类别', organisation: '单位名称', person: '负责人', phone: '联系电话' } as const;

/** Boards as the client typed them, made plain: texts trimmed, phones written one way (rows are kept in order). */
export function normalizeBoards(request: BoardsRequest): BoardsRequest {
  const complaint = request.complaintPhone?.trim() ?? '';
  return {
    materials: request.materials.map((m) => ({ name: m.name.trim(), maker: m.maker.trim(), testReport: m.testReport.trim() })),
    parties: request.parties.map((p) => ({ role: p.role.trim(), organisation: p.organisation.trim(), person: p.person.trim(), phone: p.phone.trim() ? normalizeContactPhone(p.phone.trim()) : '' })),
    complaintPhone: complaint ? normalizeContactPhone(complaint) : null,
  };
}

const tooLong = (text: string, max: number) => [...text].length > max;

/**
 * Why normalised boards cannot be posted, in words a committee member can act on, or null. Each
 * material needs its name and maker, each party its category and organisation; a phone that is
 * given must be one (contact-phone.ts).
 */
export function boardsProblem(boards: BoardsRequest): string | null {
  if (boards.materials.length > BOARD_LIMITS.materials) return `材料最多 ${BOARD_LIMITS.materials} 种（现有 ${boards.materials.length} 种）`;
  if (boards.parties.length > BOARD_LIMITS.parties) return `责任单位最多 ${BOARD_LIMITS.parties} 个（现有 ${boards.parties.length} 个）`;
  for (const [index, material] of boards.materials.entries()) {
    const where = `第 ${index + 1} 种材料`;
    if (!material.name) return `${where}：请填写${MATERIAL_FIELDS.name}`;
    if (!material.maker) return `${where}（${material.name}）：请填写${MATERIAL_FIELDS.maker}`;
    for (const field of ['name', 'maker'] as const) {
      if (tooLong(material[field], BOARD_LIMITS.text)) return `${where}：${MATERIAL_FIELDS[field]}最多 ${BOARD_LIMITS.text} 个字`;
    }
    if (tooLong(material.testReport, BOARD_LIMITS.testReport)) return `${where}：${MATERIAL_FIELDS.testReport}最多 ${BOARD_LIMITS.testReport} 个字`;
  }
  for (const [index, party] of boards.parties.entries()) {
    const where = `第 ${index + 1} 个责任单位`;
    if (!party.role) return `${where}：请填写${PARTY_FIELDS.role}，如 施工单位`;
    if (!party.organisation) return `${where}（${party.role}）：请填写${PARTY_FIELDS.organisation}`;
    for (const field of ['role', 'organisation', 'person'] as const) {
      if (tooLong(party[field], BOARD_LIMITS.text)) return `${where}：${PARTY_FIELDS[field]}最多 ${BOARD_LIMITS.text} 个字`;
    }
    const problem = party.phone ? contactPhoneProblem(party.phone) : null;
    if (problem) return `${where}（${party.organisation}）的${PARTY_FIELDS.phone}有误：${problem}`;
  }
  const complaint = boards.complaintPhone ? contactPhoneProblem(boards.complaintPhone) : null;
  return complaint ? `投诉电话有误：${complaint}` : null;
}
