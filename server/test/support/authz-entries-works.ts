import { DEFAULT_WORK_STEPS } from '@linyi/shared';
import type { BodyContext, Control, MatrixEntry, Variant } from './authz-entries.js';
import { BY_ROLE, NOT_THEIRS, OUT_OF_SCOPE, type Refusals } from './authz-refusals.js';

/**
 * Matrix entries of in-home works and booking (issue 10, helper D); spread into MATRIX.
 * Plans, windows and the notice are staff reading (ViewWorks: every role) or managing (ManageWorks:
 * contractor and committee); the crew list is ViewCrewList (contractor and committee). Residents are
 * refused those by role, 403; staff outside the role 403; staff of another scope 404. A booking is
 * the bound resident's or the committee's (BookForHousehold): other residents 404, other staff roles 403.
 * Victim fixtures (authz-world.ts): a PUBLISHED plan of 幸福苑小区 with one window, booked by the victim
 * owner; a DRAFT plan with one window; a spare DRAFT the DELETE control discards. The wrong staff
 * callers each have a DRAFT plan of their own (home `draftWorkPlanId`) for the mixed cases.
 */

/** ViewWorks: every staff role; residents by role. */
const VIEW_REFUSALS: Refusals = { resident: BY_ROLE, tenant: BY_ROLE, committee: OUT_OF_SCOPE, street: OUT_OF_SCOPE, contractor: OUT_OF_SCOPE };
/** ManageWorks and ViewCrewList: contractor and committee; street staff by role. */
const MANAGE_REFUSALS: Refusals = { ...VIEW_REFUSALS, street: BY_ROLE };
/** BookForHousehold with the bound residents: other residents 404, staff roles other than the committee 403. */
const BOOKING_REFUSALS: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: OUT_OF_SCOPE, street: BY_ROLE, contractor: BY_ROLE };
/** The resident's own calendar file: other residents 404, every staff role 403. */
const RESIDENT_ONLY_REFUSALS: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: BY_ROLE, street: BY_ROLE, contractor: BY_ROLE };

const COMMITTEE_AND_STREET: Control[] = [
  { as: 'committee', status: [200] },
  { as: 'street', status: [200] },
];

const DAY = 86_400_000;
/** Far from any clock the other tests advance, and past the notice period. */
const windowBody = ({ id }: BodyContext) => {
  const startsAt = new Date(Date.now() + 40 * DAY);
  return { unitId: id('unitId'), startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 8 * 3600_000).toISOString(), capacity: 3 };
};

/** The caller's own DRAFT plan with the victim's unit or window: refused after the plan's scope check. */
const OWN_DRAFT: Variant = { name: "caller's own draft plan, the victim's unit or window", home: ['draftWorkPlanId'] };

export const WORKS_ENTRIES: Record<string, MatrixEntry> = {
  'POST /api/work-plans': {
    kind: 'scoped',
    params: {},
    body: ({ id }) => ({ compoundId: id('compoundId'), consultationId: id('consultationId'), title: '上下水立管更换（授权测试）', steps: DEFAULT_WORK_STEPS, unitIds: [id('unitId')] }),
    expect: MANAGE_REFUSALS,
    variants: [
      {
        name: "caller's own compound, the victim's consultation and unit",
        home: ['compoundId'],
        expect: {
          committee: { status: [400], code: 'WORK_PLAN_INVALID', why: "the victim compound's consultation is refused after the compound scope check" },
          contractor: { status: [400], code: 'WORK_PLAN_INVALID', why: 'as above' },
          street: BY_ROLE,
        },
      },
    ],
    controls: [{ as: 'committee', status: [409], code: 'PIPELINE_NOT_IN_PLAN', why: "幸福苑小区 is in the reserve, not the year's plan (issue 14); after the scope checks and validation" }],
  },
  'GET /api/work-plans': {
    kind: 'scoped',
    params: {},
    query: { compoundId: 'compoundId' },
    expect: VIEW_REFUSALS,
    variants: [
      {
        name: "the caller's own compound",
        home: ['compoundId'],
        expect: {
          committee: { status: [200], why: "committee2-demo's own compound" },
          street: { status: [200], why: "the second street office's own compound" },
          contractor: { status: [200], why: "contractor-demo's own compound: it plans the works there" },
        },
      },
    ],
    controls: COMMITTEE_AND_STREET,
  },
  'GET /api/work-plans/{id}': {
    kind: 'scoped',
    params: { id: 'workPlanId' },
    expect: VIEW_REFUSALS,
    variants: [{ name: 'a DRAFT plan of the victim compound', remap: { workPlanId: 'draftWorkPlanId' } }],
    controls: COMMITTEE_AND_STREET,
  },
  'PATCH /api/work-plans/{id}': {
    kind: 'scoped',
    params: { id: 'draftWorkPlanId' },
    body: () => ({ title: '上下水立管更换（授权测试，已改）' }),
    expect: MANAGE_REFUSALS,
    controls: [{ as: 'committee', status: [200] }],
  },
  'POST /api/work-plans/{id}/windows': {
    kind: 'scoped',
    params: { id: 'draftWorkPlanId' },
    body: windowBody,
    expect: MANAGE_REFUSALS,
    variants: [
      {
        ...OWN_DRAFT,
        expect: {
          committee: { status: [400], code: 'WINDOW_INVALID', why: "the caller's own plan does not hold the victim's unit" },
          contractor: { status: [400], code: 'WINDOW_INVALID', why: 'as above' },
          street: BY_ROLE,
        },
      },
    ],
    controls: [{ as: 'committee', status: [201] }],
  },
  'DELETE /api/work-plans/{id}/windows/{windowId}': {
    kind: 'scoped',
    params: { id: 'draftWorkPlanId', windowId: 'draftWindowId' },
    expect: MANAGE_REFUSALS,
    // The victim's window through the caller's own plan: not found, never deleted.
    variants: [{ ...OWN_DRAFT, expect: { committee: NOT_THEIRS, contractor: NOT_THEIRS, street: BY_ROLE } }],
    controls: [{ as: 'committee', status: [200] }],
  },
  'POST /api/work-plans/{id}/publish': {
    kind: 'scoped',
    params: { id: 'draftWorkPlanId' },
    expect: MANAGE_REFUSALS,
    controls: [{ as: 'committee', status: [409], code: 'WORK_PLAN_NOT_READY', why: "the victim unit's plumbing group is not REACHED; this 409 comes after the scope checks" }],
  },
  'DELETE /api/work-plans/{id}': {
    kind: 'scoped',
    params: { id: 'draftWorkPlanId' },
    expect: MANAGE_REFUSALS,
    controls: [
      { as: 'committee', status: [200], remap: { draftWorkPlanId: 'spareDraftWorkPlanId' }, why: 'a spare draft nothing else uses' },
      { as: 'committee', status: [409], code: 'WORK_PLAN_NOT_DRAFT', remap: { draftWorkPlanId: 'workPlanId' }, why: 'a published plan is never discarded; after the scope checks' },
    ],
  },
  'GET /api/work-plans/{id}/bookings': {
    kind: 'scoped',
    params: { id: 'workPlanId' },
    expect: MANAGE_REFUSALS,
    controls: [{ as: 'committee', status: [200] }],
  },
  'GET /api/work-plans/{id}/notice.pdf': {
    kind: 'scoped',
    params: { id: 'workPlanId' },
    query: { unitId: 'unitId' },
    expect: VIEW_REFUSALS,
    variants: [
      {
        name: "caller's own draft plan, the victim's unit",
        home: ['workPlanId'],
        remap: { workPlanId: 'draftWorkPlanId' },
        expect: {
          committee: { status: [400], code: 'WORK_PLAN_INVALID', why: "the victim's unit is not in the caller's own plan; refused after the plan's scope check" },
          street: { status: [400], code: 'WORK_PLAN_INVALID', why: 'as above' },
          contractor: { status: [400], code: 'WORK_PLAN_INVALID', why: 'as above' },
        },
      },
    ],
    controls: COMMITTEE_AND_STREET,
  },

  // Controls in this order: the PUTs keep the owner's booking (same window again), the calendar reads it, the DELETE cancels it.
  'PUT /api/households/{householdId}/booking': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    body: ({ id }) => ({ workPlanId: id('workPlanId'), windowId: id('windowId') }),
    expect: BOOKING_REFUSALS,
    variants: [{ name: "the victim household, the victim's draft plan", remap: { workPlanId: 'draftWorkPlanId', windowId: 'draftWindowId' } }],
    controls: [
      { as: 'owner', status: [200], why: 'the same window again leaves the booking as it is' },
      { as: 'committee', status: [200], why: 'the committee books on the household’s behalf (same window)' },
    ],
  },
  'GET /api/me/work-windows': { kind: 'self', audience: ['resident'] },
  'GET /api/me/households/{householdId}/booking.ics': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    query: { workPlanId: 'workPlanId' },
    expect: RESIDENT_ONLY_REFUSALS,
    // The caller's own household has no booking in the victim's plan: nothing to give.
    variants: [{ name: "caller's own household, the victim's plan", home: ['householdId'], expect: RESIDENT_ONLY_REFUSALS }],
    controls: [{ as: 'owner', status: [200] }],
  },
  'DELETE /api/households/{householdId}/booking': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    query: { workPlanId: 'workPlanId' },
    expect: BOOKING_REFUSALS,
    controls: [
      { as: 'owner', status: [200] },
      { as: 'committee', status: [409], code: 'NOT_BOOKED', why: 'the owner has just cancelled; this 409 comes after the scope checks' },
    ],
  },
};
