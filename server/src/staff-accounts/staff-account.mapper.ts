import type { StaffAccountView } from '@linyi/shared';
import type { StaffAccount } from '../staff/staff-account.entity.js';
import { toStaffView } from '../staff/staff.mapper.js';

/** Explicit fields only: the password hash is never serialised. */
export function toStaffAccountView(account: StaffAccount, scopeName: string): StaffAccountView {
  return {
    ...toStaffView(account),
    scopeName,
    disabled: Boolean(account.disabled),
    createdAt: new Date(account.createdAt).toISOString(),
  };
}
