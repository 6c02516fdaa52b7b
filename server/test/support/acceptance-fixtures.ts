import { InspectionTest, ScopeType, StaffRole, type InspectionResultInput, type WorkPlanStatus } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { createHash, randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import type { Household } from '../../src/places/household.entity.js';
import { StaffAccount } from '../../src/staff/staff-account.entity.js';
import type { WorkPlan } from '../../src/works/work-plan.entity.js';
import { bindResident, SIGNATURE } from './consent.js';
import { compoundsAs } from './demo-places.js';
import type { TestApp } from './test-app.js';
import { bearer, staffToken } from './test-app.js';
import { demoUnit, insertPlan } from './works-fixtures.js';

/** A real PNG (the demo signature), used wherever a photo of a test or a defect is sent. */
export const PHOTO = SIGNATURE;

/** The hash the server keeps an image under: of its bytes, not of the data URL. */
export const pngSha256 = (dataUrl: string) => createHash('sha256').update(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64')).digest('hex');

/** The plumbing tests that make an inspection pass, each with a photo. */
export function passingPlumbing(extra: InspectionResultInput[] = []): InspectionResultInput[] {
  return [
    { test: InspectionTest.BallPass, passed: true, value: 'Φ75 球一次通过', photoPng: PHOTO },
    { test: InspectionTest.NoLeak, passed: true, value: '管根闭水 24 小时无渗漏', photoPng: PHOTO },
    ...extra,
  ];
}

export function inspect(t: TestApp, contractorToken: string, householdId: string, workPlanId: string, results: InspectionResultInput[], note?: string) {
  return t.http.post(`/api/households/${householdId}/inspections`).set(bearer(contractorToken)).send({ workPlanId, results, ...(note ? { note } : {}) });
}

export function decide(t: TestApp, token: string, householdId: string, body: Record<string, unknown>) {
  return t.http.put(`/api/households/${householdId}/acceptance`).set(bearer(token)).send(body);
}

/** The resident accepts online with the demo signature. */
export function acceptOnline(t: TestApp, residentToken: string, householdId: string, workPlanId: string) {
  return decide(t, residentToken, householdId, { workPlanId, decision: 'ACCEPT', signaturePng: SIGNATURE });
}

/** Through the API: the crew's passing inspection, then the resident's online acceptance. */
export async function inspectAndAccept(t: TestApp, contractor: string, resident: string, householdId: string, workPlanId: string): Promise<void> {
  await inspect(t, contractor, householdId, workPlanId, passingPlumbing()).expect(201);
  await acceptOnline(t, resident, householdId, workPlanId).expect(200);
}

/** A contractor account scoped to one compound (the demo's contractor of 幸福苑 is disabled), signed in. */
export async function contractorOf(t: TestApp, compoundId: string, username: string): Promise<string> {
  await t.dataSource.getRepository(StaffAccount).save({ id: randomUUID(), username, displayName: `${username} 施工队`, role: StaffRole.Contractor, scopeType: ScopeType.Compound, scopeId: compoundId, passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4) });
  return staffToken(t, username);
}

/**
 * A plan of the units without windows (inspections ignore window dates), written straight to the
 * tables: PUBLISHED at the fake clock's now unless told otherwise.
 */
export async function acceptancePlan(t: TestApp, compoundId: string, unitIds: string[], options: { status?: WorkPlanStatus; now?: Date; consultationId?: string } = {}): Promise<WorkPlan> {
  return (await insertPlan(t.dataSource, { compoundId, unitIds, windows: [], now: t.clock.stamp(), ...options })).plan;
}

/** 光明里小区 1号楼1单元 as the acceptance tests meet it (away from the demo's own acceptance story in 1号楼2单元). */
export interface AcceptanceUnit {
  committee: string;
  street: string;
  compoundId: string;
  unitId: string;
  /** Lowest floor first. */
  flats: Household[];
  /** Bound to flats[0], flats[1], … in that order. */
  residents: string[];
  /** Scoped to 幸福苑小区: the place's households are as if missing to it. */
  outsideContractor: string;
}

/** The unit with `residentCount` residents bound to its first flats; accounts and openids are named after `name` so test files never share one. */
export async function acceptanceUnit(t: TestApp, name: string, residentCount: number): Promise<AcceptanceUnit> {
  const [committee, street] = await Promise.all(['committee-demo', 'street-demo'].map((u) => staffToken(t, u)));
  const { compound, unit, households } = await demoUnit(t.dataSource, '1号楼1单元');
  const xingfu = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
  const outsideContractor = await contractorOf(t, xingfu, `contractor-xingfu-${name}`);
  const residents: string[] = [];
  for (const [i, flat] of households.slice(0, residentCount).entries()) residents.push(await bindResident(t, committee, flat.id, `${name}-resident-${i}`));
  return { committee, street, compoundId: compound.id, unitId: unit.id, flats: households, residents, outsideContractor };
}

/** The household's entries of these actions about one plan in its audit chain, oldest first (the chain outlives clearWorks). */
export async function auditActions(t: TestApp, householdId: string, workPlanId: string, actions: string[]): Promise<Array<{ action: string; actor: string; payload: Record<string, unknown> }>> {
  const rows: Array<{ action: string; actor: string; payload: string }> = await t.dataSource.query(`SELECT action, actor, payload FROM audit_entry WHERE chainKey = ? AND action IN (${actions.map(() => '?').join(', ')}) ORDER BY seq`, [`household:${householdId}`, ...actions]);
  return rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> })).filter((row) => row.payload.workPlanId === workPlanId);
}
