import { Foundation1764129600000 } from './1764129600000-foundation.js';
import { ConsentEngine1764216000000 } from './1764216000000-consent-engine.js';
import { Reminders1764302400000 } from './1764302400000-reminders.js';

/** Every migration, oldest first; the server runs pending ones at boot. */
export const MIGRATIONS = [Foundation1764129600000, ConsentEngine1764216000000, Reminders1764302400000];
