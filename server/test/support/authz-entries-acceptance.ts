import { AcceptanceChannel, AcceptanceDecision, WarrantyPart } from '@linyi/shared';
import type { BodyContext, Control, MatrixEntry, Variant } from './authz-entries.js';
import { BY_ROLE, NOT_THEIRS, OUT_OF_SCOPE, type Refusals } from './authz-refusals.js';
import { PHOTO, passingPlumbing } from './acceptance-fixtures.js';
import { SIGNATURE } from './consent.js';

/**
 * Matrix entries of acceptance and warranty (issue 11, helper D); spread into MATRIX.
 * Inspections and repair work are the compound's contractor's (InspectWorks); a decision is the
 * bound resident's online or the committee's on paper (RecordPaperAcceptance); the household's
 * acceptance, warranty and repairs are read by its bound residents and by staff of the place
 * (ViewWorks); progress and the plan's repairs by staff only; supervisors are named by the committee
 * and sign off as residents. Residents refused by role get 403, staff outside the role 403, staff of
 * another scope and residents not bound 404.
 * Victim fixtures (authz-world-acceptance.ts), in the published plan of 幸福苑小区: the owner's
 * household inspected (with a photo of its own bytes), accepted, its warranty issued and a repair
 * reported; a supervisor household, named, inspected and not accepted; a household nothing was
 * recorded for. The controls run in this file's order and move that state on: the contractor
 * inspects the spare household, the committee accepts it on paper, the supervisor accepts its own
 * household and signs off the owner's, the contractor repairs and the owner accepts the repair.
 */
/** ResidentsAndStaff(ViewWorks): residents not bound 404, staff of another scope 404. */
const HOUSEHOLD_READ: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: OUT_OF_SCOPE, street: OUT_OF_SCOPE, contractor: OUT_OF_SCOPE };
/** StaffOnly(ViewWorks): residents by role, staff of another scope 404. */
const STAFF_READ: Refusals = { resident: BY_ROLE, tenant: BY_ROLE, committee: OUT_OF_SCOPE, street: OUT_OF_SCOPE, contractor: OUT_OF_SCOPE };
/** StaffOnly(InspectWorks): the contractor of another compound 404, every other role 403. */
const CONTRACTOR_WORK: Refusals = { resident: BY_ROLE, tenant: BY_ROLE, committee: BY_ROLE, street: BY_ROLE, contractor: OUT_OF_SCOPE };
/** ResidentsAndStaff(RecordPaperAcceptance): residents not bound 404, the committee of another community 404, other roles 403. */
const DECISION: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: OUT_OF_SCOPE, street: BY_ROLE, contractor: BY_ROLE };
/** ResidentOnly: residents not bound 404, every staff role 403. */
const RESIDENT_ONLY: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: BY_ROLE, street: BY_ROLE, contractor: BY_ROLE };
/** StaffOnly(NameOwnerSupervisors): the committee of another community 404, other roles 403. */
const NAMING: Refusals = { resident: BY_ROLE, tenant: BY_ROLE, committee: OUT_OF_SCOPE, street: BY_ROLE, contractor: BY_ROLE };
/** A sign-off: a resident who is not a supervisor of the household's compound 404 (as if it did not exist); staff by role. */
const SIGN_OFF: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: BY_ROLE, street: BY_ROLE, contractor: BY_ROLE };

const EVERY_READER: Control[] = [
  { as: 'owner', status: [200] },
  { as: 'committee', status: [200] },
  { as: 'street', status: [200] },
  { as: 'contractor', status: [200] },
];
const STAFF_READERS: Control[] = EVERY_READER.filter((c) => c.as !== 'owner');

const OWN_HOUSEHOLD: Variant = { name: "caller's own household, the victim's plan or record", home: ['householdId'] };
const DRAFT_PLAN: Variant = { name: "the victim household, the victim compound's DRAFT plan", remap: { workPlanId: 'draftWorkPlanId' } };

const inspectionBody = ({ id }: BodyContext) => ({ workPlanId: id('workPlanId'), results: passingPlumbing(), note: '授权测试' });
const decisionBody = ({ kind, id }: BodyContext) =>
  kind === 'staff'
    ? { workPlanId: id('workPlanId'), decision: AcceptanceDecision.Accept, channel: AcceptanceChannel.Paper, paperScanPng: PHOTO }
    : { workPlanId: id('workPlanId'), decision: AcceptanceDecision.Accept, channel: AcceptanceChannel.Online, signaturePng: SIGNATURE };

export const ACCEPTANCE_ENTRIES: Record<string, MatrixEntry> = {
  'POST /api/households/{householdId}/inspections': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    body: inspectionBody,
    expect: CONTRACTOR_WORK,
    // contractor-demo's own household (光明里小区) is not in the victim's plan: as if the plan did not exist.
    variants: [{ ...OWN_HOUSEHOLD, expect: CONTRACTOR_WORK }, DRAFT_PLAN],
    controls: [
      { as: 'contractor', status: [201], remap: { householdId: 'inspectHouseholdId' }, why: 'a household of the plan nothing was recorded for' },
      { as: 'contractor', status: [409], code: 'ALREADY_ACCEPTED', why: 'the owner accepted; later problems go through a repair; after the scope checks' },
      { as: 'contractor', status: [404], remap: { workPlanId: 'draftWorkPlanId' }, why: 'a draft plan does not exist for acceptance' },
    ],
  },
  'PUT /api/households/{householdId}/acceptance': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    body: decisionBody,
    expect: DECISION,
    variants: [
      {
        ...OWN_HOUSEHOLD,
        expect: {
          resident: { status: [409], code: 'NOT_INSPECTED', why: "the neighbour's own household, in the same plan, not inspected: refused after the scope checks" },
          tenant: { status: [409], code: 'NOT_INSPECTED', why: 'as above, for the tenant’s own household' },
          committee: NOT_THEIRS,
          street: BY_ROLE,
          contractor: BY_ROLE,
        },
      },
      DRAFT_PLAN,
    ],
    controls: [
      { as: 'committee', status: [200], remap: { householdId: 'inspectHouseholdId' }, why: 'the paper form of the household the contractor has just inspected' },
      { as: 'supervisor', status: [200], remap: { householdId: 'supervisorHouseholdId' }, why: 'the supervisor accepts its own household online' },
      { as: 'owner', status: [409], code: 'ALREADY_ACCEPTED', why: 'the owner accepted already; after the scope checks' },
    ],
  },
  'GET /api/households/{householdId}/acceptance': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    query: { workPlanId: 'workPlanId' },
    expect: HOUSEHOLD_READ,
    variants: [
      {
        ...OWN_HOUSEHOLD,
        expect: {
          resident: { status: [200], why: "the neighbour's own household in the plan of its unit (PENDING, nothing of the victim's)" },
          tenant: { status: [200], why: "the tenant's own household, as above" },
          committee: NOT_THEIRS,
          street: NOT_THEIRS,
          contractor: NOT_THEIRS,
        },
      },
      DRAFT_PLAN,
    ],
    controls: [...EVERY_READER, { as: 'supervisor', status: [200], why: 'an owner supervisor of the compound' }, { as: 'committee', status: [404], remap: { workPlanId: 'draftWorkPlanId' }, why: 'a draft plan does not exist for acceptance' }],
  },
  'GET /api/households/{householdId}/acceptance/photos/{sha256}': {
    kind: 'scoped',
    params: { householdId: 'householdId', sha256: 'acceptancePhotoSha256' },
    expect: HOUSEHOLD_READ,
    // The victim's photo through the caller's own household: only that household's own images are served.
    variants: [{ ...OWN_HOUSEHOLD, expect: HOUSEHOLD_READ }],
    controls: [...EVERY_READER, { as: 'supervisor', status: [200], why: 'an owner supervisor of the compound' }],
  },
  'POST /api/households/{householdId}/acceptance/sign-offs': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    body: ({ id }) => ({ workPlanId: id('workPlanId'), signaturePng: SIGNATURE, note: '授权测试：已到场查看' }),
    expect: SIGN_OFF,
    variants: [{ ...OWN_HOUSEHOLD, expect: SIGN_OFF }, { ...DRAFT_PLAN, expect: SIGN_OFF }],
    controls: [
      { as: 'supervisor', status: [201] },
      { as: 'supervisor', status: [409], code: 'ALREADY_SIGNED', why: 'one sign-off per supervisor and acceptance; after the scope checks' },
    ],
  },
  'GET /api/work-plans/{id}/acceptance': {
    kind: 'scoped',
    params: { id: 'workPlanId' },
    expect: STAFF_READ,
    controls: STAFF_READERS,
  },

  'GET /api/compounds/{compoundId}/owner-supervisors': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    expect: STAFF_READ,
    controls: STAFF_READERS,
  },
  'PUT /api/compounds/{compoundId}/owner-supervisors': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    body: ({ id }) => ({ supervisors: [{ householdId: id('supervisorHouseholdId'), name: '授权测试监督员' }] }),
    expect: NAMING,
    variants: [
      {
        name: "caller's own compound, the victim's household as supervisor",
        home: ['compoundId'],
        expect: {
          committee: { status: [400], code: 'VALIDATION_FAILED', why: "a household of another compound is refused after the compound's scope check" },
          street: BY_ROLE,
          contractor: BY_ROLE,
        },
      },
    ],
    controls: [{ as: 'committee', status: [200], why: 'the same supervisor again' }],
  },
  'GET /api/me/supervision': { kind: 'self', audience: ['resident'] },

  'GET /api/households/{householdId}/warranty': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    expect: HOUSEHOLD_READ,
    controls: EVERY_READER,
  },
  'GET /api/households/{householdId}/warranty.pdf': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    expect: HOUSEHOLD_READ,
    controls: EVERY_READER,
  },
  'GET /api/households/{householdId}/repairs': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    expect: HOUSEHOLD_READ,
    controls: EVERY_READER,
  },
  'GET /api/work-plans/{workPlanId}/repairs': {
    kind: 'scoped',
    params: { workPlanId: 'workPlanId' },
    expect: STAFF_READ,
    variants: [{ name: "the victim compound's DRAFT plan", remap: { workPlanId: 'draftWorkPlanId' } }],
    controls: STAFF_READERS,
  },
  'POST /api/households/{householdId}/repairs/{repairId}/done': {
    kind: 'scoped',
    params: { householdId: 'householdId', repairId: 'repairId' },
    body: () => ({ results: passingPlumbing(), note: '更换渗漏的管件（授权测试）' }),
    expect: CONTRACTOR_WORK,
    // The victim's repair through contractor-demo's own household: not found, never recorded.
    variants: [{ ...OWN_HOUSEHOLD, expect: CONTRACTOR_WORK }],
    controls: [{ as: 'contractor', status: [200] }],
  },
  'PUT /api/households/{householdId}/repairs/{repairId}/acceptance': {
    kind: 'scoped',
    params: { householdId: 'householdId', repairId: 'repairId' },
    body: () => ({ decision: AcceptanceDecision.Accept, signaturePng: SIGNATURE }),
    expect: RESIDENT_ONLY,
    variants: [{ ...OWN_HOUSEHOLD, expect: RESIDENT_ONLY }],
    controls: [
      { as: 'owner', status: [200], why: 'the contractor has just recorded a passing repair' },
      { as: 'owner', status: [409], code: 'REPAIR_CLOSED', why: 'accepted repairs are closed; after the scope checks' },
    ],
  },
  'POST /api/households/{householdId}/repairs': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    body: () => ({ part: WarrantyPart.Finishes, description: '厨房墙面恢复处有裂缝（授权测试）' }),
    expect: RESIDENT_ONLY,
    controls: [{ as: 'owner', status: [201] }],
  },
};
