import { Foundation1764129600000 } from './1764129600000-foundation.js';
import { ConsentEngine1764216000000 } from './1764216000000-consent-engine.js';

/** Every migration, oldest first; the server runs pending ones at boot. */
export const MIGRATIONS = [Foundation1764129600000, ConsentEngine1764216000000];
