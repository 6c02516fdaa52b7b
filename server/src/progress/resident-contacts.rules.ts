import { StaffAction, can, type StaffRole } from '@linyi/shared';

/** An owner's name as staff outside the committee see it: the first character, then one * per other character (王小明 → 王**). */
export function maskedName(name: string): string {
  const [first = '', ...rest] = Array.from(name.trim());
  return first + '*'.repeat(rest.length);
}

/** The roster's contacts as `role` may see them: the committee keeps the roster and sees it whole; others get the masked name and no phone. */
export function contactsFor<T extends { ownerName: string; phone: string | null }>(role: StaffRole, row: T): T {
  if (can(role, StaffAction.ViewResidentContacts)) return row;
  return { ...row, ownerName: maskedName(row.ownerName), phone: null };
}
