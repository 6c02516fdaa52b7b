import { AcceptanceDecision, InspectionTest, ResidentRole, ScopeType, StaffRole, WarrantyPart, type HouseholdAcceptanceView } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { StaffAccount } from '../../src/staff/staff-account.entity.js';
import { uniqueSignaturePng } from './authz-png.js';
import { SIGNATURE } from './consent.js';
import { bearer, residentToken, staffToken, type TestApp } from './test-app.js';

/** The photo of the victim household's inspection: no other image in the test has these bytes. */
export const VICTIM_INSPECTION_PHOTO = uniqueSignaturePng(0xacce_97ed);

export interface AcceptanceWorld {
  /** The contractor of the victim compound (the demo's own one there is disabled). */
  contractorToken: string;
  /** A resident bound to the supervisor household, named owner supervisor of the victim compound. */
  supervisorToken: string;
  acceptancePhotoSha256: string;
  repairId: string;
  inspectHouseholdId: string;
  supervisorHouseholdId: string;
}

/**
 * Acceptance in the victim's published plan, through the API: the owner's household inspected (with
 * a photo of its own bytes) and accepted, so its warranty is issued, and a repair reported; a
 * supervisor household named, inspected and not accepted; a spare household left alone.
 */
export async function buildAcceptanceWorld(
  t: TestApp,
  input: { committeeToken: string; ownerToken: string; compoundId: string; workPlanId: string; victimHouseholdId: string; spareHouseholds: [string, string] },
): Promise<AcceptanceWorld> {
  const [inspectHouseholdId, supervisorHouseholdId] = input.spareHouseholds;
  await t.dataSource.getRepository(StaffAccount).save({
    id: randomUUID(),
    username: 'contractor-authz-victim',
    displayName: '幸福苑施工队 测试',
    role: StaffRole.Contractor,
    scopeType: ScopeType.Compound,
    scopeId: input.compoundId,
    passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4),
  });
  const contractorToken = await staffToken(t, 'contractor-authz-victim');
  const results = (photoPng?: string) => [
    { test: InspectionTest.BallPass, passed: true, value: 'Φ75 球一次通过', ...(photoPng ? { photoPng } : {}) },
    { test: InspectionTest.NoLeak, passed: true, value: '管根闭水 24 小时无渗漏' },
  ];
  const inspect = (householdId: string, photoPng?: string) =>
    t.http.post(`/api/households/${householdId}/inspections`).set(bearer(contractorToken)).send({ workPlanId: input.workPlanId, results: results(photoPng) }).expect(201);

  const victim = input.victimHouseholdId;
  await inspect(victim, VICTIM_INSPECTION_PHOTO);
  await t.http.put(`/api/households/${victim}/acceptance`).set(bearer(input.ownerToken)).send({ workPlanId: input.workPlanId, decision: AcceptanceDecision.Accept, signaturePng: SIGNATURE }).expect(200);
  const view: HouseholdAcceptanceView = (await t.http.get(`/api/households/${victim}/acceptance`).query({ workPlanId: input.workPlanId }).set(bearer(input.ownerToken)).expect(200)).body;
  const acceptancePhotoSha256 = view.inspections[0].results[0].photoSha256!;
  const repair = await t.http.post(`/api/households/${victim}/repairs`).set(bearer(input.ownerToken)).send({ part: WarrantyPart.Pipes, description: '厨房立管接口处滴水（授权测试）' }).expect(201);

  const invite = await t.http.post(`/api/households/${supervisorHouseholdId}/invite-codes`).set(bearer(input.committeeToken)).send({ role: ResidentRole.Owner }).expect(201);
  const supervisorToken = await residentToken(t, 'authz-supervisor');
  await t.http.post('/api/me/bindings').set(bearer(supervisorToken)).send({ inviteCode: invite.body.code }).expect(200);
  await t.http.put(`/api/compounds/${input.compoundId}/owner-supervisors`).set(bearer(input.committeeToken)).send({ supervisors: [{ householdId: supervisorHouseholdId, name: '授权测试监督员' }] }).expect(200);
  await inspect(supervisorHouseholdId);

  return { contractorToken, supervisorToken, acceptancePhotoSha256, repairId: repair.body.id, inspectHouseholdId, supervisorHouseholdId };
}
