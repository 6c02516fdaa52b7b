import type { MatrixEntry } from './authz-entries.js';

/** Matrix entries of issue 12 (complaints); spread into MATRIX. */
export const COMPLAINTS_ENTRIES: Record<string, MatrixEntry> = {};
