import { ConsultationStatus, GroupState } from '@linyi/shared';
import { expectedTally, tallyDrifts, tallyRepairs } from './recount.rules.js';

const group = (shard: number, households: number, responded: number, state: GroupState) => ({ shard, households, responded, state });

describe('tally recount rules', () => {
  it('expects no tally for a DRAFT consultation: publish creates it', () => {
    expect(expectedTally(ConsultationStatus.Draft, [], 8)).toEqual([]);
    expect(tallyDrifts(expectedTally(ConsultationStatus.Draft, [], 8), [])).toEqual([]);
  });

  it('adds the groups up per shard once published, empty shards included', () => {
    const expected = expectedTally(ConsultationStatus.Open, [group(0, 4, 4, GroupState.Reached), group(0, 3, 1, GroupState.Pending), group(2, 5, 5, GroupState.Failed)], 4);
    expect(expected).toEqual([
      { shard: 0, householdsTotal: 7, householdsAnswered: 5, groupsTotal: 2, groupsReached: 1, groupsFailed: 0 },
      { shard: 1, householdsTotal: 0, householdsAnswered: 0, groupsTotal: 0, groupsReached: 0, groupsFailed: 0 },
      { shard: 2, householdsTotal: 5, householdsAnswered: 5, groupsTotal: 1, groupsReached: 0, groupsFailed: 1 },
      { shard: 3, householdsTotal: 0, householdsAnswered: 0, groupsTotal: 0, groupsReached: 0, groupsFailed: 0 },
    ]);
    expect(tallyDrifts(expected, expected.map((s) => ({ ...s })))).toEqual([]);
  });

  it('reports a drifted field, a missing shard and a shard that should not exist', () => {
    const expected = expectedTally(ConsultationStatus.Open, [group(0, 4, 4, GroupState.Reached)], 2);
    const stored = [{ ...expected[0], householdsAnswered: 3 }];
    expect(tallyDrifts(expected, stored)).toEqual([
      { label: 'tally shard 0', field: 'householdsAnswered', stored: 3, recomputed: 4 },
      ...['householdsTotal', 'householdsAnswered', 'groupsTotal', 'groupsReached', 'groupsFailed'].map((field) => ({ label: 'tally shard 1', field, stored: undefined, recomputed: 0 })),
    ]);
    expect(tallyDrifts([], [expected[0]])).toHaveLength(5);
  });

  it('repairs by inserting a missing shard, updating a drifted one and deleting one that should not exist', () => {
    const expected = expectedTally(ConsultationStatus.Open, [group(0, 4, 4, GroupState.Reached)], 3);
    const stored = [{ ...expected[0], householdsAnswered: 3 }, expected[2], { ...expected[2], shard: 5 }];
    expect(tallyRepairs(expected, stored)).toEqual([
      { kind: 'update', shard: 0, counts: expected[0] },
      { kind: 'insert', shard: 1, counts: expected[1] },
      { kind: 'delete', shard: 5 },
    ]);
    expect(tallyRepairs(expected, expected)).toEqual([]);
  });
});
