import type { ObjectionView } from '@linyi/shared';
import type { PublicityObjection } from './publicity-objection.entity.js';

export type ObjectionAudience = { kind: 'resident'; residentId: string } | { kind: 'staff' };

/** An objection as its audience may see it: residents never learn which household filed one (only their own is shown to them). */
export function toObjectionView(objection: PublicityObjection, labels: Map<string, string>, audience: ObjectionAudience): ObjectionView {
  return {
    id: objection.id,
    consultationId: objection.consultationId,
    householdId: objection.householdId,
    householdLabel: labels.get(objection.householdId) ?? '',
    text: objection.text,
    status: objection.status,
    resolution: objection.resolution,
    upheld: objection.upheld === null ? null : Boolean(objection.upheld),
    resolvedAt: objection.resolvedAt?.toISOString() ?? null,
    createdAt: objection.createdAt.toISOString(),
    mine: audience.kind === 'resident' && objection.filedByResidentId === audience.residentId,
    filedByHouseholdLabel: audience.kind === 'staff' ? labels.get(objection.filedByHouseholdId) ?? '' : null,
  };
}
