import type { Control, MatrixEntry } from './authz-entries.js';
import { BY_ROLE, NOT_THEIRS, OUT_OF_SCOPE, type Refusals } from './authz-refusals.js';
import { surveyAnswerBody, surveyBody } from './authz-world-publicity.js';

/**
 * Matrix entries of surveys (问需/问效, issue 12, helper D); spread into MATRIX.
 * Authored by AuthorSurvey (committee, street); results by ViewSurveyResults (committee, street); a
 * published survey read by residents bound in its compound, answered by them for their own household.
 * Residents refused by role 403, staff outside the role 403, staff of another scope and residents not
 * bound 404. Victim fixtures (authz-world-publicity.ts): an OPEN named survey of 幸福苑小区 the owner
 * has answered, and a DRAFT one (the publish control opens it, the close control closes it). The
 * wrong residents are bound in 幸福苑小区, so their `surveyId` is an open survey of 红星小区;
 * `answeredSurveyId` is the victim's survey for everyone.
 */
/** AuthorSurvey and ViewSurveyResults: committee and street; residents and the contractor by role. */
const ORGANISER_WORK: Refusals = { resident: BY_ROLE, tenant: BY_ROLE, committee: OUT_OF_SCOPE, street: OUT_OF_SCOPE, contractor: BY_ROLE };
const SURVEY_READ: Refusals = { ...ORGANISER_WORK, resident: NOT_THEIRS, tenant: NOT_THEIRS };
const RESIDENT_ONLY: Refusals = { resident: NOT_THEIRS, tenant: NOT_THEIRS, committee: BY_ROLE, street: BY_ROLE, contractor: BY_ROLE };

const ORGANISERS: Control[] = [
  { as: 'committee', status: [200] },
  { as: 'street', status: [200] },
];

export const SURVEYS_ENTRIES: Record<string, MatrixEntry> = {
  'POST /api/surveys': {
    kind: 'scoped',
    params: {},
    body: ({ id }) => surveyBody(id('compoundId'), '改造需求调查（授权测试）'),
    expect: ORGANISER_WORK,
    controls: [{ as: 'committee', status: [201] }],
  },
  'GET /api/compounds/{compoundId}/surveys': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    expect: ORGANISER_WORK,
    controls: ORGANISERS,
  },
  'GET /api/surveys/{surveyId}': {
    kind: 'scoped',
    params: { surveyId: 'surveyId' },
    expect: SURVEY_READ,
    // Residents never see a draft, not even of their own compound.
    variants: [{ name: 'a DRAFT survey of the victim compound', remap: { surveyId: 'draftSurveyId' }, expect: SURVEY_READ }],
    controls: [{ as: 'owner', status: [200] }, ...ORGANISERS],
  },
  'GET /api/me/surveys': { kind: 'self', audience: ['resident'] },
  'POST /api/surveys/{surveyId}/answers': {
    kind: 'scoped',
    params: { surveyId: 'surveyId' },
    body: ({ id }) => surveyAnswerBody(id('householdId')),
    expect: RESIDENT_ONLY,
    variants: [
      { name: "caller's own household, a survey of another compound", home: ['householdId'], expect: RESIDENT_ONLY },
      { name: "the victim's own survey, for the victim's household", remap: { surveyId: 'answeredSurveyId' }, expect: RESIDENT_ONLY },
    ],
    controls: [
      { as: 'owner', status: [409], code: 'SURVEY_ALREADY_ANSWERED', why: 'the owner answered in the fixtures; after the scope checks' },
      { as: 'supervisor', status: [201], remap: { householdId: 'supervisorHouseholdId' }, why: 'another bound household of the compound answers for the first time' },
    ],
  },
  'GET /api/surveys/{surveyId}/results': {
    kind: 'scoped',
    params: { surveyId: 'surveyId' },
    expect: ORGANISER_WORK,
    controls: ORGANISERS,
  },
  // Publish before close: the control publishes the draft, the close control then closes it.
  'POST /api/surveys/{surveyId}/publish': {
    kind: 'scoped',
    params: { surveyId: 'draftSurveyId' },
    expect: ORGANISER_WORK,
    controls: [
      { as: 'committee', status: [200] },
      { as: 'street', status: [409], code: 'SURVEY_NOT_DRAFT', why: 'published just above; after the scope checks' },
    ],
  },
  'POST /api/surveys/{surveyId}/close': {
    kind: 'scoped',
    params: { surveyId: 'draftSurveyId' },
    expect: ORGANISER_WORK,
    controls: [{ as: 'street', status: [200] }],
  },
};
