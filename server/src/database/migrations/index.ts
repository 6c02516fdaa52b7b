import { Foundation1764129600000 } from './1764129600000-foundation.js';
import { ConsentEngine1764216000000 } from './1764216000000-consent-engine.js';
import { Reminders1764302400000 } from './1764302400000-reminders.js';
import { AuditCheckpoints1764388800000 } from './1764388800000-audit-checkpoints.js';
import { OutboxLeases1764475200000 } from './1764475200000-outbox-leases.js';
import { StaffAccountStatus1764561600000 } from './1764561600000-staff-account-status.js';
import { UpgradeFacts1764648000000 } from './1764648000000-upgrade-facts.js';
import { EventAttempts1764734400000 } from './1764734400000-event-attempts.js';
import { CompoundSettings1764820800000 } from './1764820800000-compound-settings.js';
import { StaffCredentials1764907200000 } from './1764907200000-staff-credentials.js';
import { SpecialNeeds1764993600000 } from './1764993600000-special-needs.js';
import { Works1765080000000 } from './1765080000000-works.js';
import { Acceptance1765166400000 } from './1765166400000-acceptance.js';
import { Publicity1765252800000 } from './1765252800000-publicity.js';
import { Records1765339200000 } from './1765339200000-records.js';
import { Complaints1765425600000 } from './1765425600000-complaints.js';
import { Surveys1765512000000 } from './1765512000000-surveys.js';
import { Pipeline1765598400000 } from './1765598400000-pipeline.js';

/** Every migration, oldest first; `npm run migrate -w server` runs pending ones. */
export const MIGRATIONS = [
  Foundation1764129600000,
  ConsentEngine1764216000000,
  Reminders1764302400000,
  AuditCheckpoints1764388800000,
  OutboxLeases1764475200000,
  StaffAccountStatus1764561600000,
  UpgradeFacts1764648000000,
  EventAttempts1764734400000,
  CompoundSettings1764820800000,
  StaffCredentials1764907200000,
  SpecialNeeds1764993600000,
  Works1765080000000,
  Acceptance1765166400000,
  Publicity1765252800000,
  Records1765339200000,
  Complaints1765425600000,
  Surveys1765512000000,
  Pipeline1765598400000,
];
