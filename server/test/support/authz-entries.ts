import { Answer, AnswerChannel, ConsultationKind, DecisionRule, GroupBy, ResidentRole, StaffRole, VisitOutcome } from '@linyi/shared';
import { VICTIM_SIGNATURE, type AuthzWorld, type RightCallerName, type Slot, type WrongCallerName } from './authz-world.js';
import { ACCEPTANCE_ENTRIES } from './authz-entries-acceptance.js';
import { ACCOUNTS_ENTRIES } from './authz-entries-accounts.js';
import { PROGRESS_ENTRIES } from './authz-entries-progress.js';
import { MY_SCREENING_ENTRIES } from './authz-entries-my-screening.js';
import { SCREENING_ENTRIES } from './authz-entries-screening.js';
import { SCREENING_OVERVIEW_ENTRIES } from './authz-entries-screening-overview.js';
import { WORKS_ENTRIES } from './authz-entries-works.js';
import { PUBLICITY_ENTRIES } from './authz-entries-publicity.js';
import { RECORDS_ENTRIES } from './authz-entries-records.js';
import { COMPLAINTS_ENTRIES } from './authz-entries-complaints.js';
import { SURVEYS_ENTRIES } from './authz-entries-surveys.js';
import { PIPELINE_ENTRIES } from './authz-entries-pipeline.js';
import { ALL_DISCLOSURES, SIGNATURE } from './consent.js';

/** What a refused request must answer; `why` is required wherever it differs from 401/403/404. */
export interface Expectation {
  status: number[];
  code?: string;
  why?: string;
}

/** Resolves a slot to an id in the scope the current case uses (wrong scope, or the caller's own). */
export interface BodyContext {
  kind: 'anonymous' | 'resident' | 'staff';
  id: (slot: Slot) => string;
}

export interface Variant {
  name: string;
  /** Slots taken from the caller's own scope; a caller without them skips the variant. */
  home?: Slot[];
  /** Slots read from other slots (in params, query and body alike). */
  remap?: Partial<Record<Slot, Slot>>;
  expect?: Partial<Record<WrongCallerName, Expectation>>;
}

export interface Control {
  as: RightCallerName;
  status: number[];
  code?: string;
  remap?: Partial<Record<Slot, Slot>>;
  /** Instead of the entry's body factory. */
  body?: (ctx: BodyContext) => unknown;
  /** The JSON body has exactly these top-level fields (a caller's narrower view). */
  fields?: string[];
  why?: string;
}

interface Requests {
  /** Path param → the slot it is filled from. */
  params: Record<string, Slot>;
  query?: Record<string, Slot>;
  body?: (ctx: BodyContext) => unknown;
  /** Multipart upload (field `file`). */
  file?: (world: AuthzWorld) => { name: string; content: Buffer };
}

/** A route that takes ids: every wrong caller, with ids from the wrong scope, is refused. */
export interface ScopedEntry extends Requests {
  kind: 'scoped';
  variants?: Variant[];
  expect?: Partial<Record<WrongCallerName, Expectation>>;
  /** Owners only (owners-only consultations): a TENANT of the very household is refused too. */
  ownerOnly?: boolean;
  /** Right-scope callers with the victim's ids: proves the ids and bodies are valid. */
  controls: Control[];
}

/** A route about the caller only (no ids): its audience gets 2xx without anyone else's ids, the rest 401/403. */
export interface SelfEntry {
  kind: 'self';
  audience: Array<'resident' | StaffRole>;
  body?: (ctx: BodyContext) => unknown;
}

/** Open to anyone: its own assertions (never a token for wrong credentials). */
export interface PublicEntry {
  kind: 'public';
  why: string;
}

export type MatrixEntry = ScopedEntry | SelfEntry | PublicEntry;

const STAFF = [StaffRole.Committee, StaffRole.Street, StaffRole.Contractor, StaffRole.Admin];
const RESIDENTS: SelfEntry['audience'] = ['resident'];

const OWN_CONSULTATION: Variant = { name: "caller's own consultation, victim's household", home: ['consultationId'] };
const OWN_HOUSEHOLD: Variant = { name: "caller's own household, victim's consultation", home: ['householdId'] };

const answerBody = ({ kind }: BodyContext) =>
  kind === 'staff'
    ? { answer: Answer.Agree, channel: AnswerChannel.Paper, paperScanPng: SIGNATURE, acknowledgedDisclosureIds: ALL_DISCLOSURES }
    : { answer: Answer.Agree, acknowledgedDisclosureIds: ALL_DISCLOSURES, signaturePng: SIGNATURE };

const DAY = 86_400_000;
const consultationBody = ({ id }: BodyContext) => ({
  compoundId: id('compoundId'),
  kind: ConsultationKind.WindowGuardConsent,
  title: '外窗护栏拆除意见征询',
  body: '为消除消防隐患，拟统一拆除外窗护栏，请各户发表意见。',
  rule: DecisionRule.CivilCodeMajor,
  groupBy: GroupBy.Building,
  unitIds: [id('unitId')],
  // Far from any clock the other tests advance: valid for years.
  opensAt: new Date(Date.now() - DAY).toISOString(),
  deadline: new Date(Date.now() + 365 * DAY).toISOString(),
});

/**
 * The authorization matrix: one entry per route of the OpenAPI document (`METHOD /api/path/{param}`).
 * A new route without an entry fails the test; so does an entry whose route is gone.
 *
 * Adding a route: `scoped` when it takes ids. Map each path param (and required query) to a slot of
 * `Scope` (add the slot, and its fixture in authz-world.ts, if the id is of a new kind), give a body
 * factory that passes validation, mixed `variants` for every pair of ids (own consultation +
 * someone else's household…), and at least one right-scope `control` that is not refused. `self`
 * when it is about the caller only; `public` (with a check in authz-public.ts) when it needs no token.
 */
export const MATRIX: Record<string, MatrixEntry> = {
  'GET /api/health': { kind: 'public', why: 'load balancers probe it' },
  'POST /api/auth/staff/login': { kind: 'public', why: 'sign-in' },
  'POST /api/auth/wechat/login': { kind: 'public', why: 'sign-in' },
  'POST /api/auth/dev/login': { kind: 'public', why: 'demo sign-in (AUTH_DEV_LOGIN=1 only)' },

  'GET /api/compounds': { kind: 'self', audience: STAFF },
  'GET /api/me': { kind: 'self', audience: RESIDENTS },
  'GET /api/me/consultations': { kind: 'self', audience: RESIDENTS },
  'GET /api/me/inbox': { kind: 'self', audience: RESIDENTS },
  'GET /api/me/inbox/unread-count': { kind: 'self', audience: RESIDENTS },
  'GET /api/staff/inbox': { kind: 'self', audience: STAFF },
  'GET /api/me/subscriptions/templates': { kind: 'self', audience: RESIDENTS },
  'POST /api/me/subscriptions': { kind: 'self', audience: RESIDENTS, body: () => ({ results: { 'tmpl-authz': 'reject' } }) },

  // Checkpoints hold roots and hashes only and are global by contract (API.md: street or admin staff).
  'GET /api/audit/checkpoint': { kind: 'self', audience: [StaffRole.Street, StaffRole.Admin] },
  'GET /api/audit/checkpoints': { kind: 'self', audience: [StaffRole.Street, StaffRole.Admin] },
  'GET /api/audit/checkpoints/{seq}/chains': {
    kind: 'scoped',
    params: { seq: 'checkpointSeq' },
    expect: { street: { status: [200], why: 'every street office may read every checkpoint (API.md, Evidence integrity); chain keys and hashes only' } },
    controls: [{ as: 'street', status: [200] }],
  },

  'GET /api/compounds/{compoundId}/structure': { kind: 'scoped', params: { compoundId: 'compoundId' }, controls: [{ as: 'committee', status: [200] }] },
  'POST /api/compounds/{compoundId}/roster': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    file: (world) => ({ name: 'roster.csv', content: Buffer.from(world.victimRosterCsv, 'utf8') }),
    controls: [{ as: 'committee', status: [200, 201] }],
  },
  'POST /api/households/{householdId}/invite-codes': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    body: () => ({ role: ResidentRole.Owner }),
    controls: [{ as: 'committee', status: [201] }],
  },
  'GET /api/households/{householdId}': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    controls: [
      { as: 'owner', status: [200] },
      { as: 'committee', status: [200] },
    ],
  },
  'POST /api/me/bindings': {
    kind: 'scoped',
    params: {},
    body: ({ id }) => ({ inviteCode: id('usedInviteCode') }),
    expect: {
      resident: { status: [409], code: 'INVITE_CODE_USED', why: 'the code is the credential: the victim owner\'s spent code binds nobody else' },
      tenant: { status: [409], code: 'INVITE_CODE_USED', why: 'as above' },
    },
    controls: [{ as: 'owner', status: [200], remap: { usedInviteCode: 'freshInviteCode' }, why: 'a fresh code of the same household' }],
  },

  'POST /api/consultations': {
    kind: 'scoped',
    params: {},
    body: consultationBody,
    variants: [
      {
        name: "caller's own compound, a unit of the victim compound",
        home: ['compoundId'],
        expect: {
          committee: { status: [400], code: 'CONSULTATION_INVALID', why: 'the foreign unit id is refused after the compound scope check' },
          street: { status: [400], code: 'CONSULTATION_INVALID', why: 'as above' },
        },
      },
    ],
    controls: [{ as: 'committee', status: [201] }],
  },
  'GET /api/consultations': { kind: 'scoped', params: {}, query: { compoundId: 'compoundId' }, controls: [{ as: 'committee', status: [200] }] },
  'POST /api/consultations/{id}/publish': { kind: 'scoped', params: { id: 'draftConsultationId' }, controls: [{ as: 'committee', status: [200] }] },
  'GET /api/consultations/{id}': {
    kind: 'scoped',
    params: { id: 'consultationId' },
    variants: [{ name: 'a DRAFT consultation of the victim compound', remap: { consultationId: 'draftConsultationId' } }],
    controls: [
      { as: 'owner', status: [200] },
      { as: 'committee', status: [200] },
    ],
  },
  'GET /api/consultations/{id}/groups': { kind: 'scoped', params: { id: 'consultationId' }, controls: [{ as: 'committee', status: [200] }] },
  'GET /api/consultations/{id}/outstanding': { kind: 'scoped', params: { id: 'consultationId' }, controls: [{ as: 'committee', status: [200] }] },

  'PUT /api/consultations/{id}/responses/{householdId}': {
    kind: 'scoped',
    params: { id: 'consultationId', householdId: 'householdId' },
    body: answerBody,
    ownerOnly: true,
    variants: [OWN_CONSULTATION],
    controls: [
      { as: 'owner', status: [200], body: () => ({ answer: Answer.Agree, acknowledgedDisclosureIds: ALL_DISCLOSURES, signaturePng: VICTIM_SIGNATURE }), why: 'the same answer again is idempotent' },
      { as: 'committee', status: [200], remap: { householdId: 'paperHouseholdId' }, why: 'a paper answer for a household with no online answer' },
    ],
  },
  'GET /api/consultations/{id}/responses/{householdId}': {
    kind: 'scoped',
    params: { id: 'consultationId', householdId: 'householdId' },
    variants: [OWN_CONSULTATION],
    controls: [
      { as: 'owner', status: [200] },
      { as: 'committee', status: [200] },
    ],
  },
  'GET /api/consultations/{id}/responses/{householdId}/evidence/{sha256}': {
    kind: 'scoped',
    params: { id: 'consultationId', householdId: 'householdId', sha256: 'evidenceSha256' },
    variants: [OWN_CONSULTATION, { name: "caller's own consultation and household, the victim's signature hash", home: ['consultationId', 'householdId'] }],
    controls: [
      { as: 'owner', status: [200] },
      { as: 'committee', status: [200] },
    ],
  },
  'GET /api/consultations/{id}/upgrades': { kind: 'scoped', params: { id: 'consultationId' }, controls: [{ as: 'committee', status: [200] }] },
  'PUT /api/consultations/{id}/upgrades/{householdId}/quote': {
    kind: 'scoped',
    params: { id: 'consultationId', householdId: 'householdId' },
    body: () => ({ amountYuan: 450.5 }),
    variants: [OWN_CONSULTATION],
    controls: [{ as: 'committee', status: [200] }],
  },
  'POST /api/consultations/{id}/upgrades/{householdId}/payment': {
    kind: 'scoped',
    params: { id: 'consultationId', householdId: 'householdId' },
    variants: [OWN_CONSULTATION],
    controls: [{ as: 'committee', status: [200, 201] }],
  },

  'POST /api/households/{householdId}/visits': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    body: ({ id }) => ({ consultationId: id('consultationId'), outcome: VisitOutcome.Undecided, note: '住户说要和家人商量' }),
    variants: [OWN_HOUSEHOLD, OWN_CONSULTATION],
    controls: [{ as: 'committee', status: [201] }],
  },
  'GET /api/households/{householdId}/visits': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    query: { consultationId: 'consultationId' },
    variants: [OWN_HOUSEHOLD, OWN_CONSULTATION],
    controls: [{ as: 'committee', status: [200] }],
  },
  'POST /api/consultations/{id}/households/{householdId}/final-refusal': {
    kind: 'scoped',
    params: { id: 'consultationId', householdId: 'householdId' },
    variants: [OWN_CONSULTATION],
    controls: [{ as: 'committee', status: [409], code: 'FINAL_REFUSAL_NOT_ALLOWED', why: 'the household agreed; this 409 comes after the scope checks' }],
  },

  'GET /api/street-offices/{streetOfficeId}/status': { kind: 'scoped', params: { streetOfficeId: 'streetOfficeId' }, controls: [{ as: 'street', status: [200] }] },

  'GET /api/consultations/{id}/reminders': { kind: 'scoped', params: { id: 'consultationId' }, controls: [{ as: 'committee', status: [200] }] },
  'PUT /api/consultations/{id}/reminder-policy': {
    kind: 'scoped',
    params: { id: 'consultationId' },
    body: () => ({ daysBefore: [3, 1], quietStart: '21:30', quietEnd: '08:00' }),
    controls: [{ as: 'committee', status: [200] }],
  },
  'POST /api/consultations/{id}/reminders/pause': { kind: 'scoped', params: { id: 'consultationId' }, controls: [{ as: 'committee', status: [200] }] },
  'POST /api/consultations/{id}/reminders/resume': { kind: 'scoped', params: { id: 'consultationId' }, controls: [{ as: 'committee', status: [200] }] },
  'POST /api/consultations/{id}/reminders/{reminderId}/retry': {
    kind: 'scoped',
    params: { id: 'consultationId', reminderId: 'reminderId' },
    variants: [OWN_CONSULTATION],
    controls: [{ as: 'committee', status: [200] }],
  },
  'POST /api/households/{householdId}/nudge': {
    kind: 'scoped',
    params: { householdId: 'householdId' },
    body: ({ id }) => ({ consultationId: id('consultationId') }),
    variants: [OWN_HOUSEHOLD, OWN_CONSULTATION],
    controls: [{ as: 'committee', status: [200, 201], remap: { householdId: 'nudgeHouseholdId' }, why: 'a household that has not answered' }],
  },
  'POST /api/inbox/{id}/read': {
    kind: 'scoped',
    params: { id: 'residentInboxId' },
    variants: [{ name: "a staff member's notice", remap: { residentInboxId: 'staffInboxId' } }],
    controls: [
      { as: 'owner', status: [200] },
      { as: 'committee', status: [200], remap: { residentInboxId: 'staffInboxId' } },
    ],
  },
  ...ACCOUNTS_ENTRIES,
  ...PROGRESS_ENTRIES,
  ...SCREENING_ENTRIES,
  ...SCREENING_OVERVIEW_ENTRIES,
  ...MY_SCREENING_ENTRIES,
  ...WORKS_ENTRIES,
  ...ACCEPTANCE_ENTRIES,
  ...PUBLICITY_ENTRIES,
  ...RECORDS_ENTRIES,
  ...COMPLAINTS_ENTRIES,
  ...SURVEYS_ENTRIES,
  ...PIPELINE_ENTRIES,
};
