import type { StaffAccountView } from '@linyi/shared';
import type { StaffAccount } from '../staff/staff-account.entity.js';

/** Explicit fields only: the password hash is never serialised. */
export function toStaffAccountView(account: StaffAccount, scopeName: string): StaffAccountView {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    scope: { type: account.scopeType, id: account.scopeId },
    scopeName,
    disabled: Boolean(account.disabled),
    createdAt: new Date(account.createdAt).toISOString(),
  };
}
