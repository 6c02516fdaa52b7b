import type { DataSource, EntityManager } from 'typeorm';
import { answerAuditProblems, chainProblems, type GroupAnswerProblem } from '../audit/answer-audit.js';
import { groupChain } from '../audit/audit.service.js';
import type { AuditSigningKey } from '../audit/audit-key.js';
import { replayCheckpoints } from '../audit/audit-verifier.js';
import type { CheckpointProblem } from '../audit/checkpoint.rules.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ConsultationGroup } from './consultation-group.entity.js';
import { TALLY_SHARDS, ConsultationTally } from './consultation-tally.entity.js';
import { Consultation } from './consultation.entity.js';
import { tallyShard } from './consultation.rules.js';
import { GroupStateService } from './group-state.service.js';
import { expectedTally, tallyDrifts, tallyRepairs } from './recount.rules.js';

export interface Drift {
  consultationId: string;
  groupId: string | null;
  label: string;
  field: string;
  stored: unknown;
  recomputed: unknown;
  /**
   * `reported`: found without --repair; `repaired`: the stored value was corrected; `refused`: left
   * as it is on purpose (its group does not match the audit trail, or a checkpoint does not verify).
   */
  outcome: DriftOutcome;
}

export type DriftOutcome = 'reported' | 'repaired' | 'refused';

export interface RecountReport {
  drifts: Drift[];
  /** Groups whose answers are not what the audit trail recorded: reported, and never repaired towards. */
  tampered: Array<GroupAnswerProblem & { label: string }>;
  /** Checkpoints that do not verify: then the trail itself is in doubt and nothing is repaired. */
  checkpointProblems: CheckpointProblem[];
}

const COUNTERS = ['households', 'responded', 'agreed', 'refused', 'abstained', 'missing', 'state'] as const;

/**
 * Recomputes every group from the answers (under the group lock), then every tally from the groups,
 * and reports what differed. With `repair`, stored values are corrected, except in a group whose
 * answers do not match the audit trail: that group is left as it is (counting a tampered answer
 * would make the tampering look legitimate); with a checkpoint that does not verify, no group is.
 * State changes found this way are recorded as events.
 */
export async function recountAll(
  dataSource: DataSource,
  transactions: TransactionRunner,
  groupState: GroupStateService,
  key: Pick<AuditSigningKey, 'publicKey' | 'keyId'>,
  repair: boolean,
  now: Date,
): Promise<RecountReport> {
  const { recorded, problems } = await replayCheckpoints(dataSource, key);
  const report: RecountReport = { drifts: [], tampered: [], checkpointProblems: problems };
  const mayRepair = repair && !problems.length;
  const consultations = await dataSource.getRepository(Consultation).find();
  for (const consultation of consultations) {
    const groups = await dataSource.getRepository(ConsultationGroup).find({ select: { id: true }, where: { consultationId: consultation.id } });
    for (const { id } of groups) {
      await transactions.run(async (manager) => {
        const group = await groupState.lockGroup(manager, id);
        const tampered = [
          ...(await chainProblems(manager, groupChain(group.id), recorded.get(groupChain(group.id)) ?? [])).map((problem) => ({ consultationId: consultation.id, groupRowId: group.id, householdId: '-', problem: `its audit chain: ${problem}` })),
          ...(await answerAuditProblems(manager, consultation, [group.id])),
        ];
        report.tampered.push(...tampered.map((problem) => ({ ...problem, label: group.label })));
        const evaluated = groupState.evaluate(consultation, await groupState.votesOf(manager, consultation.id, id), consultation.status === 'CLOSED');
        const recomputed = { ...evaluated.tally, missing: evaluated.missing, state: evaluated.state };
        const outcome: DriftOutcome = !repair ? 'reported' : mayRepair && !tampered.length ? 'repaired' : 'refused';
        const drifted = COUNTERS.filter((field) => group[field] !== recomputed[field]);
        for (const field of drifted) report.drifts.push({ consultationId: consultation.id, groupId: group.placeId, label: group.label, field, stored: group[field], recomputed: recomputed[field], outcome });
        if (outcome === 'repaired' && drifted.length) await groupState.recount(manager, consultation, group, now, consultation.status === 'CLOSED');
      });
    }
    report.drifts.push(...(await transactions.run((manager) => recountTally(manager, consultation, repair, mayRepair))));
  }
  return report;
}

/**
 * The tally shards against the groups as now stored. With repair, a drifted shard is corrected, a
 * missing one inserted as publish creates it (every shard of a published consultation exists, or
 * the answers' increments on it would be lost), and one that should not exist removed.
 */
async function recountTally(manager: EntityManager, consultation: Consultation, repair: boolean, mayRepair: boolean): Promise<Drift[]> {
  const groups = await manager.findBy(ConsultationGroup, { consultationId: consultation.id });
  const expected = expectedTally(consultation.status, groups.map((g) => ({ shard: tallyShard(g.id, TALLY_SHARDS), households: g.households, responded: g.responded, state: g.state })), TALLY_SHARDS);
  const stored = await manager.findBy(ConsultationTally, { consultationId: consultation.id });
  const drifts = tallyDrifts(expected, stored);
  const outcome: DriftOutcome = !repair ? 'reported' : mayRepair ? 'repaired' : 'refused';
  if (outcome === 'repaired') {
    for (const fix of tallyRepairs(expected, stored)) {
      const where = { consultationId: consultation.id, shard: fix.shard };
      if (fix.kind === 'insert') await manager.insert(ConsultationTally, { consultationId: consultation.id, ...fix.counts });
      else if (fix.kind === 'update') await manager.update(ConsultationTally, where, fix.counts);
      else await manager.delete(ConsultationTally, where);
    }
  }
  return drifts.map((drift) => ({ consultationId: consultation.id, groupId: null, ...drift, outcome }));
}
