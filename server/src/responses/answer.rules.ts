import { Answer, AnswerChannel, ConsultationKind, DecisionRule, type Disclosure, type ConsultationOption } from '@linyi/shared';
import { createHash } from 'node:crypto';
import { AppException } from '../common/app.exception.js';

interface AnswerContext {
  kind: ConsultationKind;
  rule: DecisionRule;
  options: ConsultationOption[];
  disclosures: Disclosure[];
}

interface AnswerInput {
  answer: Answer;
  optionId?: string;
  acknowledgedDisclosureIds: string[];
  channel: AnswerChannel;
  hasSignature: boolean;
  hasPaperScan: boolean;
  upgradeRequest?: string;
}

/** Checks an answer against its consultation before anything is written; throws a readable 4xx. */
export function checkAnswer(consultation: AnswerContext, input: AnswerInput): void {
  const plurality = consultation.rule === DecisionRule.Plurality;
  if (plurality && ![Answer.Option, Answer.Abstain].includes(input.answer)) {
    throw new AppException('ANSWER_INVALID', '方案投票请选择一个方案（OPTION）或弃权（ABSTAIN）');
  }
  if (!plurality && input.answer === Answer.Option) throw new AppException('ANSWER_INVALID', '该征询不是方案投票，请选择同意、不同意或弃权');
  if (input.answer === Answer.Option && !consultation.options.some((o) => o.id === input.optionId)) {
    throw new AppException('ANSWER_INVALID', `方案“${input.optionId ?? ''}”不存在，请重新选择`);
  }
  if (input.answer !== Answer.Option && input.optionId) throw new AppException('ANSWER_INVALID', '只有选择方案时才能填写方案编号');

  const known = new Set(consultation.disclosures.map((d) => d.id));
  const unknown = input.acknowledgedDisclosureIds.filter((id) => !known.has(id));
  if (unknown.length) throw new AppException('ANSWER_INVALID', `告知事项“${unknown.join('、')}”不属于本次征询`);
  // Being told comes before agreeing (seed 004 §三); a refusal is never held up by the check boxes.
  if (input.answer === Answer.Agree || input.answer === Answer.Option) {
    const acknowledged = new Set(input.acknowledgedDisclosureIds);
    const missing = consultation.disclosures.filter((d) => !acknowledged.has(d.id));
    if (missing.length) {
      throw new AppException('DISCLOSURES_NOT_ACKNOWLEDGED', `请先阅读并确认以下告知事项：${missing.map((d) => `“${d.text.split('：')[0]}”（${d.id}）`).join('、')}`, {
        missingDisclosureIds: missing.map((d) => d.id),
      });
    }
  }
  const writtenApplication = consultation.kind === ConsultationKind.PlumbingApplication && input.answer === Answer.Agree;
  if (input.channel === AnswerChannel.Online && writtenApplication && !input.hasSignature) {
    throw new AppException('SIGNATURE_REQUIRED', '书面改造申请需要手写签名，请在签名框内签名后再提交');
  }
  if (input.channel === AnswerChannel.Paper && !input.hasPaperScan) {
    throw new AppException('PAPER_SCAN_REQUIRED', '录入纸质意见时请上传住户签字的纸质申请照片');
  }
  if (input.upgradeRequest && !writtenApplication) throw new AppException('ANSWER_INVALID', '只有同意管线改造申请时才能提出自费提升改造');
}

/** Where the household's earlier answers came from, as read under the group lock. */
export interface AnswerProvenance {
  /** The channel of the counted answer, null when the household has not answered. */
  currentChannel: AnswerChannel | null;
  /** Whether any version of the household's answer in this consultation was given online. */
  everOnline: boolean;
}

/**
 * A consent record is the household's own (API.md, Evidence integrity): staff may enter a paper
 * answer only while the household has never answered online in this consultation. The history
 * counts too, not just the current answer: once a resident has signed online, the signature is
 * theirs for the whole consultation, and staff cannot take over the household from a later state
 * (e.g. a paper version left from before this rule). The resident may always change their own answer.
 */
export function checkPaperAllowed(channel: AnswerChannel, provenance: AnswerProvenance): void {
  if (channel !== AnswerChannel.Paper) return;
  if (provenance.currentChannel === AnswerChannel.Online || provenance.everOnline) {
    throw new AppException('ONLINE_ANSWER_EXISTS', '该住户已在线上提交过意见，工作人员不能再录入纸质意见替换；如需更改，请住户本人在小程序中修改');
  }
}

/**
 * An online answer is replaced only by the resident who signed it. Anyone else bound to the
 * household (a co-owner, or an account bound later through an invite code that staff issued) is
 * refused, so nobody can take over a signature by binding to the household after it was given.
 */
export function checkOnlineReplacement(current: { channel: AnswerChannel; residentId: string | null } | null, answeringResidentId: string): void {
  if (!current || current.channel !== AnswerChannel.Online || current.residentId === answeringResidentId) return;
  throw new AppException('ONLINE_ANSWER_EXISTS', '本户的意见已由另一位住户在线签署，只能由签署人本人修改；如有疑问请联系社区');
}

export interface EvidenceInput {
  consultationId: string;
  textSha256: string;
  householdId: string;
  answer: Answer;
  optionId: string | null;
  version: number;
  channel: AnswerChannel;
  /** Who signed: the resident of an online answer. */
  residentId: string | null;
  /** Who signed: the staff member who entered a paper answer. */
  staffId: string | null;
  signatureSha256: string | null;
  paperScanSha256: string | null;
  acknowledgedDisclosureIds: string[];
  answeredAt: Date;
}

/** The canonical form's version tag; v1 rows (before the signer was bound) have no tag. */
export const EVIDENCE_FORMAT = 'v2';

/** Binds text version, household, answer, channel, signer, evidence images and time: change any, the hash changes. */
export function evidenceSha256(input: EvidenceInput): string {
  return sha256Of([
    EVIDENCE_FORMAT,
    input.consultationId,
    input.textSha256,
    input.householdId,
    input.answer,
    input.optionId,
    input.version,
    input.channel,
    input.residentId,
    input.staffId,
    input.signatureSha256,
    input.paperScanSha256,
    [...input.acknowledgedDisclosureIds].sort(),
    input.answeredAt.toISOString(),
  ]);
}

/** The first canonical form, without the signer: how answers stored before v2 were hashed. */
export function legacyEvidenceSha256(input: Omit<EvidenceInput, 'residentId' | 'staffId'>): string {
  return sha256Of([
    input.consultationId,
    input.textSha256,
    input.householdId,
    input.answer,
    input.optionId,
    input.version,
    input.channel,
    input.signatureSha256,
    input.paperScanSha256,
    [...input.acknowledgedDisclosureIds].sort(),
    input.answeredAt.toISOString(),
  ]);
}

/** The stored fields of an answer version (a household_response or household_response_history row). */
export type StoredAnswer = Omit<EvidenceInput, 'textSha256'> & { evidenceSha256: string };

/**
 * The evidence hash a stored answer must carry, for verification: the v2 hash when the row carries
 * one, otherwise the v1 hash (rows written before the signer was bound). A row passes iff the result
 * equals its `evidenceSha256`; any edit of a bound field fails under both forms.
 */
export function evidenceOfStoredAnswer(row: StoredAnswer, textSha256: string): string {
  const current = evidenceSha256({ ...row, textSha256 });
  return current === row.evidenceSha256 ? current : legacyEvidenceSha256({ ...row, textSha256 });
}

function sha256Of(canonical: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
