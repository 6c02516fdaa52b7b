import type { MatrixEntry } from './authz-entries.js';

/** Matrix entries of the resident's own screening routes (issue 9, helper C); spread into MATRIX. */
export const MY_SCREENING_ENTRIES: Record<string, MatrixEntry> = {};
