import { ConsultationKind, ConsultationStatus, DecisionRule, GroupBy, plumbingDisclosures, type CreateConsultationRequest, type Disclosure } from '@linyi/shared';
import { createHash } from 'node:crypto';

export const MIN_CONSULTATION_MS = 24 * 3600 * 1000;

/** Kinds anyone living there may answer; the others are for owners (Civil Code art. 278). */
const OPEN_TO_TENANTS = new Set([ConsultationKind.SatisfactionSurvey, ConsultationKind.General]);

export interface ConsultationDefaults {
  disclosures: Disclosure[];
  ownersOnly: boolean;
  turnoutPercent: number;
  visitsBeforeFinal: number;
}

/** Problems with a new consultation, in words a committee member can act on; empty when fine. */
export function consultationProblems(request: CreateConsultationRequest, now: Date): string[] {
  const problems: string[] = [];
  const opensAt = new Date(request.opensAt);
  const deadline = new Date(request.deadline);
  if (deadline.getTime() - opensAt.getTime() < MIN_CONSULTATION_MS) problems.push('截止时间至少要在开始时间一天之后，给居民留出协商时间');
  if (deadline.getTime() <= now.getTime()) problems.push('截止时间已经过去');
  if (request.kind === ConsultationKind.PlumbingApplication) {
    if (request.rule !== DecisionRule.Unanimous) problems.push('楼内上下水管线改造申请必须采用“全体同意”（UNANIMOUS）规则');
    if (request.groupBy !== GroupBy.Unit) problems.push('楼内上下水管线改造申请必须按单元（UNIT）统计');
  }
  if (request.kind === ConsultationKind.WindowGuardConsent && request.groupBy !== GroupBy.Building) {
    problems.push('拆除外窗护栏征询应按楼栋（BUILDING）统计');
  }
  const options = request.options ?? [];
  if (request.rule === DecisionRule.Plurality) {
    if (options.length < 2) problems.push('方案投票至少需要两个方案');
  } else if (options.length) {
    problems.push('只有方案投票（PLURALITY）可以设置方案');
  }
  if (new Set(options.map((o) => o.id)).size !== options.length) problems.push('方案编号不能重复');
  const disclosureIds = (request.disclosures ?? []).map((d) => d.id);
  if (new Set(disclosureIds).size !== disclosureIds.length) problems.push('告知事项编号不能重复');
  return problems;
}

/** What a request leaves out; a plumbing application's disclosures name the compound's emergency line when it has one. */
export function defaultsFor(request: CreateConsultationRequest, emergencyPhone: string | null): ConsultationDefaults {
  const disclosures = request.disclosures ?? (request.kind === ConsultationKind.PlumbingApplication ? plumbingDisclosures(emergencyPhone) : []);
  return {
    disclosures,
    ownersOnly: request.ownersOnly ?? !OPEN_TO_TENANTS.has(request.kind),
    turnoutPercent: request.turnoutPercent ?? 50,
    visitsBeforeFinal: request.visitsBeforeFinal ?? 3,
  };
}

/** What residents sign, hashed: any later edit of the text changes the hash their answers carry. */
export function consultationTextSha256(text: {
  title: string;
  body: string;
  rule: string;
  groupBy: string;
  options: unknown;
  disclosures: unknown;
  deadline: Date;
}): string {
  const canonical = JSON.stringify([text.title, text.body, text.rule, text.groupBy, text.options, text.disclosures, text.deadline.toISOString()]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type AnswerWindow = 'NOT_PUBLISHED' | 'NOT_OPEN_YET' | 'OPEN' | 'CLOSED';

/** Whether answers are accepted now; the deadline counts even before the sweeper marks it CLOSED. */
export function answerWindow(consultation: { status: ConsultationStatus; opensAt: Date; deadline: Date }, now: Date): AnswerWindow {
  if (consultation.status === ConsultationStatus.Draft) return 'NOT_PUBLISHED';
  if (consultation.status === ConsultationStatus.Closed || consultation.deadline.getTime() <= now.getTime()) return 'CLOSED';
  if (consultation.opensAt.getTime() > now.getTime()) return 'NOT_OPEN_YET';
  return 'OPEN';
}

/** Status on publication. */
export function publishedStatus(opensAt: Date, now: Date): ConsultationStatus {
  return opensAt.getTime() > now.getTime() ? ConsultationStatus.Scheduled : ConsultationStatus.Open;
}

/** Owners of several flats count once: the roster's name and phone identify the person. */
export function ownerKey(ownerName: string, phone: string | null, householdId: string): string {
  const name = ownerName.replace(/\s/g, '');
  if (!name) return `household:${householdId}`;
  return createHash('sha256').update(`${name}|${phone ?? ''}`).digest('hex').slice(0, 40);
}

/** Which of the 8 tally shards a group's counters live in. */
export function tallyShard(groupRowId: string, shards: number): number {
  return parseInt(groupRowId.replace(/-/g, '').slice(0, 8), 16) % shards;
}
