import type { StaffView } from '@linyi/shared';
import type { StaffAccount } from './staff-account.entity.js';

export function toStaffView(account: StaffAccount): StaffView {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    scope: { type: account.scopeType, id: account.scopeId },
  };
}
