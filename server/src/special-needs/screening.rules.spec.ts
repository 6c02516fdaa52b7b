import { CONTACT_PHONE_HINT, LegalBasis, MeasureKind, NeedCode, NOTE_MAX, ScreeningStatus, type CarePlanRequest } from '@linyi/shared';
import { AppException } from '../common/app.exception.js';
import { canonicalJson, checkCarePlan, decideScreening, detailsDigest } from './screening.rules.js';

/** The error a rule throws, as code and message. */
function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppException) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

const plan = (changes: Partial<CarePlanRequest> = {}): CarePlanRequest => ({
  measures: [{ kind: MeasureKind.WaterDelivery, description: '停水期间每天上午送两桶水' }],
  contactName: '王女士（女儿）',
  contactPhone: '13800001111',
  assistanceNote: '施工前一天先给女儿打电话',
  ...changes,
});

describe('screening rules', () => {
  it('records "nothing needed" without keeping needs, note, basis or scan', () => {
    expect(decideScreening({ needsCare: false, needs: [NeedCode.Bedridden], note: '长期卧床', legalBasis: LegalBasis.StatutoryDuty, consentScanPng: 'x' })).toEqual({
      status: ScreeningStatus.NothingNeeded,
      needs: [],
      note: null,
      legalBasis: null,
      evidence: null,
      scan: null,
    });
  });

  it('wants at least one need, keeps each once in a fixed order, and a note of at most NOTE_MAX characters', () => {
    expect(refusal(() => decideScreening({ needsCare: true, needs: [], legalBasis: LegalBasis.StatutoryDuty }))).toEqual({ code: 'VALIDATION_FAILED', message: '需要照顾时请至少选择一项困难类型' });
    expect(refusal(() => decideScreening({ needsCare: true, legalBasis: LegalBasis.StatutoryDuty })).code).toBe('VALIDATION_FAILED');
    expect(refusal(() => decideScreening({ needsCare: true, needs: ['HUNGRY' as NeedCode], legalBasis: LegalBasis.StatutoryDuty })).code).toBe('VALIDATION_FAILED');
    const decided = decideScreening({ needsCare: true, needs: [NeedCode.MedicalWater, NeedCode.ElderlyAlone, NeedCode.MedicalWater], note: '  每天需要用水  ', legalBasis: LegalBasis.StatutoryDuty });
    expect(decided).toMatchObject({ status: ScreeningStatus.NeedsCare, needs: [NeedCode.ElderlyAlone, NeedCode.MedicalWater], note: '每天需要用水', evidence: null });
    expect(decideScreening({ needsCare: true, needs: [NeedCode.Infant], note: '   ', legalBasis: LegalBasis.StatutoryDuty }).note).toBeNull();
    // Code points, as the column counts them: 200 emoji fit, 201 do not.
    expect(decideScreening({ needsCare: true, needs: [NeedCode.Other], note: '😀'.repeat(NOTE_MAX), legalBasis: LegalBasis.StatutoryDuty }).note).toHaveLength(NOTE_MAX * 2);
    expect(refusal(() => decideScreening({ needsCare: true, needs: [NeedCode.Other], note: '字'.repeat(NOTE_MAX + 1), legalBasis: LegalBasis.StatutoryDuty })).message).toBe(`情况说明最多 ${NOTE_MAX} 个字`);
    expect(refusal(() => decideScreening({ needsCare: true, needs: [NeedCode.Other], note: '需要\u0000帮助', legalBasis: LegalBasis.StatutoryDuty })).code).toBe('VALIDATION_FAILED');
  });

  it('refuses a need without a legal basis, in words a committee member can act on', () => {
    expect(refusal(() => decideScreening({ needsCare: true, needs: [NeedCode.Mobility] }))).toEqual({
      code: 'LEGAL_BASIS_REQUIRED',
      message: '记录特殊困难需要法律依据：居民的单独同意，或街道、居委会施工前摸排的法定职责',
    });
    expect(refusal(() => decideScreening({ needsCare: true, needs: [NeedCode.Mobility], legalBasis: 'BECAUSE' as LegalBasis })).code).toBe('LEGAL_BASIS_REQUIRED');
  });

  it('takes a separate consent with a scan as a new scan, without one as consent that must already be on file', () => {
    expect(decideScreening({ needsCare: true, needs: [NeedCode.Vision], legalBasis: LegalBasis.SeparateConsent, consentScanPng: 'data:image/png;base64,AAAA' })).toMatchObject({ evidence: 'NEW_SCAN', scan: 'data:image/png;base64,AAAA' });
    expect(decideScreening({ needsCare: true, needs: [NeedCode.Vision], legalBasis: LegalBasis.SeparateConsent })).toMatchObject({ evidence: 'STANDING', scan: null });
    // A statutory-duty record needs no consent form: a scan sent along is not kept.
    expect(decideScreening({ needsCare: true, needs: [NeedCode.Vision], legalBasis: LegalBasis.StatutoryDuty, consentScanPng: 'data:image/png;base64,AAAA' })).toMatchObject({ evidence: null, scan: null });
  });

  it('stores contact phones normalised by the page’s own rule (shared), and refuses with its hint', () => {
    const stored = (contactPhone: string) => checkCarePlan(plan({ contactPhone })).contactPhone;
    // The page's examples and what people type: full-width, grouped, with +86, an extension, a 4-digit area code.
    expect(['0539-1234567', '010-64001234', '１３８ ００００ １１１１', '+86 138-0000-1111', '0571-87654321转8'].map(stored)).toEqual([
      '0539-1234567',
      '010-64001234',
      '13800001111',
      '+8613800001111',
      '0571-87654321-8',
    ]);
    for (const bad of ['12800001111', '64001234', '010-1234', '打给女儿']) expect([bad, refusal(() => checkCarePlan(plan({ contactPhone: bad })))]).toEqual([bad, { code: 'VALIDATION_FAILED', message: CONTACT_PHONE_HINT }]);
  });

  it('checks a care plan: 1 to 6 measures of known kinds, a short contact, a phone, and a note without a diagnosis', () => {
    expect(checkCarePlan(plan({ contactName: '  ', contactPhone: ' ０１０ 6400 1234 ', assistanceNote: '  施工前一天先给女儿打电话 ' }))).toEqual({
      measures: [{ kind: MeasureKind.WaterDelivery, description: '停水期间每天上午送两桶水' }],
      contactName: null,
      contactPhone: '01064001234',
      assistanceNote: '施工前一天先给女儿打电话',
    });
    expect(checkCarePlan(plan({ contactName: undefined, contactPhone: null }))).toMatchObject({ contactName: null, contactPhone: null });
    expect(refusal(() => checkCarePlan(plan({ measures: [] }))).message).toBe('请至少填写一项照顾措施');
    expect(refusal(() => checkCarePlan(plan({ measures: Array(7).fill({ kind: MeasureKind.Helper, description: '陪同' }) }))).message).toBe('照顾措施最多 6 项');
    expect(refusal(() => checkCarePlan(plan({ measures: [{ kind: 'PARTY' as MeasureKind, description: '陪同' }] }))).message).toBe('第 1 项照顾措施的类型不正确');
    expect(refusal(() => checkCarePlan(plan({ measures: [{ kind: MeasureKind.Helper, description: '  ' }] }))).message).toBe('请填写第 1 项照顾措施的具体安排');
    expect(refusal(() => checkCarePlan(plan({ measures: [{ kind: MeasureKind.Helper, description: '陪'.repeat(101) }] }))).message).toBe('第 1 项照顾措施最多 100 个字');
    expect(refusal(() => checkCarePlan(plan({ contactName: '名'.repeat(31) }))).message).toBe('联系人姓名最多 30 个字');
    expect(refusal(() => checkCarePlan(plan({ contactPhone: '请打居委会' }))).code).toBe('VALIDATION_FAILED');
  });

  it('refuses an assistance note that names a diagnosis, naming the word', () => {
    expect(refusal(() => checkCarePlan(plan({ assistanceNote: '老人每周透析三次，施工避开周二' })))).toEqual({ code: 'ASSISTANCE_NOTE_INVALID', message: '给施工队的提示只写需要怎么帮忙，不要写病情或身体状况（含“透析”）' });
    expect(refusal(() => checkCarePlan(plan({ assistanceNote: ' ' }))).code).toBe('ASSISTANCE_NOTE_INVALID');
    expect(refusal(() => checkCarePlan(plan({ assistanceNote: '提'.repeat(61) }))).code).toBe('ASSISTANCE_NOTE_INVALID');
    expect(refusal(() => checkCarePlan(plan({ assistanceNote: '先打电话\n再敲门' }))).code).toBe('ASSISTANCE_NOTE_INVALID');
  });

  it('fingerprints details with a salt: same details and salt, same digest; another salt, another digest', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: '王' })).toBe('{"a":"王","b":[2,{"c":null,"d":1}]}');
    const details = { needs: [NeedCode.ElderlyAlone], note: '独居' };
    const digest = detailsDigest('salt-1', details);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(detailsDigest('salt-1', { note: '独居', needs: [NeedCode.ElderlyAlone] })).toBe(digest);
    expect(detailsDigest('salt-2', details)).not.toBe(digest);
    expect(detailsDigest('salt-1', { ...details, note: '独居。' })).not.toBe(digest);
    expect(digest).not.toContain('ELDERLY');
  });
});
