import { AcceptanceChannel, AcceptanceDecision, InspectionTest } from '@linyi/shared';
import { acceptanceEvidenceSha256, inspectionEvidenceSha256, signOffEvidenceSha256, type AcceptanceEvidenceInput, type InspectionEvidenceInput, type SignOffEvidenceInput } from './acceptance-evidence.js';

const PLAN = '6f1c2a9e-3b7d-4c1e-9a55-1d2e3f405162';
const HOUSEHOLD = '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
const OTHER = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e';
const AT = new Date('2026-12-02T02:30:00.000Z');
const LATER = new Date('2026-12-02T02:30:01.000Z');
const sha = (c: string) => c.repeat(64);

const inspection: InspectionEvidenceInput = {
  workPlanId: PLAN,
  householdId: HOUSEHOLD,
  repairId: null,
  results: [
    { test: InspectionTest.BallPass, passed: true, value: 'Φ75 球一次通过', photoSha256: sha('a') },
    { test: InspectionTest.NoLeak, passed: true, value: null, photoSha256: sha('b') },
  ],
  note: '复检',
  inspectorId: '9d3b1a2c-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  at: AT,
};

const acceptance: AcceptanceEvidenceInput = {
  workPlanId: PLAN,
  householdId: HOUSEHOLD,
  repairId: null,
  decision: AcceptanceDecision.Reject,
  channel: AcceptanceChannel.Online,
  residentId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  staffId: null,
  inspection: { id: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f', evidenceSha256: sha('c') },
  defects: [{ description: '卫生间管根潮湿', photoSha256: sha('d') }],
  signatureSha256: sha('e'),
  paperScanSha256: null,
  at: AT,
};

const signOff: SignOffEvidenceInput = {
  acceptanceRecordId: '4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f80',
  acceptanceEvidenceSha256: sha('f'),
  supervisorHouseholdId: OTHER,
  residentId: '5e6f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8091',
  signatureSha256: sha('1'),
  note: null,
  at: AT,
};

const withResult = (index: number, change: Partial<InspectionEvidenceInput['results'][number]>): InspectionEvidenceInput => ({
  ...inspection,
  results: inspection.results.map((r, i) => (i === index ? { ...r, ...change } : r)),
});

describe('inspection evidence hash', () => {
  const base = inspectionEvidenceSha256(inspection);

  it('is stable for equal inputs and a 64-digit hex hash', () => {
    expect(inspectionEvidenceSha256(structuredClone(inspection))).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, InspectionEvidenceInput]>([
    ['result (passed → failed)', withResult(1, { passed: false })],
    ['test', withResult(0, { test: InspectionTest.WaterPressure })],
    ['measured value', withResult(0, { value: 'Φ50 球一次通过' })],
    ['measured value (one added)', withResult(1, { value: '无渗漏' })],
    ['photo', withResult(0, { photoSha256: sha('9') })],
    ['photo (one removed)', withResult(1, { photoSha256: null })],
    ['order of the results', { ...inspection, results: [...inspection.results].reverse() }],
    ['set of results (one left out)', { ...inspection, results: inspection.results.slice(0, 1) }],
    ['note', { ...inspection, note: null }],
    ['inspector', { ...inspection, inspectorId: OTHER }],
    ['time (one second later)', { ...inspection, at: LATER }],
    ['household', { ...inspection, householdId: OTHER }],
    ['plan', { ...inspection, workPlanId: OTHER }],
    ['repair', { ...inspection, repairId: OTHER }],
  ])('changes with a different %s', (_field, changed) => {
    expect(inspectionEvidenceSha256(changed)).not.toBe(base);
  });
});

describe('acceptance evidence hash', () => {
  const base = acceptanceEvidenceSha256(acceptance);

  it('is stable for equal inputs, extra fields of a stored row ignored', () => {
    expect(acceptanceEvidenceSha256(structuredClone(acceptance))).toBe(base);
    expect(acceptanceEvidenceSha256({ ...acceptance, id: 'x', inspectionId: 'y' } as AcceptanceEvidenceInput)).toBe(base);
  });

  it.each<[string, AcceptanceEvidenceInput]>([
    ['decision', { ...acceptance, decision: AcceptanceDecision.Accept }],
    ['channel', { ...acceptance, channel: AcceptanceChannel.Paper }],
    ['resident who signed', { ...acceptance, residentId: OTHER }],
    ['signer (staff instead of the resident)', { ...acceptance, residentId: null, staffId: acceptance.residentId }],
    ['inspection decided on', { ...acceptance, inspection: { ...acceptance.inspection!, id: OTHER } }],
    ["inspection's evidence (its results)", { ...acceptance, inspection: { ...acceptance.inspection!, evidenceSha256: sha('0') } }],
    ['defect description', { ...acceptance, defects: [{ ...acceptance.defects[0], description: '卫生间管根滴水' }] }],
    ['defect photo', { ...acceptance, defects: [{ ...acceptance.defects[0], photoSha256: null }] }],
    ['list of defects (one added)', { ...acceptance, defects: [...acceptance.defects, { description: '墙面未恢复', photoSha256: null }] }],
    ['signature', { ...acceptance, signatureSha256: sha('7') }],
    ['paper scan', { ...acceptance, paperScanSha256: sha('8') }],
    ['time (one second later)', { ...acceptance, at: LATER }],
    ['household', { ...acceptance, householdId: OTHER }],
    ['plan', { ...acceptance, workPlanId: OTHER }],
    ['repair', { ...acceptance, repairId: OTHER }],
  ])('changes with a different %s', (_field, changed) => {
    expect(acceptanceEvidenceSha256(changed)).not.toBe(base);
  });

  it('never equals an inspection hash of the same fields (format tags differ)', () => {
    expect(base).not.toBe(inspectionEvidenceSha256(inspection));
  });
});

describe('sign-off evidence hash', () => {
  const base = signOffEvidenceSha256(signOff);

  it('is stable for equal inputs', () => {
    expect(signOffEvidenceSha256(structuredClone(signOff))).toBe(base);
  });

  it.each<[string, SignOffEvidenceInput]>([
    ['acceptance record', { ...signOff, acceptanceRecordId: OTHER }],
    ["acceptance's evidence", { ...signOff, acceptanceEvidenceSha256: sha('2') }],
    ["supervisor's household", { ...signOff, supervisorHouseholdId: HOUSEHOLD }],
    ['resident who signed', { ...signOff, residentId: OTHER }],
    ['signature', { ...signOff, signatureSha256: sha('3') }],
    ['note', { ...signOff, note: '已到场查看' }],
    ['time (one second later)', { ...signOff, at: LATER }],
  ])('changes with a different %s', (_field, changed) => {
    expect(signOffEvidenceSha256(changed)).not.toBe(base);
  });
});
