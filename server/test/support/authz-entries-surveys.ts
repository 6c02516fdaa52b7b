import type { MatrixEntry } from './authz-entries.js';

/** Matrix entries of issue 12 (surveys); spread into MATRIX. */
export const SURVEYS_ENTRIES: Record<string, MatrixEntry> = {};
