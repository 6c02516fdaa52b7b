import type { MatrixEntry } from './authz-entries.js';

/** Matrix entries of the staff console's accounts routes (issue 8); spread into MATRIX. */
export const ACCOUNTS_ENTRIES: Record<string, MatrixEntry> = {};
