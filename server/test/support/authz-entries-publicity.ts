import type { Control, MatrixEntry } from './authz-entries.js';
import { BY_ROLE, NOT_THEIRS, OUT_OF_SCOPE, type Refusals } from './authz-refusals.js';

/**
 * Matrix entries of the publicity of results (issue 12, helper D); spread into MATRIX.
 * Publishing is PublishResults (committee, street); objections are listed by ViewObjections
 * (committee, street) and answered by AnswerObjections (committee); the publicity and its notice
 * are read by residents bound in the compound and by staff with ViewAnswerClasses (no contractor);
 * objections are filed by bound residents only. Residents refused by role 403, staff outside the
 * role 403, staff of another scope 404, residents of another compound 404.
 * Victim fixtures (authz-world-publicity.ts): a CLOSED consultation of 幸福苑小区 with its preliminary
 * result published, the objection window open and one OPEN objection by the victim owner. The wrong
 * residents are bound in 幸福苑小区, so their `publicityConsultationId` is 红星小区's consultation.
 */
/** PublishResults and ViewObjections: committee and street; residents and the contractor by role. */
const ORGANISER_WORK: Refusals = { resident: BY_ROLE, tenant: BY_ROLE, committee: OUT_OF_SCOPE, street: OUT_OF_SCOPE, contractor: BY_ROLE };
/** AnswerObjections: the committee only. */
const COMMITTEE_WORK: Refusals = { ...ORGANISER_WORK, street: BY_ROLE };
/** Residents of the compound, staff with ViewAnswerClasses (committee, street, admin). */
const PUBLICITY_READ: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: OUT_OF_SCOPE, street: OUT_OF_SCOPE, contractor: BY_ROLE };
/** Bound residents only. */
const RESIDENT_ONLY: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: BY_ROLE, street: BY_ROLE, contractor: BY_ROLE };

const EVERY_READER: Control[] = [
  { as: 'owner', status: [200] },
  { as: 'committee', status: [200] },
  { as: 'street', status: [200] },
];

export const PUBLICITY_ENTRIES: Record<string, MatrixEntry> = {
  'POST /api/consultations/{id}/preliminary-result': {
    kind: 'scoped',
    params: { id: 'publicityConsultationId' },
    body: () => ({ objectionDays: 7 }),
    expect: ORGANISER_WORK,
    controls: [
      { as: 'committee', status: [409], code: 'PRELIMINARY_ALREADY_PUBLISHED', why: 'published in the fixtures; this 409 comes after the scope checks' },
      { as: 'street', status: [409], code: 'PRELIMINARY_ALREADY_PUBLISHED', why: 'as above, for the street office of the compound' },
    ],
  },
  'GET /api/consultations/{id}/publicity': {
    kind: 'scoped',
    params: { id: 'publicityConsultationId' },
    expect: PUBLICITY_READ,
    controls: EVERY_READER,
  },
  'GET /api/me/publicity': { kind: 'self', audience: ['resident'] },
  'POST /api/consultations/{id}/objections': {
    kind: 'scoped',
    params: { id: 'publicityConsultationId' },
    body: ({ id }) => ({ householdId: id('householdId'), text: '该户的表态与实际不符（授权测试）' }),
    expect: RESIDENT_ONLY,
    controls: [{ as: 'owner', status: [201], why: 'the objection window is open' }],
  },
  'GET /api/consultations/{id}/objections': {
    kind: 'scoped',
    params: { id: 'publicityConsultationId' },
    expect: ORGANISER_WORK,
    controls: [
      { as: 'committee', status: [200] },
      { as: 'street', status: [200] },
    ],
  },
  'PUT /api/consultations/{id}/objections/{objectionId}': {
    kind: 'scoped',
    params: { id: 'publicityConsultationId', objectionId: 'objectionId' },
    body: () => ({ resolution: '经核对原始记录，该户表态无误（授权测试）', upheld: false }),
    expect: COMMITTEE_WORK,
    // The victim's objection through the caller's own consultation: not found, never answered.
    variants: [{ name: "caller's own consultation, the victim's objection", home: ['publicityConsultationId'], remap: { publicityConsultationId: 'consultationId' }, expect: { ...COMMITTEE_WORK, committee: NOT_THEIRS } }],
    controls: [
      { as: 'committee', status: [200] },
      { as: 'committee', status: [409], code: 'OBJECTION_ALREADY_ANSWERED', why: 'answered just above; after the scope checks' },
    ],
  },
  'POST /api/consultations/{id}/final-result': {
    kind: 'scoped',
    params: { id: 'publicityConsultationId' },
    expect: ORGANISER_WORK,
    controls: [
      { as: 'committee', status: [409], code: 'OBJECTION_WINDOW_OPEN', why: 'the window is open for seven days; this 409 comes after the scope checks' },
      { as: 'street', status: [409], code: 'OBJECTION_WINDOW_OPEN', why: 'as above' },
    ],
  },
  'GET /api/consultations/{id}/result-notice.pdf': {
    kind: 'scoped',
    params: { id: 'publicityConsultationId' },
    expect: PUBLICITY_READ,
    controls: EVERY_READER,
  },
};
