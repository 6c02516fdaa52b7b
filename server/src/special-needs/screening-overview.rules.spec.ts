import { ScreeningStatus } from '@linyi/shared';
import { inRoomOrder, inRosterOrder, tallyUnit, unitLabel, unitsInOrder, type HouseholdStanding, type PlacedStanding } from './screening-overview.rules.js';

const { NothingNeeded, NeedsCare, Withdrawn, Erased } = ScreeningStatus;
const standing = (status: ScreeningStatus | null, hasCarePlan = false): HouseholdStanding => ({ status, hasCarePlan });

describe('screening counts of a unit', () => {
  it('counts nothing-needed, needs-care and withdrawn as screened, and not-screened and erased as not', () => {
    const tally = tallyUnit([standing(null), standing(NothingNeeded), standing(NeedsCare), standing(Withdrawn), standing(Erased)]);
    expect(tally).toMatchObject({ households: 5, screened: 3, notScreened: 2 });
  });

  it('counts a plan only for a household that needs care, and a household that needs care without one as needing a plan', () => {
    const tally = tallyUnit([standing(NeedsCare, true), standing(NeedsCare, false), standing(NeedsCare, false), standing(NothingNeeded, true)]);
    expect(tally).toEqual({ households: 4, screened: 4, needsCare: 3, withCarePlan: 1, notScreened: 0, needsPlan: 2 });
  });

  it('gives an empty unit zeros', () => {
    expect(tallyUnit([])).toEqual({ households: 0, screened: 0, needsCare: 0, withCarePlan: 0, notScreened: 0, needsPlan: 0 });
  });
});

describe('units and households in roster order', () => {
  const row = (unitId: string, buildingName: string, unitName: string, householdId: string | null, status: ScreeningStatus | null = null): PlacedStanding => ({
    unitId,
    buildingName,
    unitName,
    householdId,
    status,
    hasCarePlan: false,
  });

  it('labels a unit as its building and unit name', () => {
    expect(unitLabel('1号楼', '2单元')).toBe('1号楼2单元');
  });

  it('orders units by building then unit, naturally ("2号楼" before "10号楼"), and tallies each', () => {
    const units = unitsInOrder([
      row('u10-1', '10号楼', '1单元', 'h1', NothingNeeded),
      row('u2-2', '2号楼', '2单元', 'h2'),
      row('u2-1', '2号楼', '1单元', 'h3', NeedsCare),
      row('u10-1', '10号楼', '1单元', 'h4'),
      row('u3-1', '3号楼', '1单元', null),
    ]);
    expect(units.map((u) => u.label)).toEqual(['2号楼1单元', '2号楼2单元', '3号楼1单元', '10号楼1单元']);
    expect(units.map((u) => [u.tally.households, u.tally.screened])).toEqual([[1, 1], [1, 0], [0, 0], [2, 1]]);
  });

  it('orders households by floor, then room naturally', () => {
    const rows = [{ floor: 2, room: '201' }, { floor: 1, room: '1010' }, { floor: 1, room: '102' }, { floor: -1, room: 'B01' }];
    expect(inRoomOrder(rows).map((r) => r.room)).toEqual(['B01', '102', '1010', '201']);
  });

  it('orders a compound by building, unit, floor and room', () => {
    const rows = [
      { buildingName: '10号楼', unitName: '1单元', floor: 1, room: '101' },
      { buildingName: '2号楼', unitName: '2单元', floor: 1, room: '101' },
      { buildingName: '2号楼', unitName: '1单元', floor: 3, room: '301' },
      { buildingName: '2号楼', unitName: '1单元', floor: 1, room: '102' },
    ];
    expect(inRosterOrder(rows).map((r) => `${r.buildingName}${r.unitName}${r.room}`)).toEqual(['2号楼1单元102', '2号楼1单元301', '2号楼2单元101', '10号楼1单元101']);
  });
});
