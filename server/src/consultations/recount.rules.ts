import { ConsultationStatus, GroupState } from '@linyi/shared';

export interface TallyCounts {
  shard: number;
  householdsTotal: number;
  householdsAnswered: number;
  groupsTotal: number;
  groupsReached: number;
  groupsFailed: number;
}

export interface GroupCounts {
  shard: number;
  households: number;
  responded: number;
  state: GroupState;
}

export interface TallyDrift {
  label: string;
  field: string;
  stored: unknown;
  recomputed: unknown;
}

const FIELDS = ['householdsTotal', 'householdsAnswered', 'groupsTotal', 'groupsReached', 'groupsFailed'] as const;

/**
 * The tally shards a consultation should have: none while it is a DRAFT (publish creates the groups
 * and all `shards` counters), otherwise every shard with its groups added up.
 */
export function expectedTally(status: ConsultationStatus, groups: GroupCounts[], shards: number): TallyCounts[] {
  if (status === ConsultationStatus.Draft) return [];
  const expected = Array.from({ length: shards }, (_, shard) => ({ shard, householdsTotal: 0, householdsAnswered: 0, groupsTotal: 0, groupsReached: 0, groupsFailed: 0 }));
  for (const group of groups) {
    const shard = expected[group.shard];
    shard.householdsTotal += group.households;
    shard.householdsAnswered += group.responded;
    shard.groupsTotal += 1;
    shard.groupsReached += Number(group.state === GroupState.Reached);
    shard.groupsFailed += Number(group.state === GroupState.Failed);
  }
  return expected;
}

/** What differs between the stored shards and the expected ones (a missing or extra shard differs in every field). */
export function tallyDrifts(expected: TallyCounts[], stored: TallyCounts[]): TallyDrift[] {
  const drifts: TallyDrift[] = [];
  const shards = [...new Set([...expected.map((s) => s.shard), ...stored.map((s) => s.shard)])].sort((a, b) => a - b);
  for (const shard of shards) {
    const want = expected.find((s) => s.shard === shard);
    const have = stored.find((s) => s.shard === shard);
    for (const field of FIELDS) {
      if (have?.[field] !== want?.[field]) drifts.push({ label: `tally shard ${shard}`, field, stored: have?.[field], recomputed: want?.[field] });
    }
  }
  return drifts;
}

export type TallyRepair = { kind: 'insert' | 'update'; shard: number; counts: TallyCounts } | { kind: 'delete'; shard: number };

/** What makes the stored shards the expected ones: insert the missing, update the drifted, delete the extra. */
export function tallyRepairs(expected: TallyCounts[], stored: TallyCounts[]): TallyRepair[] {
  const repairs: TallyRepair[] = [];
  for (const want of expected) {
    const have = stored.find((s) => s.shard === want.shard);
    if (!have) repairs.push({ kind: 'insert', shard: want.shard, counts: { ...want } });
    else if (FIELDS.some((field) => have[field] !== want[field])) repairs.push({ kind: 'update', shard: want.shard, counts: { ...want } });
  }
  for (const have of stored) if (!expected.some((s) => s.shard === have.shard)) repairs.push({ kind: 'delete', shard: have.shard });
  return repairs;
}
