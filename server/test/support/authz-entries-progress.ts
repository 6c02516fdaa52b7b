import type { MatrixEntry } from './authz-entries.js';

/** Matrix entries of the staff console's progress routes (issue 8); spread into MATRIX. */
export const PROGRESS_ENTRIES: Record<string, MatrixEntry> = {};
