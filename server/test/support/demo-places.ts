import type { CompoundStructure, CompoundSummary } from '@linyi/shared';
import { bearer, type TestApp } from './test-app.js';

/** The seeded demo compounds as a given staff member sees them. */
export async function compoundsAs(t: TestApp, token: string): Promise<CompoundSummary[]> {
  return (await t.http.get('/api/compounds').set(bearer(token)).expect(200)).body;
}

export async function structureOf(t: TestApp, token: string, compoundId: string): Promise<CompoundStructure> {
  return (await t.http.get(`/api/compounds/${compoundId}/structure`).set(bearer(token)).expect(200)).body;
}

export function households(structure: CompoundStructure) {
  return structure.buildings.flatMap((b) => b.units.flatMap((u) => u.households));
}
