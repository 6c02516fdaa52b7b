import {
  assistanceNoteProblem,
  CONTACT_NAME_MAX,
  contactPhoneProblem,
  LegalBasis,
  MEASURE_DESCRIPTION_MAX,
  MEASURES_MAX,
  MeasureKind,
  NeedCode,
  normalizeContactPhone,
  NOTE_MAX,
  ScreeningStatus,
  type CarePlanMeasure,
  type CarePlanRequest,
  type ScreeningRequest,
} from '@linyi/shared';
import { createHash } from 'node:crypto';
import { AppException } from '../common/app.exception.js';

export const LEGAL_BASIS_REQUIRED_MESSAGE = '记录特殊困难需要法律依据：居民的单独同意，或街道、居委会施工前摸排的法定职责';
export const CONSENT_EVIDENCE_REQUIRED_MESSAGE = '选择“居民单独同意”时，请上传居民签字的同意书扫描件，或请居民先在小程序“我家的登记信息”中在线同意';

const NEED_ORDER = Object.values(NeedCode);
const MEASURE_KINDS = new Set<string>(Object.values(MeasureKind));
const count = (text: string) => [...text].length;
// Control characters other than line breaks have no place in a note a committee member typed.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** What a valid screening request comes to: the row's details and where its consent evidence must come from. */
export interface ScreeningDecision {
  status: ScreeningStatus.NothingNeeded | ScreeningStatus.NeedsCare;
  /** Distinct, in the order of NeedCode: the same needs always give the same digest. */
  needs: NeedCode[];
  note: string | null;
  legalBasis: LegalBasis | null;
  /**
   * NEW_SCAN: store `scan`. STANDING: no scan sent, so the consent must already be on file: the scan
   * kept with the current screening, or the resident's online consent (the service looks them up). null: none needed.
   */
  evidence: 'NEW_SCAN' | 'STANDING' | null;
  scan: string | null;
}

const invalid = (message: string) => new AppException('VALIDATION_FAILED', message);

/**
 * Checks a screening request and drops what it must not keep: "nothing needed" keeps no needs, note,
 * basis or scan; a statutory-duty record keeps no consent scan (minimum necessary, PIPL art. 6).
 */
export function decideScreening(input: ScreeningRequest): ScreeningDecision {
  if (!input.needsCare) return { status: ScreeningStatus.NothingNeeded, needs: [], note: null, legalBasis: null, evidence: null, scan: null };
  const given = new Set(input.needs ?? []);
  const needs = NEED_ORDER.filter((code) => given.has(code));
  if (!needs.length || needs.length !== given.size) throw invalid('需要照顾时请至少选择一项困难类型');
  const note = input.note?.trim() || null;
  if (note !== null && count(note) > NOTE_MAX) throw invalid(`情况说明最多 ${NOTE_MAX} 个字`);
  if (note !== null && CONTROL.test(note)) throw invalid('情况说明中不能有控制字符');
  if (!input.legalBasis) throw new AppException('LEGAL_BASIS_REQUIRED', LEGAL_BASIS_REQUIRED_MESSAGE);
  if (input.legalBasis === LegalBasis.StatutoryDuty) return { status: ScreeningStatus.NeedsCare, needs, note, legalBasis: input.legalBasis, evidence: null, scan: null };
  if (input.legalBasis !== LegalBasis.SeparateConsent) throw new AppException('LEGAL_BASIS_REQUIRED', LEGAL_BASIS_REQUIRED_MESSAGE);
  const scan = input.consentScanPng || null;
  return { status: ScreeningStatus.NeedsCare, needs, note, legalBasis: input.legalBasis, evidence: scan ? 'NEW_SCAN' : 'STANDING', scan };
}

export const consentEvidenceRequired = () => new AppException('CONSENT_EVIDENCE_REQUIRED', CONSENT_EVIDENCE_REQUIRED_MESSAGE);

/** A valid care plan, trimmed and normalised as it is stored. */
export type CarePlanDetails = Required<CarePlanRequest> & { contactName: string | null; contactPhone: string | null };

/** Checks a care plan; the assistance note goes to the work crew, so it must say what to do, not why. */
export function checkCarePlan(input: CarePlanRequest): CarePlanDetails {
  const list = input.measures ?? [];
  if (!list.length) throw invalid('请至少填写一项照顾措施');
  if (list.length > MEASURES_MAX) throw invalid(`照顾措施最多 ${MEASURES_MAX} 项`);
  const measures: CarePlanMeasure[] = list.map((measure, i) => {
    if (!MEASURE_KINDS.has(measure.kind)) throw invalid(`第 ${i + 1} 项照顾措施的类型不正确`);
    const description = (measure.description ?? '').trim();
    if (!description) throw invalid(`请填写第 ${i + 1} 项照顾措施的具体安排`);
    if (count(description) > MEASURE_DESCRIPTION_MAX) throw invalid(`第 ${i + 1} 项照顾措施最多 ${MEASURE_DESCRIPTION_MAX} 个字`);
    if (CONTROL.test(description)) throw invalid(`第 ${i + 1} 项照顾措施中不能有控制字符`);
    return { kind: measure.kind, description };
  });
  const contactName = input.contactName?.trim() || null;
  if (contactName !== null && count(contactName) > CONTACT_NAME_MAX) throw invalid(`联系人姓名最多 ${CONTACT_NAME_MAX} 个字`);
  if (contactName !== null && /\p{Cc}/u.test(contactName)) throw invalid('联系人姓名中不能有换行或控制字符');
  // The same rule as the care-plan page (shared), so what the page accepts the server stores.
  const contactPhone = input.contactPhone ? normalizeContactPhone(input.contactPhone) || null : null;
  const phoneProblem = contactPhone === null ? null : contactPhoneProblem(contactPhone);
  if (phoneProblem) throw invalid(phoneProblem);
  const noteProblem = assistanceNoteProblem(input.assistanceNote ?? '');
  if (noteProblem) throw new AppException('ASSISTANCE_NOTE_INVALID', noteProblem);
  const assistanceNote = input.assistanceNote.trim();
  if (/\p{Cc}/u.test(assistanceNote)) throw new AppException('ASSISTANCE_NOTE_INVALID', '给施工队的提示只写一行，不能有换行或控制字符');
  return { measures, contactName, contactPhone, assistanceNote };
}

/** JSON with object keys sorted at every level: the same details always give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The audit chain's fingerprint of sensitive details: without the salt (kept in the row, erased with
 * the details) it links to nothing, so the immutable audit entry holds no health information.
 */
export function detailsDigest(salt: string, details: unknown): string {
  return createHash('sha256').update(salt).update(canonicalJson(details)).digest('hex');
}
