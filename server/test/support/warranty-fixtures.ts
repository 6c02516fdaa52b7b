import { InspectionTest, ScopeType, StaffRole, WarrantyPart, type InspectionResultInput, type WarrantyView } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { StaffAccount } from '../../src/staff/staff-account.entity.js';
import { acceptOnline, inspect, passingPlumbing, PHOTO } from './acceptance-fixtures.js';
import { SIGNATURE } from './consent.js';
import { bearer, staffToken, type TestApp } from './test-app.js';

/** A wall-clock time in Beijing, e.g. shanghai('2026-12-02T10:00:00'). */
export const shanghai = (iso: string) => new Date(`${iso}+08:00`);

/** supertest: the body as bytes (PDFs). */
export const binary: Parameters<Test['parse']>[0] = (res, callback) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** A PDF's text with the whitespace taken out: extraction may break lines or put spaces between runs. */
export const pdfText = async (bytes: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text.replace(/\s+/g, '');

/** A contractor account scoped to one compound (the demo's contractor of 幸福苑 is disabled). */
export async function contractorOf(t: TestApp, compoundId: string, username: string): Promise<string> {
  await t.dataSource.getRepository(StaffAccount).save({ id: randomUUID(), username, displayName: `${username} 施工队`, role: StaffRole.Contractor, scopeType: ScopeType.Compound, scopeId: compoundId, passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4) });
  return staffToken(t, username);
}

/** Through the API: the crew's passing inspection, then the resident's online acceptance. */
export async function inspectAndAccept(t: TestApp, contractor: string, resident: string, householdId: string, workPlanId: string): Promise<void> {
  await inspect(t, contractor, householdId, workPlanId, passingPlumbing()).expect(201);
  await acceptOnline(t, resident, householdId, workPlanId).expect(200);
}

export const warrantyOf = async (t: TestApp, token: string, householdId: string, version?: number): Promise<WarrantyView> =>
  (await t.http.get(`/api/households/${householdId}/warranty`).query(version ? { version } : {}).set(bearer(token)).expect(200)).body;

export const reportRepair = (t: TestApp, token: string, householdId: string, body: Record<string, unknown>) => t.http.post(`/api/households/${householdId}/repairs`).set(bearer(token)).send(body);

export const repairDone = (t: TestApp, token: string, householdId: string, repairId: string, results: InspectionResultInput[], note?: string) =>
  t.http.post(`/api/households/${householdId}/repairs/${repairId}/done`).set(bearer(token)).send({ results, ...(note ? { note } : {}) });

export const decideRepair = (t: TestApp, token: string, householdId: string, repairId: string, body: Record<string, unknown>) => t.http.put(`/api/households/${householdId}/repairs/${repairId}/acceptance`).set(bearer(token)).send(body);

export const acceptRepair = (t: TestApp, token: string, householdId: string, repairId: string) => decideRepair(t, token, householdId, repairId, { decision: 'ACCEPT', signaturePng: SIGNATURE });

/** The tests a repair of the part must pass (REPAIR_TESTS_OF), each passed with a photo. */
export function passingRepair(part: WarrantyPart): InspectionResultInput[] {
  const tests: Record<WarrantyPart, InspectionTest[]> = {
    [WarrantyPart.Pipes]: [InspectionTest.BallPass, InspectionTest.NoLeak],
    [WarrantyPart.Waterproofing]: [InspectionTest.NoLeak],
    [WarrantyPart.Finishes]: [InspectionTest.Restoration],
    [WarrantyPart.Windows]: [InspectionTest.WindowSeal],
  };
  return tests[part].map((test) => ({ test, passed: true, value: '维修后复检合格', photoPng: PHOTO }));
}

/** The household's entries of these actions about one plan in its audit chain, oldest first (the chain outlives clearWorks). */
export async function auditActions(t: TestApp, householdId: string, workPlanId: string, actions: string[]): Promise<Array<{ action: string; actor: string; payload: Record<string, unknown> }>> {
  const rows: Array<{ action: string; actor: string; payload: string }> = await t.dataSource.query(`SELECT action, actor, payload FROM audit_entry WHERE chainKey = ? AND action IN (${actions.map(() => '?').join(', ')}) ORDER BY seq`, [`household:${householdId}`, ...actions]);
  return rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> })).filter((row) => row.payload.workPlanId === workPlanId);
}
