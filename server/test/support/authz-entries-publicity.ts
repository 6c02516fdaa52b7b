import type { MatrixEntry } from './authz-entries.js';

/** Matrix entries of issue 12 (publicity); spread into MATRIX. */
export const PUBLICITY_ENTRIES: Record<string, MatrixEntry> = {};
