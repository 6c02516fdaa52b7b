import type { MatrixEntry } from './authz-entries.js';

/**
 * Matrix entries of screening counts, unit lists and the export (issue 9, helper B); spread into MATRIX.
 * Unit lists and the export carry screening details (ScreenHouseholds, ExportScreening): roles outside the
 * action are refused 403 before any scope check. No variant there expects a 2xx: a right-scope read writes a
 * sensitive_access_log row, and the refusals must leave every table unchanged (the e2e spec covers own-scope
 * reads). The counts (ViewScreeningCounts) carry none and are not logged: every staff role gets them for a
 * compound in scope, so the "own compound" variant expects 200, the contractor's included.
 */
export const SCREENING_OVERVIEW_ENTRIES: Record<string, MatrixEntry> = {
  'GET /api/compounds/{compoundId}/screening': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    variants: [
      {
        name: "the caller's own compound (counts only)",
        home: ['compoundId'],
        expect: {
          contractor: { status: [200], why: 'counts per unit carry no personal details; the contractor plans its crews with them (ViewScreeningCounts)' },
          committee: { status: [200], why: "committee2-demo's own compound" },
          street: { status: [200], why: "the second street office's own compound" },
        },
      },
    ],
    controls: [
      { as: 'committee', status: [200] },
      { as: 'street', status: [200] },
    ],
  },
  'GET /api/units/{unitId}/screening': {
    kind: 'scoped',
    params: { unitId: 'unitId' },
    // Refused by role before any scope check: 403, not 404, whichever unit it names.
    expect: { contractor: { status: [403] } },
    controls: [
      { as: 'committee', status: [200] },
      { as: 'street', status: [200] },
    ],
  },
  'GET /api/compounds/{compoundId}/screening/export': {
    kind: 'scoped',
    params: { compoundId: 'compoundId' },
    // Committee only (minimum necessary): street staff and contractors are refused by role, 403.
    expect: { street: { status: [403] }, contractor: { status: [403] } },
    controls: [{ as: 'committee', status: [200] }],
  },
};
