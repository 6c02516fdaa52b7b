import { AcceptanceChannel, AcceptanceDecision, AcceptanceStatus } from '@linyi/shared';
import { randomBytes, randomUUID } from 'node:crypto';
import { AcceptanceRecord } from '../../src/acceptance/acceptance-record.entity.js';
import { HouseholdAcceptance } from '../../src/acceptance/household-acceptance.entity.js';
import type { Household } from '../../src/places/household.entity.js';
import type { TestApp } from './test-app.js';

export type StateSpec =
  | { step: 'passed'; at: Date }
  | { step: 'failed'; at: Date }
  | { step: 'rework'; at: Date }
  | { step: 'accepted'; passedAt: Date; at: Date };

/**
 * A household's state row written straight to the table, as the inspection and acceptance flow
 * leaves it after each step: for tests of what reads the state (progress, retention, reminders)
 * that do not test the flow itself.
 */
export async function setAcceptanceState(t: TestApp, workPlanId: string, household: Household, spec: StateSpec): Promise<HouseholdAcceptance> {
  const repository = t.dataSource.getRepository(HouseholdAcceptance);
  await repository.delete({ workPlanId, householdId: household.id });
  const row = repository.create({
    id: randomUUID(),
    workPlanId,
    householdId: household.id,
    unitId: household.unitId,
    status: spec.step === 'accepted' ? AcceptanceStatus.Accepted : spec.step === 'rework' ? AcceptanceStatus.Rework : AcceptanceStatus.Pending,
    lastInspectionId: randomUUID(),
    lastInspectionPassed: spec.step !== 'failed',
    inspectedSinceRework: spec.step !== 'rework',
    passedAt: spec.step === 'passed' ? spec.at : spec.step === 'accepted' ? spec.passedAt : null,
    acceptedAt: spec.step === 'accepted' ? spec.at : null,
    acceptanceRecordId: spec.step === 'accepted' ? randomUUID() : null,
    updatedAt: spec.at,
  });
  return repository.save(row);
}

/** An accepted state row with the online acceptance record it points at (what a supervisor signs off on). */
export async function acceptedWithRecord(t: TestApp, workPlanId: string, household: Household, at: Date): Promise<AcceptanceRecord> {
  const state = await setAcceptanceState(t, workPlanId, household, { step: 'accepted', passedAt: at, at });
  return t.dataSource.getRepository(AcceptanceRecord).save({
    id: state.acceptanceRecordId!,
    workPlanId,
    householdId: household.id,
    repairId: null,
    decision: AcceptanceDecision.Accept,
    channel: AcceptanceChannel.Online,
    residentId: randomUUID(),
    staffId: null,
    inspectionId: state.lastInspectionId,
    defects: [],
    signatureSha256: randomBytes(32).toString('hex'),
    paperScanSha256: null,
    at,
    evidenceSha256: randomBytes(32).toString('hex'),
  });
}
