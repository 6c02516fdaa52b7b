import { ComplaintTopic } from '@linyi/shared';
import type { MatrixEntry } from './authz-entries.js';
import { BY_ROLE, NOT_THEIRS, OUT_OF_SCOPE, type Refusals } from './authz-refusals.js';

/**
 * Matrix entries of complaints and suggestions (问计, issue 12, helper D); spread into MATRIX.
 * Filed by a bound resident; read by the household's bound residents and by ViewComplaints (committee,
 * street); answered by ReplyComplaints (committee); the street office's overview by street staff.
 * Residents refused by role 403, staff outside the role 403, staff of another scope and residents not
 * bound 404. Victim fixture (authz-world-publicity.ts): the victim owner's complaint with a photo.
 */
const RESIDENT_ONLY: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: BY_ROLE, street: BY_ROLE, contractor: BY_ROLE };
/** ViewComplaints: committee and street; residents and the contractor by role. */
const STAFF_READ: Refusals = { resident: BY_ROLE, tenant: BY_ROLE, committee: OUT_OF_SCOPE, street: OUT_OF_SCOPE, contractor: BY_ROLE };
const PHOTO_READ: Refusals = { ...STAFF_READ, resident: NOT_THEIRS, tenant: NOT_THEIRS };
const REPLY: Refusals = { ...STAFF_READ, street: BY_ROLE };
const STREET_ONLY: Refusals = { resident: BY_ROLE, tenant: BY_ROLE, committee: BY_ROLE, street: OUT_OF_SCOPE, contractor: BY_ROLE };

export const COMPLAINTS_ENTRIES: Record<string, MatrixEntry> = {
  'POST /api/complaints': {
    kind: 'scoped',
    params: {},
    body: ({ id }) => ({ householdId: id('householdId'), topic: ComplaintTopic.Other, text: '希望楼下多装几盏路灯（授权测试）' }),
    expect: RESIDENT_ONLY,
    controls: [{ as: 'owner', status: [201] }],
  },
  'GET /api/me/complaints': { kind: 'self', audience: ['resident'] },
  'GET /api/complaints/{complaintId}/photo': {
    kind: 'scoped',
    params: { complaintId: 'complaintId' },
    expect: PHOTO_READ,
    controls: [
      { as: 'owner', status: [200] },
      { as: 'committee', status: [200] },
      { as: 'street', status: [200] },
    ],
  },
  'GET /api/compounds/{compoundId}/complaints': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    expect: STAFF_READ,
    controls: [
      { as: 'committee', status: [200] },
      { as: 'street', status: [200] },
    ],
  },
  'PUT /api/complaints/{complaintId}/reply': {
    kind: 'scoped',
    params: { complaintId: 'complaintId' },
    body: () => ({ reply: '已联系施工单位，午间 12:00–14:00 停止打钻（授权测试）' }),
    expect: REPLY,
    controls: [
      { as: 'committee', status: [200] },
      { as: 'committee', status: [409], code: 'COMPLAINT_ALREADY_REPLIED', why: 'answered just above; after the scope checks' },
    ],
  },
  'GET /api/street-offices/{streetOfficeId}/complaints': {
    kind: 'scoped',
    params: { streetOfficeId: 'streetOfficeId' },
    expect: STREET_ONLY,
    controls: [{ as: 'street', status: [200] }],
  },
};
