import { Inject, Injectable } from '@nestjs/common';
import { evaluateGroup, GroupState, type GroupOutcome, type HouseholdVote } from '@linyi/shared';
import { EntityManager } from 'typeorm';
import { AuditService, groupChain } from '../audit/audit.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainEventType } from '../events/domain-event.entity.js';
import { recordEvent } from '../events/domain-events.js';
import { ConsultationGroup } from './consultation-group.entity.js';
import { ConsultationHousehold } from './consultation-household.entity.js';
import { TALLY_SHARDS, ConsultationTally } from './consultation-tally.entity.js';
import type { Consultation } from './consultation.entity.js';
import { tallyShard } from './consultation.rules.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';

export interface GroupChange {
  group: ConsultationGroup;
  from: GroupState;
  to: GroupState;
}

/**
 * Keeps a group's counters and state exact: callers lock the group row, write, then call
 * `recount` in the same transaction. A state transition is recorded once, as an event and in the audit chain.
 */
@Injectable()
export class GroupStateService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Locks and returns the group row; every write that affects the group starts here. */
  lockGroup(manager: EntityManager, groupRowId: string): Promise<ConsultationGroup> {
    return this.transactions.forUpdate(manager.getRepository(ConsultationGroup).createQueryBuilder('g').where('g.id = :id', { id: groupRowId })).getOneOrFail();
  }

  async votesOf(manager: EntityManager, consultationId: string, groupRowId: string): Promise<HouseholdVote[]> {
    const rows = await manager
      .createQueryBuilder(ConsultationHousehold, 'ch')
      .leftJoin(HouseholdResponse, 'r', 'r.consultationId = ch.consultationId AND r.householdId = ch.householdId')
      .select(['ch.householdId AS householdId', 'ch.areaCenti AS areaCenti', 'ch.ownerKey AS ownerKey'])
      .addSelect(['r.answer AS answer', 'r.optionId AS optionId', 'r.finalRefusalAt AS finalRefusalAt'])
      .where('ch.consultationId = :consultationId AND ch.groupId = :groupRowId', { consultationId, groupRowId })
      .getRawMany<{ householdId: string; areaCenti: number; ownerKey: string; answer: HouseholdVote['answer']; optionId: string | null; finalRefusalAt: unknown }>();
    return rows.map((row) => ({
      householdId: row.householdId,
      areaCenti: Number(row.areaCenti),
      ownerKey: row.ownerKey,
      answer: row.answer ?? null,
      optionId: row.optionId,
      finalRefusal: row.finalRefusalAt !== null && row.finalRefusalAt !== undefined,
    }));
  }

  evaluate(consultation: Consultation, votes: HouseholdVote[], closed: boolean): GroupOutcome {
    return evaluateGroup(consultation.rule, votes, { closed, turnoutPercent: consultation.turnoutPercent });
  }

  /** Recounts a locked group from the answers, stores counters and state, and records a transition. */
  async recount(manager: EntityManager, consultation: Consultation, group: ConsultationGroup, at: Date, closed = false): Promise<GroupChange | null> {
    const outcome = this.evaluate(consultation, await this.votesOf(manager, consultation.id, group.id), closed);
    const { tally } = outcome;
    const next = {
      households: tally.households,
      responded: tally.responded,
      agreed: tally.agreed,
      refused: tally.refused,
      abstained: tally.abstained,
      missing: outcome.missing,
      state: outcome.state,
      reason: outcome.reason.slice(0, 200),
      leadingOptionId: outcome.leadingOptionId,
    };
    const unchanged = (Object.keys(next) as Array<keyof typeof next>).every((key) => group[key] === next[key]);
    if (unchanged) return null;
    // Compare-and-set on the revision: a lost lock (or a bug) fails loudly instead of double-counting.
    const result = await manager.update(ConsultationGroup, { id: group.id, revision: group.revision }, { ...next, revision: group.revision + 1 });
    if (result.affected !== 1) throw new Error(`group ${group.id} changed under its lock`);
    await this.adjustTally(manager, consultation.id, group, next);
    const from = group.state;
    Object.assign(group, next, { revision: group.revision + 1 });
    if (from === next.state) return null;
    await recordEvent(manager, DomainEventType.GroupStateChanged, group.id, {
      consultationId: consultation.id,
      groupId: group.placeId,
      groupType: group.groupType,
      label: group.label,
      from,
      to: next.state,
      reason: next.reason,
    }, at);
    await this.audit.append(manager, { chainKey: groupChain(group.id), action: 'GROUP_STATE_CHANGED', actor: 'system', subjectId: group.id, payload: { from, to: next.state, reason: next.reason }, at });
    return { group, from, to: next.state };
  }

  private async adjustTally(manager: EntityManager, consultationId: string, before: ConsultationGroup, after: { responded: number; state: GroupState }) {
    const answered = after.responded - before.responded;
    const reached = Number(after.state === GroupState.Reached) - Number(before.state === GroupState.Reached);
    const failed = Number(after.state === GroupState.Failed) - Number(before.state === GroupState.Failed);
    if (!answered && !reached && !failed) return;
    await manager
      .createQueryBuilder()
      .update(ConsultationTally)
      .set({
        householdsAnswered: () => `householdsAnswered + ${answered}`,
        groupsReached: () => `groupsReached + ${reached}`,
        groupsFailed: () => `groupsFailed + ${failed}`,
      })
      .where('consultationId = :consultationId AND shard = :shard', { consultationId, shard: tallyShard(before.id, TALLY_SHARDS) })
      .execute();
  }
}
