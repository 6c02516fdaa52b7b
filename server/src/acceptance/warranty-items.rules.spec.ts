import { RepairStatus, WarrantyPart, WorkKind, type WarrantyYears } from '@linyi/shared';
import { itemsAfterAcceptance, openRepairsFirst, repairItemFor } from './warranty-items.rules.js';

const YEARS: WarrantyYears = { PIPES: 2, WATERPROOFING: 5, FINISHES: 2, WINDOWS: 2 };
// 2026-12-02 10:00 in Beijing.
const ACCEPTED = new Date('2026-12-02T02:00:00Z');

describe('itemsAfterAcceptance', () => {
  it('gives a plumbing plan its three parts from the day of acceptance', () => {
    expect(itemsAfterAcceptance([], 'plan-a', WorkKind.Plumbing, ACCEPTED, YEARS).map((i) => [i.workPlanId, i.part, i.startsOn, i.endsOn])).toEqual([
      ['plan-a', WarrantyPart.Pipes, '2026-12-02', '2028-12-01'],
      ['plan-a', WarrantyPart.Waterproofing, '2026-12-02', '2031-12-01'],
      ['plan-a', WarrantyPart.Finishes, '2026-12-02', '2028-12-01'],
    ]);
  });

  it('keeps what an earlier plan left and adds the new plan after it', () => {
    const earlier = itemsAfterAcceptance([], 'plan-a', WorkKind.Plumbing, ACCEPTED, YEARS);
    const later = itemsAfterAcceptance(earlier, 'plan-b', WorkKind.Windows, new Date('2027-05-01T02:00:00Z'), YEARS);
    expect(later.slice(0, 3)).toEqual(earlier);
    expect(later.slice(3).map((i) => [i.workPlanId, i.part, i.startsOn])).toEqual([
      ['plan-b', WarrantyPart.Windows, '2027-05-01'],
      ['plan-b', WarrantyPart.Finishes, '2027-05-01'],
    ]);
  });

  it('replaces the items of the same plan rather than listing them twice', () => {
    const first = itemsAfterAcceptance([], 'plan-a', WorkKind.Plumbing, ACCEPTED, YEARS);
    expect(itemsAfterAcceptance(first, 'plan-a', WorkKind.Plumbing, ACCEPTED, YEARS)).toEqual(first);
  });
});

describe('repairItemFor', () => {
  const plumbing = itemsAfterAcceptance([], 'plan-a', WorkKind.Plumbing, ACCEPTED, YEARS);
  const both = itemsAfterAcceptance(plumbing, 'plan-b', WorkKind.Windows, ACCEPTED, YEARS);

  it('finds the part of the notice', () => {
    expect(repairItemFor(plumbing, WarrantyPart.Waterproofing, undefined)).toEqual({ item: plumbing[1] });
  });

  it('refuses a part the notice does not list, naming it in Chinese', () => {
    expect(repairItemFor(plumbing, WarrantyPart.Windows, undefined)).toEqual({ problem: expect.stringContaining('外窗') });
  });

  it('asks which plan when two plans cover the part, and takes the one named', () => {
    expect(repairItemFor(both, WarrantyPart.Finishes, undefined)).toEqual({ problem: expect.stringContaining('请选择是哪一项施工') });
    expect(repairItemFor(both, WarrantyPart.Finishes, 'plan-b')).toEqual({ item: both[4] });
    expect(repairItemFor(both, WarrantyPart.Pipes, 'plan-b')).toEqual({ problem: expect.stringContaining('给排水管道') });
  });
});

describe('openRepairsFirst', () => {
  const at = (day: number) => new Date(Date.UTC(2027, 0, day));
  it('puts every repair not yet confirmed before the confirmed ones, newest first in each', () => {
    const repairs = [
      { id: 'a', status: RepairStatus.Accepted, reportedAt: at(5) },
      { id: 'b', status: RepairStatus.Open, reportedAt: at(1) },
      { id: 'c', status: RepairStatus.Repaired, reportedAt: at(3) },
      { id: 'd', status: RepairStatus.Accepted, reportedAt: at(2) },
      { id: 'e', status: RepairStatus.Reopened, reportedAt: at(4) },
    ];
    expect(openRepairsFirst(repairs).map((r) => r.id)).toEqual(['e', 'c', 'b', 'a', 'd']);
  });
});
