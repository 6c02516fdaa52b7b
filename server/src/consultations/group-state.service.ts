import { Inject, Injectable } from '@nestjs/common';
import { evaluateGroup, GroupState, type GroupOutcome, type HouseholdVote } from '@linyi/shared';
import { EntityManager, EntityNotFoundError } from 'typeorm';
import { AuditService, groupChain, type AuditRecord } from '../audit/audit.service.js';
import { wantCheckpoint } from '../audit/checkpoint-signal.js';
import { entityColumns, execute, hydrate, select, sql, type TemplateBuilder } from '../database/sql.js';
import { DomainEventType } from '../events/domain-event.entity.js';
import { recordEvent, type EventRecord } from '../events/domain-events.js';
import { ConsultationGroup } from './consultation-group.entity.js';
import { TALLY_SHARDS } from './consultation-tally.entity.js';
import type { Consultation } from './consultation.entity.js';
import { tallyShard } from './consultation.rules.js';

export interface GroupChange {
  group: ConsultationGroup;
  from: GroupState;
  to: GroupState;
}

type GroupCounters = Pick<ConsultationGroup, 'households' | 'responded' | 'agreed' | 'refused' | 'abstained' | 'missing' | 'state' | 'reason' | 'leadingOptionId'>;

/** What a recount decided for a locked group: its new counters and, when its state moves, the event and audit entry to record. */
export interface GroupPlan {
  next: GroupCounters;
  transition: { from: GroupState; to: GroupState; event: EventRecord; audit: AuditRecord } | null;
}

const COUNTER_KEYS = ['households', 'responded', 'agreed', 'refused', 'abstained', 'missing', 'state', 'reason', 'leadingOptionId'] as const;

const LOCK_GROUP: TemplateBuilder = (manager) => `SELECT ${entityColumns(manager, ConsultationGroup, 'g', '')} FROM {consultation_group} g WHERE g.{id} = ? {FOR UPDATE}`;
const VOTES = `SELECT ch.{householdId} AS {householdId}, ch.{areaCenti} AS {areaCenti}, ch.{ownerKey} AS {ownerKey}, r.{answer} AS {answer}, r.{optionId} AS {optionId}, r.{finalRefusalAt} AS {finalRefusalAt}
  FROM {consultation_household} ch
  LEFT JOIN {household_response} r ON r.{consultationId} = ch.{consultationId} AND r.{householdId} = ch.{householdId}
  WHERE ch.{consultationId} = ? AND ch.{groupId} = ?`;
const STORE_GROUP = `UPDATE {consultation_group} SET {households} = ?, {responded} = ?, {agreed} = ?, {refused} = ?, {abstained} = ?, {missing} = ?, {state} = ?, {reason} = ?, {leadingOptionId} = ?, {revision} = ?
  WHERE {id} = ? AND {revision} = ?`;
const MOVE_TALLY = `UPDATE {consultation_tally} SET {householdsAnswered} = {householdsAnswered} + ?, {groupsReached} = {groupsReached} + ?, {groupsFailed} = {groupsFailed} + ?
  WHERE {consultationId} = ? AND {shard} = ?`;

/**
 * Keeps a group's counters and state exact: callers lock the group row, write, then call
 * `recount` in the same transaction. A state transition is recorded once, as an event and in the audit chain.
 */
@Injectable()
export class GroupStateService {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  /** Locks and returns the group row; every write that affects the group starts here. */
  async lockGroup(manager: EntityManager, groupRowId: string): Promise<ConsultationGroup> {
    const [row] = await select(manager, sql(manager, LOCK_GROUP), [groupRowId]);
    if (!row) throw new EntityNotFoundError(ConsultationGroup, { id: groupRowId });
    return hydrate(manager, ConsultationGroup, row, '');
  }

  async votesOf(manager: EntityManager, consultationId: string, groupRowId: string): Promise<HouseholdVote[]> {
    const rows = await select<{ householdId: string; areaCenti: number; ownerKey: string; answer: HouseholdVote['answer']; optionId: string | null; finalRefusalAt: unknown }>(
      manager,
      sql(manager, VOTES),
      [consultationId, groupRowId],
    );
    return rows.map((row) => ({
      householdId: row.householdId,
      areaCenti: Number(row.areaCenti),
      ownerKey: row.ownerKey,
      answer: row.answer ?? null,
      optionId: row.optionId ?? null,
      finalRefusal: row.finalRefusalAt !== null && row.finalRefusalAt !== undefined,
    }));
  }

  evaluate(consultation: Consultation, votes: HouseholdVote[], closed: boolean): GroupOutcome {
    return evaluateGroup(consultation.rule, votes, { closed, turnoutPercent: consultation.turnoutPercent });
  }

  /** Recounts a locked group from the answers, stores counters and state, and records a transition. */
  async recount(manager: EntityManager, consultation: Consultation, group: ConsultationGroup, at: Date, closed = false): Promise<GroupChange | null> {
    const plan = this.plan(consultation, group, await this.votesOf(manager, consultation.id, group.id), at, closed);
    if (!plan) return null;
    await this.store(manager, consultation.id, group, plan);
    if (!plan.transition) return null;
    const { event, audit, from, to } = plan.transition;
    await recordEvent(manager, event.type, event.subjectId, event.payload, event.occurredAt);
    await this.audit.append(manager, audit);
    return { group, from, to };
  }

  /**
   * What the locked group becomes with these votes (all its households' answers as they stand in
   * this transaction); null when nothing changes. Pure: `store` writes it.
   */
  plan(consultation: Consultation, group: ConsultationGroup, votes: HouseholdVote[], at: Date, closed = false): GroupPlan | null {
    const outcome = this.evaluate(consultation, votes, closed);
    const { tally } = outcome;
    const next: GroupCounters = {
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
    if (COUNTER_KEYS.every((key) => group[key] === next[key])) return null;
    const from = group.state;
    if (from === next.state) return { next, transition: null };
    return {
      next,
      transition: {
        from,
        to: next.state,
        event: {
          type: DomainEventType.GroupStateChanged,
          subjectId: group.id,
          payload: { consultationId: consultation.id, groupId: group.placeId, groupType: group.groupType, label: group.label, from, to: next.state, reason: next.reason },
          occurredAt: at,
        },
        audit: { chainKey: groupChain(group.id), action: 'GROUP_STATE_CHANGED', actor: 'system', subjectId: group.id, payload: { from, to: next.state, reason: next.reason }, at },
      },
    };
  }

  /** Stores a plan on the locked group (compare-and-set on the revision), then moves its tally shard by the difference. */
  async store(manager: EntityManager, consultationId: string, group: ConsultationGroup, plan: GroupPlan): Promise<void> {
    const { next } = plan;
    // Compare-and-set on the revision: a lost lock (or a bug) fails loudly instead of double-counting.
    const result = await execute(
      manager,
      sql(manager, STORE_GROUP),
      [next.households, next.responded, next.agreed, next.refused, next.abstained, next.missing, next.state, next.reason, next.leadingOptionId, group.revision + 1, group.id, group.revision],
    );
    if (result.affected !== 1) throw new Error(`group ${group.id} changed under its lock`);
    await this.adjustTally(manager, consultationId, group, next);
    // A transition is checkpointed after this transaction commits, outside the group lock.
    if (plan.transition) wantCheckpoint(manager);
    Object.assign(group, next, { revision: group.revision + 1 });
  }

  private async adjustTally(manager: EntityManager, consultationId: string, before: ConsultationGroup, after: { responded: number; state: GroupState }) {
    const answered = after.responded - before.responded;
    const reached = Number(after.state === GroupState.Reached) - Number(before.state === GroupState.Reached);
    const failed = Number(after.state === GroupState.Failed) - Number(before.state === GroupState.Failed);
    if (!answered && !reached && !failed) return;
    await execute(
      manager,
      sql(manager, MOVE_TALLY),
      [answered, reached, failed, consultationId, tallyShard(before.id, TALLY_SHARDS)],
    );
  }
}
