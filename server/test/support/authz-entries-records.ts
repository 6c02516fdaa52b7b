import type { MatrixEntry } from './authz-entries.js';

/** Matrix entries of issue 12 (records); spread into MATRIX. */
export const RECORDS_ENTRIES: Record<string, MatrixEntry> = {};
