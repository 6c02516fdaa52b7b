import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import type { AuditService } from './audit.service.js';

/** The household's own audit chain: its screening, bookings, inspections, acceptance, warranty and repairs. */
export const householdChain = (householdId: string) => `household:${householdId}`;

export interface HouseholdEntry {
  actor: Actor;
  householdId: string;
  action: string;
  payload: Record<string, unknown>;
  at: Date;
}

/** An entry in the household's chain by the person who acted; `by` says whether staff acted for the household or a resident did. */
export function appendHouseholdEntry(audit: AuditService, manager: EntityManager, entry: HouseholdEntry) {
  const { actor, householdId } = entry;
  return audit.append(manager, {
    chainKey: householdChain(householdId),
    action: entry.action,
    actor: `${actor.kind}:${actor.id}`,
    subjectId: householdId,
    payload: { ...entry.payload, by: actor.kind === 'staff' ? 'STAFF' : 'RESIDENT' },
    at: entry.at,
  });
}
