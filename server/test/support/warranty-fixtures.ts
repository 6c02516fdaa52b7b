import { InspectionTest, WarrantyPart, type InspectionResultInput, type WarrantyView } from '@linyi/shared';
import type { Test } from 'supertest';
import { extractText, getDocumentProxy } from 'unpdf';
import { PHOTO } from './acceptance-fixtures.js';
import { SIGNATURE } from './consent.js';
import { bearer, type TestApp } from './test-app.js';

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
