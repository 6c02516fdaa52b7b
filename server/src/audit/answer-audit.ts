import { In, type EntityManager } from 'typeorm';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import type { Consultation } from '../consultations/consultation.entity.js';
import { evidenceOfStoredAnswer } from '../responses/answer.rules.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { AuditChainHead } from './audit-chain-head.entity.js';
import { verifyChain } from './audit-chain.js';
import { AuditEntry } from './audit-entry.entity.js';
import { chainAgainstCheckpoints, type RecordedHead } from './checkpoint.rules.js';
import { groupChain } from './audit.service.js';
import { ANSWER_ACTIONS, answerProblems, FINAL_REFUSAL_ACTION, type AnswerEvent, type AnswerProblem, type StoredAnswer } from './answer-audit.rules.js';

export interface GroupAnswerProblem extends AnswerProblem {
  consultationId: string;
  /** The group's row id (its audit chain is group:<id>). */
  groupRowId: string;
}

const CHUNK = 500;

function stored(consultation: Consultation, row: HouseholdResponse): StoredAnswer {
  return {
    householdId: row.householdId,
    answer: row.answer,
    optionId: row.optionId,
    version: row.version,
    signatureSha256: row.signatureSha256,
    paperScanSha256: row.paperScanSha256,
    evidenceSha256: row.evidenceSha256,
    finalRefusal: row.finalRefusalAt !== null && row.finalRefusalAt !== undefined,
    channel: row.channel,
    residentId: row.residentId,
    staffId: row.staffId,
    // answer.rules.ts owns the hash (and its older form for rows written before the signer was bound).
    recomputedEvidenceSha256: evidenceOfStoredAnswer(row, consultation.textSha256),
  };
}

/**
 * Checks the counted answers of some groups of a consultation (all of them when `groupRowIds` is
 * omitted) against their group audit chains. Reads only; the caller decides what a mismatch stops.
 */
export async function answerAuditProblems(manager: EntityManager, consultation: Consultation, groupRowIds?: string[]): Promise<GroupAnswerProblem[]> {
  const voters = await manager.find(ConsultationHousehold, {
    select: { householdId: true, groupId: true },
    where: groupRowIds ? { consultationId: consultation.id, groupId: In(groupRowIds) } : { consultationId: consultation.id },
  });
  const groupOf = new Map(voters.map((v) => [v.householdId, v.groupId]));
  const groups = groupRowIds ?? [...new Set(voters.map((v) => v.groupId))];
  const answers = new Map<string, StoredAnswer[]>(groups.map((g) => [g, []]));
  const events = new Map<string, AnswerEvent[]>(groups.map((g) => [g, []]));
  const problems: GroupAnswerProblem[] = [];

  const rows = groupRowIds
    ? (await Promise.all(chunks(voters.map((v) => v.householdId)).map((ids) => manager.findBy(HouseholdResponse, { consultationId: consultation.id, householdId: In(ids) })))).flat()
    : await manager.findBy(HouseholdResponse, { consultationId: consultation.id });
  for (const row of rows) {
    const group = groupOf.get(row.householdId);
    if (group) answers.get(group)!.push(stored(consultation, row));
    else problems.push({ consultationId: consultation.id, groupRowId: '-', householdId: row.householdId, problem: 'an answer for a household outside the electorate: written outside the application' });
  }
  for (const keys of chunks(groups.map(groupChain))) {
    const entries = await manager.find(AuditEntry, {
      select: { chainKey: true, seq: true, action: true, actor: true, subjectId: true, payload: true },
      where: { chainKey: In(keys), action: In([...ANSWER_ACTIONS, FINAL_REFUSAL_ACTION]) },
    });
    for (const entry of entries) events.get(entry.chainKey.slice('group:'.length))?.push({ seq: entry.seq, action: entry.action, actor: entry.actor, householdId: entry.subjectId, payload: entry.payload });
  }
  for (const group of groups) {
    for (const problem of answerProblems(answers.get(group)!, events.get(group)!)) problems.push({ consultationId: consultation.id, groupRowId: group, ...problem });
  }
  return problems;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Whether one chain still holds together and matches every head the checkpoints recorded for it
 * (a rewritten trail would otherwise vouch for a rewritten answer). `recorded` comes from a replay
 * of the checkpoints that verified their signatures and roots (replayCheckpoints).
 */
export async function chainProblems(manager: EntityManager, chainKey: string, recorded: RecordedHead[]): Promise<string[]> {
  const entries = await manager.find(AuditEntry, { where: { chainKey }, order: { seq: 'ASC' } });
  const head = await manager.findOneBy(AuditChainHead, { chainKey });
  const problems: string[] = [];
  const broken = head ? verifyChain(chainKey, entries, head) : entries.length || recorded.length ? { problem: 'the chain head is gone' } : null;
  if (broken) problems.push(broken.problem);
  const hashes = new Map(entries.map((e) => [e.seq, e.hash]));
  const mismatch = chainAgainstCheckpoints(recorded, (seq) => hashes.get(seq));
  if (mismatch) problems.push(mismatch);
  return problems;
}
