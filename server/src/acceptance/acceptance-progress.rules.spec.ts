import { AcceptanceStatus } from '@linyi/shared';
import { householdProgress, unitCompletion, unitProgress, type AcceptanceState } from './acceptance-progress.rules.js';

const h = (n: number) => ({ householdId: `h${n}`, label: `1号楼1单元${n}01` });
const at = (day: number) => new Date(Date.UTC(2026, 11, day, 2));
const state = (over: Partial<AcceptanceState>): AcceptanceState => ({
  status: AcceptanceStatus.Pending,
  lastInspectionId: 'i1',
  lastInspectionPassed: true,
  inspectedSinceRework: true,
  passedAt: at(1),
  acceptedAt: null,
  ...over,
});

describe('unitCompletion', () => {
  it('is complete only when every household accepted, at the last acceptance', () => {
    expect(unitCompletion(3, [at(2), at(5), at(3)])).toEqual({ complete: true, completedAt: at(5) });
    expect(unitCompletion(3, [at(2), null, at(3)])).toEqual({ complete: false, completedAt: null });
    expect(unitCompletion(3, [at(2), at(3)])).toEqual({ complete: false, completedAt: null });
  });

  it('a unit without households is never complete', () => {
    expect(unitCompletion(0, [])).toEqual({ complete: false, completedAt: null });
  });
});

describe('householdProgress', () => {
  it('no state row: pending, not inspected, nothing to chase', () => {
    expect(householdProgress(h(1), null)).toEqual({ ...h(1), inspected: false, passed: false, status: 'PENDING', passedAt: null, acceptedAt: null });
  });

  it('a passing inspection not yet accepted is on the chase list from passedAt', () => {
    expect(householdProgress(h(1), state({}))).toMatchObject({ inspected: true, passed: true, status: 'PENDING', passedAt: at(1).toISOString(), acceptedAt: null });
  });

  it('a failing latest inspection is inspected, not passed', () => {
    expect(householdProgress(h(1), state({ lastInspectionPassed: false, passedAt: null }))).toMatchObject({ inspected: true, passed: false, passedAt: null });
  });

  it('sent back to the crew: not passed, even though the inspection it rejected had passed', () => {
    expect(householdProgress(h(1), state({ status: AcceptanceStatus.Rework, inspectedSinceRework: false }))).toMatchObject({ inspected: true, passed: false, status: 'REWORK', passedAt: null });
  });

  it('accepted: passed, with the acceptance time', () => {
    expect(householdProgress(h(1), state({ status: AcceptanceStatus.Accepted, acceptedAt: at(4) }))).toMatchObject({ passed: true, status: 'ACCEPTED', acceptedAt: at(4).toISOString() });
  });
});

describe('unitProgress', () => {
  it('counts each status and completes when all accepted', () => {
    const list = [
      householdProgress(h(1), state({ status: AcceptanceStatus.Accepted, acceptedAt: at(4) })),
      householdProgress(h(2), state({ status: AcceptanceStatus.Rework, inspectedSinceRework: false })),
      householdProgress(h(3), state({})),
      householdProgress(h(4), null),
    ];
    expect(unitProgress({ unitId: 'u', label: '1号楼1单元' }, list)).toMatchObject({ households: 4, inspected: 3, passed: 2, accepted: 1, rework: 1, complete: false, completedAt: null });
    const all = [1, 2].map((n) => householdProgress(h(n), state({ status: AcceptanceStatus.Accepted, acceptedAt: at(n + 3) })));
    expect(unitProgress({ unitId: 'u', label: '1号楼1单元' }, all)).toMatchObject({ accepted: 2, complete: true, completedAt: at(5).toISOString() });
  });
});
