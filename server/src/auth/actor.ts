import type { ScopeType, StaffRole } from '@linyi/shared';

/** Who is calling: decoded from the access token by the auth guard. */
export type Actor = StaffActor | ResidentActor;

export interface StaffActor {
  kind: 'staff';
  id: string;
  role: StaffRole;
  scopeType: ScopeType;
  scopeId: string | null;
}

export interface ResidentActor {
  kind: 'resident';
  id: string;
}
