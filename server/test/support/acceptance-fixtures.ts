import { InspectionTest, type InspectionResultInput } from '@linyi/shared';
import type { TestApp } from './test-app.js';
import { bearer } from './test-app.js';
import { SIGNATURE } from './consent.js';

/** A real PNG (the demo signature), used wherever a photo of a test or a defect is sent. */
export const PHOTO = SIGNATURE;

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
