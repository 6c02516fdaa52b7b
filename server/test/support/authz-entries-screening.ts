import type { MatrixEntry } from './authz-entries.js';

/** Matrix entries of the staff screening routes, care plans and the access log (issue 9, helper A); spread into MATRIX. */
export const SCREENING_ENTRIES: Record<string, MatrixEntry> = {};
