import type { BoardSupervisor, CompoundBoards, RefusalNoticeView } from '@linyi/shared';
import type { Compound } from '../places/compound.entity.js';
import type { CompoundBoard } from './compound-board.entity.js';
import type { RefusalNotice } from './refusal-notice.entity.js';

export function toRefusalNoticeView(notice: RefusalNotice, householdLabel: string): RefusalNoticeView {
  return {
    id: notice.id,
    consultationId: notice.consultationId,
    householdId: notice.householdId,
    householdLabel,
    text: notice.text,
    textSha256: notice.textSha256,
    visits: notice.visits,
    issuedAt: notice.issuedAt.toISOString(),
  };
}

/** A compound whose boards were never posted shows empty boards (and its supervisors, who are named elsewhere). */
export function toCompoundBoards(compound: Compound, board: CompoundBoard | null, supervisors: BoardSupervisor[]): CompoundBoards {
  return {
    compoundId: compound.id,
    compoundName: compound.name,
    materials: board?.materials ?? [],
    parties: board?.parties ?? [],
    complaintPhone: board?.complaintPhone ?? null,
    supervisors,
    updatedAt: board?.updatedAt.toISOString() ?? null,
  };
}
