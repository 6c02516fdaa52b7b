import { StaffRole } from '@linyi/shared';
import type { BodyContext, MatrixEntry } from './authz-entries.js';

const STAFF = [StaffRole.Committee, StaffRole.Street, StaffRole.Contractor, StaffRole.Admin];
const ACCOUNT_MANAGERS = [StaffRole.Street, StaffRole.Admin];

const newCommittee = ({ id }: BodyContext) => ({ username: 'authz-new-committee', displayName: '光明社区 新干事', role: StaffRole.Committee, scopeId: id('communityId'), password: 'authz-pass-2025' });

/** Matrix entries of the staff console's accounts routes (issue 8); spread into MATRIX. */
export const ACCOUNTS_ENTRIES: Record<string, MatrixEntry> = {
  // The caller's own account as the database says now; no ids in the request.
  'GET /api/staff/me': { kind: 'self', audience: STAFF },
  // Street staff: accounts of their own street office only (the second street office must not see the victim's accounts).
  'GET /api/staff-accounts': { kind: 'self', audience: ACCOUNT_MANAGERS },
  'GET /api/staff-accounts/scopes': { kind: 'self', audience: ACCOUNT_MANAGERS },
  'POST /api/staff-accounts': {
    kind: 'scoped',
    params: {},
    body: newCommittee,
    controls: [
      { as: 'street', status: [201] },
      {
        as: 'street',
        status: [201],
        body: ({ id }) => ({ username: 'authz-new-contractor', displayName: '幸福苑施工队 新经理', role: StaffRole.Contractor, scopeId: id('compoundId'), password: 'authz-pass-2025' }),
        why: 'a contractor account for a compound of the street office',
      },
    ],
  },
  'PATCH /api/staff-accounts/{id}': {
    kind: 'scoped',
    params: { id: 'staffAccountId' },
    body: ({ id }) => ({ displayName: '光明社区 改名后', scopeId: id('communityId'), disabled: false }),
    variants: [{ name: "an account of the caller's own street office, moved into the victim's community", home: ['staffAccountId'] }],
    controls: [{ as: 'street', status: [200] }],
  },

  'GET /api/compounds/{compoundId}/settings': { kind: 'scoped', params: { compoundId: 'compoundId' }, controls: [{ as: 'committee', status: [200] }] },
  'PUT /api/compounds/{compoundId}/settings': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    body: () => ({ emergencyPhone: '010-64009999', address: '幸福路18号' }),
    controls: [{ as: 'committee', status: [200] }],
  },

  // The template holds no data of any place: the roster uploaders get it, everyone else 401/403.
  'GET /api/roster-template': { kind: 'self', audience: [StaffRole.Committee, StaffRole.Street, StaffRole.Admin] },
};
