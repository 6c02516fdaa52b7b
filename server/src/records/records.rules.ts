import { createHash } from 'node:crypto';
import type { BoardsRequest } from '@linyi/shared';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash the audit records for a board: over the canonical JSON of what is posted, in its order. */
export function boardsSha256(boards: BoardsRequest): string {
  const canonical = {
    materials: boards.materials.map((m) => [m.name, m.maker, m.testReport]),
    parties: boards.parties.map((p) => [p.role, p.organisation, p.person, p.phone]),
    complaintPhone: boards.complaintPhone,
  };
  return sha256Hex(JSON.stringify(canonical));
}

/** One inbox delivery per notice and household: marking final again (or a replay) tells nobody twice. */
export const refusalNoticeKey = (noticeId: string, householdId: string) => `refusal-notice:${noticeId}:${householdId}`;
