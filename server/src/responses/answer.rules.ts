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

export interface EvidenceInput {
  consultationId: string;
  textSha256: string;
  householdId: string;
  answer: Answer;
  optionId: string | null;
  version: number;
  channel: AnswerChannel;
  signatureSha256: string | null;
  paperScanSha256: string | null;
  acknowledgedDisclosureIds: string[];
  answeredAt: Date;
}

/** Binds text version, household, answer, evidence images and time: change any, the hash changes. */
export function evidenceSha256(input: EvidenceInput): string {
  const canonical = JSON.stringify([
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
  return createHash('sha256').update(canonical).digest('hex');
}
