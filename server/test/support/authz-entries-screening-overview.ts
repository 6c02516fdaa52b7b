import type { MatrixEntry } from './authz-entries.js';

/** Matrix entries of screening counts, unit lists and the export (issue 9, helper B); spread into MATRIX. */
export const SCREENING_OVERVIEW_ENTRIES: Record<string, MatrixEntry> = {};
