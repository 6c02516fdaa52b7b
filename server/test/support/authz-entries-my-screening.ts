import { screeningConsentVersion } from '@linyi/shared';
import { loadConfig } from '../../src/config/app-config.js';
import type { Control, Expectation, MatrixEntry, ScopedEntry } from './authz-entries.js';
import type { WrongCallerName } from './authz-world.js';

/**
 * Matrix entries of the resident's own screening routes (issue 9, helper C); spread into MATRIX.
 * Any bound member of the household (owner or tenant) is the right caller; a resident of another
 * household gets 404 (the household does not exist for them); every staff role, even of the
 * victim's own community, gets 403: staff read screening records only through the logged staff routes.
 */
const NOT_THEIRS: Expectation = { status: [404] };
const RESIDENTS_ONLY: Expectation = { status: [403] };
const REFUSALS: Partial<Record<WrongCallerName, Expectation>> = {
  resident: NOT_THEIRS,
  tenant: NOT_THEIRS,
  committee: RESIDENTS_ONLY,
  street: RESIDENTS_ONLY,
  contractor: RESIDENTS_ONLY,
};
const VICTIMS_COMMITTEE: Control = { as: 'committee', status: [403], code: 'FORBIDDEN', why: "the victim's own committee reads through the logged staff route, never the resident's" };

const mine = (controls: Control[], body?: ScopedEntry['body']): ScopedEntry => ({ kind: 'scoped', params: { householdId: 'householdId' }, ...(body ? { body } : {}), expect: REFUSALS, controls });

// Controls run in this order: the consent given by POST is what DELETE withdraws (200, not 409 NOTHING_TO_WITHDRAW).
export const MY_SCREENING_ENTRIES: Record<string, MatrixEntry> = {
  'GET /api/me/households/{householdId}/screening': mine([{ as: 'owner', status: [200] }, VICTIMS_COMMITTEE]),
  'POST /api/me/households/{householdId}/screening/consent': mine([{ as: 'owner', status: [201] }, VICTIMS_COMMITTEE], () => ({ agreed: true, textVersion: screeningConsentVersion(loadConfig({}).screeningRetention) })),
  'DELETE /api/me/households/{householdId}/screening': mine([{ as: 'owner', status: [200], why: 'withdraws the online consent the POST control gave' }, VICTIMS_COMMITTEE]),
};
