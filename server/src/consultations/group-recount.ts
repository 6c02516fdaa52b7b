import { GroupState } from '@linyi/shared';
import type { DataSource } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ConsultationGroup } from './consultation-group.entity.js';
import { TALLY_SHARDS, ConsultationTally } from './consultation-tally.entity.js';
import { Consultation } from './consultation.entity.js';
import { tallyShard } from './consultation.rules.js';
import { GroupStateService } from './group-state.service.js';

export interface Drift {
  consultationId: string;
  groupId: string | null;
  label: string;
  field: string;
  stored: unknown;
  recomputed: unknown;
}

const COUNTERS = ['households', 'responded', 'agreed', 'refused', 'abstained', 'missing', 'state'] as const;

/**
 * Recomputes every group from the answers (under the group lock), then every tally from the groups,
 * and reports what differed. With `repair`, stored values are corrected; state changes found this way
 * are recorded as events like any other.
 */
export async function recountAll(dataSource: DataSource, transactions: TransactionRunner, groupState: GroupStateService, repair: boolean, now: Date): Promise<Drift[]> {
  const drifts: Drift[] = [];
  const consultations = await dataSource.getRepository(Consultation).find();
  for (const consultation of consultations) {
    const groups = await dataSource.getRepository(ConsultationGroup).find({ select: { id: true }, where: { consultationId: consultation.id } });
    for (const { id } of groups) {
      await transactions.run(async (manager) => {
        const group = await groupState.lockGroup(manager, id);
        const outcome = groupState.evaluate(consultation, await groupState.votesOf(manager, consultation.id, id), consultation.status === 'CLOSED');
        const recomputed = { ...outcome.tally, missing: outcome.missing, state: outcome.state };
        for (const field of COUNTERS) {
          if (group[field] !== recomputed[field]) drifts.push({ consultationId: consultation.id, groupId: group.placeId, label: group.label, field, stored: group[field], recomputed: recomputed[field] });
        }
        if (repair) await groupState.recount(manager, consultation, group, now, consultation.status === 'CLOSED');
      });
    }
    drifts.push(...(await recountTally(dataSource, consultation.id, repair)));
  }
  return drifts;
}

async function recountTally(dataSource: DataSource, consultationId: string, repair: boolean): Promise<Drift[]> {
  const groups = await dataSource.getRepository(ConsultationGroup).findBy({ consultationId });
  const expected = Array.from({ length: TALLY_SHARDS }, (_, shard) => ({ shard, householdsTotal: 0, householdsAnswered: 0, groupsTotal: 0, groupsReached: 0, groupsFailed: 0 }));
  for (const group of groups) {
    const shard = expected[tallyShard(group.id, TALLY_SHARDS)];
    shard.householdsTotal += group.households;
    shard.householdsAnswered += group.responded;
    shard.groupsTotal += 1;
    shard.groupsReached += Number(group.state === GroupState.Reached);
    shard.groupsFailed += Number(group.state === GroupState.Failed);
  }
  const stored = await dataSource.getRepository(ConsultationTally).findBy({ consultationId });
  const drifts: Drift[] = [];
  for (const want of expected) {
    const have = stored.find((s) => s.shard === want.shard);
    for (const field of ['householdsTotal', 'householdsAnswered', 'groupsTotal', 'groupsReached', 'groupsFailed'] as const) {
      if (have?.[field] !== want[field]) drifts.push({ consultationId, groupId: null, label: `tally shard ${want.shard}`, field, stored: have?.[field], recomputed: want[field] });
    }
    if (repair && have && drifts.some((d) => d.label === `tally shard ${want.shard}`)) await dataSource.getRepository(ConsultationTally).update({ consultationId, shard: want.shard }, want);
  }
  return drifts;
}
