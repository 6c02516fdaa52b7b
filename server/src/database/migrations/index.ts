import { Foundation1764129600000 } from './1764129600000-foundation.js';

/** Every migration, oldest first; the server runs pending ones at boot. */
export const MIGRATIONS = [Foundation1764129600000];
