import { NeedCode } from '@linyi/shared';

/** The need codes a screening row stores (joined by commas; null when none or erased). */
export const storedNeeds = (needs: string | null | undefined): NeedCode[] => (needs ? (needs.split(',') as NeedCode[]) : []);

export const OTHER_NEED_NOTE_MESSAGE = '选择“其他困难”时请在说明中写明是什么困难';

/** "Other" alone says nothing the committee or the plan can act on: the note must say what it is. */
export function otherNeedProblem(needs: readonly NeedCode[], note: string | null): string | null {
  return needs.length === 1 && needs[0] === NeedCode.Other && !note?.trim() ? OTHER_NEED_NOTE_MESSAGE : null;
}
