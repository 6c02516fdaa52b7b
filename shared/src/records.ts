/**
 * Printable records and publicity boards (API.md "Publicity, objections and printable records",
 * issue 12): the written refusal notice (seed 004 §三) kept and delivered, and the compound's boards
 * of materials and responsible parties with the complaint phone and the owner supervisors
 * (seed 000 §五(六); seed 002 §五(五)3; seed 004 §六).
 */

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
