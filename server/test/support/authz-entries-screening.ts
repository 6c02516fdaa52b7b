import { LegalBasis, MeasureKind, NeedCode } from '@linyi/shared';
import type { Control, MatrixEntry, ScopedEntry } from './authz-entries.js';
import { BY_ROLE, OUT_OF_SCOPE, type Refusals } from './authz-refusals.js';
import { VICTIM_CONSENT_SCAN } from './authz-world.js';

/**
 * Matrix entries of the staff screening routes, care plans and the access log (issue 9, helper A); spread into MATRIX.
 * Only committee and street staff screen (ScreenHouseholds): a contractor is refused by role, 403, whichever
 * household it names; committee and street staff of another scope get 404. The victim household has a screening
 * with a consent scan (authz-world.ts), so the refused reads had something to leak.
 */
const HOUSEHOLD_REFUSALS: Refusals = { contractor: BY_ROLE, committee: OUT_OF_SCOPE, street: OUT_OF_SCOPE };
const COMMITTEE_AND_STREET: Control[] = [
  { as: 'committee', status: [200] },
  { as: 'street', status: [200] },
];

// The same scan as the fixture's: the PUT controls re-screen with the form already on file.
const screeningBody = () => ({ needsCare: true, needs: [NeedCode.ElderlyAlone], note: '独居，子女在外地', legalBasis: LegalBasis.SeparateConsent, consentScanPng: VICTIM_CONSENT_SCAN });
const carePlanBody = () => ({
  measures: [{ kind: MeasureKind.Helper, description: '施工当天社区志愿者陪同' }],
  contactName: '王女士（女儿）',
  contactPhone: '13800001111',
  assistanceNote: '施工前一天先给女儿打电话',
});

const householdRoute = (body?: ScopedEntry['body']): ScopedEntry => ({ kind: 'scoped', params: { householdId: 'householdId' }, ...(body ? { body } : {}), expect: HOUSEHOLD_REFUSALS, controls: COMMITTEE_AND_STREET });

export const SCREENING_ENTRIES: Record<string, MatrixEntry> = {
  'PUT /api/households/{householdId}/screening': householdRoute(screeningBody),
  'GET /api/households/{householdId}/screening': householdRoute(),
  'PUT /api/households/{householdId}/care-plan': householdRoute(carePlanBody),
  'GET /api/households/{householdId}/screening/consent-scan': householdRoute(),
  // Street staff only (ViewSensitiveAccessLog): committee and contractor by role, 403; the second street office 404.
  'GET /api/street-offices/{streetOfficeId}/sensitive-access-log': {
    kind: 'scoped',
    params: { streetOfficeId: 'streetOfficeId' },
    expect: { committee: BY_ROLE, contractor: BY_ROLE, street: OUT_OF_SCOPE },
    controls: [{ as: 'street', status: [200] }],
  },
};
