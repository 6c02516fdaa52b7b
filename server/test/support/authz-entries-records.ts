import type { Control, MatrixEntry, Variant } from './authz-entries.js';
import { BY_ROLE, NOT_THEIRS, OUT_OF_SCOPE, victimCompound, type Refusals } from './authz-refusals.js';

/**
 * Matrix entries of printable records and publicity boards (issue 12, helper D); spread into MATRIX.
 * The signed application and the refusal notice are read by the household's bound residents and by
 * staff with PrintRecords (committee, street); the boards by residents bound in the compound and all
 * staff (ViewBoards), edited by EditBoards (committee, contractor). Residents refused by role 403,
 * staff outside the role 403, staff of another scope and residents not bound 404.
 * Victim fixtures: the victim owner's signed answer (authz-world.ts); a refusal of the owner's
 * household marked final in `refusalConsultationId`, and the compound's boards
 * (authz-world-publicity.ts). The wrong residents are bound in the victim compound, so their
 * `residentCompoundId` is 红星小区.
 */
/** Bound residents of the household; staff with PrintRecords (no contractor). */
const RECORD_READ: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: OUT_OF_SCOPE, street: OUT_OF_SCOPE, contractor: BY_ROLE };
/** Residents bound in the compound; every staff role (ViewBoards). */
const BOARDS_READ: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: OUT_OF_SCOPE, street: OUT_OF_SCOPE, contractor: OUT_OF_SCOPE };
/** EditBoards: committee and contractor. */
const BOARDS_EDIT: Refusals = { resident: BY_ROLE, tenant: BY_ROLE, committee: OUT_OF_SCOPE, street: BY_ROLE, contractor: OUT_OF_SCOPE };

const RECORD_READERS: Control[] = [
  { as: 'owner', status: [200] },
  { as: 'committee', status: [200] },
  { as: 'street', status: [200] },
];
const BOARDS_READERS: Control[] = [...RECORD_READERS, { as: 'contractor', status: [200] }];

const OWN_CONSULTATION: Variant = { name: "caller's own consultation, the victim's household", home: ['consultationId'] };
const OWN_HOUSEHOLD: Variant = { name: "caller's own household, the victim's consultation", home: ['householdId'], expect: RECORD_READ };
/** The victim compound itself: the wrong residents are bound there and may read its boards. */
const VICTIM_COMPOUND = victimCompound(BOARDS_READ, 'a resident bound in the compound reads its boards (seed 000 §五(六))', 'boards are for every resident, tenants included');

const boardsBody = () => ({
  materials: [{ name: 'PPR 给水管', maker: '某管业有限公司', testReport: '出厂检验报告 第 2025-002 号' }],
  parties: [{ role: '施工单位', organisation: '某建设工程有限公司', person: '李工', phone: '13900139000' }],
  complaintPhone: '010-64001234',
});

export const RECORDS_ENTRIES: Record<string, MatrixEntry> = {
  'GET /api/consultations/{id}/responses/{householdId}/application.pdf': {
    kind: 'scoped',
    params: { id: 'consultationId', householdId: 'householdId' },
    expect: RECORD_READ,
    variants: [{ ...OWN_CONSULTATION, expect: RECORD_READ }, OWN_HOUSEHOLD],
    controls: RECORD_READERS,
  },
  'GET /api/consultations/{id}/households/{householdId}/refusal-notice': {
    kind: 'scoped',
    params: { id: 'refusalConsultationId', householdId: 'householdId' },
    expect: RECORD_READ,
    variants: [OWN_HOUSEHOLD],
    controls: RECORD_READERS,
  },
  'GET /api/consultations/{id}/households/{householdId}/refusal-notice.pdf': {
    kind: 'scoped',
    params: { id: 'refusalConsultationId', householdId: 'householdId' },
    expect: RECORD_READ,
    variants: [OWN_HOUSEHOLD],
    controls: RECORD_READERS,
  },
  'GET /api/compounds/{compoundId}/boards': {
    kind: 'scoped',
    params: { compoundId: 'residentCompoundId' },
    expect: BOARDS_READ,
    variants: [VICTIM_COMPOUND],
    controls: BOARDS_READERS,
  },
  'PUT /api/compounds/{compoundId}/boards': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    body: boardsBody,
    expect: BOARDS_EDIT,
    controls: [
      { as: 'committee', status: [200] },
      { as: 'contractor', status: [200], why: "the victim compound's contractor keeps the materials board" },
    ],
  },
  'GET /api/compounds/{compoundId}/boards.pdf': {
    kind: 'scoped',
    params: { compoundId: 'residentCompoundId' },
    expect: BOARDS_READ,
    variants: [VICTIM_COMPOUND],
    controls: BOARDS_READERS,
  },
};
