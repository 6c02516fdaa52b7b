import type { Expectation, Variant } from './authz-entries.js';
import type { WrongCallerName } from './authz-world.js';

/** The refusals the entry files share: by role 403; staff of another scope, or residents not bound, 404. */
export const BY_ROLE: Expectation = { status: [403] };
export const OUT_OF_SCOPE: Expectation = { status: [404] };
export const NOT_THEIRS: Expectation = { status: [404] };

export type Refusals = Partial<Record<WrongCallerName, Expectation>>;

/** On a route residents bound in the compound read: the wrong residents are bound in the victim compound itself, so they read it (2xx). */
export const victimCompound = (staff: Refusals, residentWhy: string, tenantWhy: string): Variant => ({
  name: 'the victim compound itself',
  remap: { residentCompoundId: 'compoundId' },
  expect: { ...staff, resident: { status: [200], why: residentWhy }, tenant: { status: [200], why: `as above: ${tenantWhy}` } },
});
