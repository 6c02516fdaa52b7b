import { ScreeningStatus } from '@linyi/shared';
import { crewAssistanceNote, crewList, type CrewHouseholdRow } from './crew-list.rules.js';

const units = [
  { unitId: 'u10', buildingName: '10号楼', unitName: '1单元' },
  { unitId: 'u2', buildingName: '2号楼', unitName: '1单元' },
];
const windows = [
  { id: 'w-late', unitId: 'u2', startsAt: new Date('2026-12-09T00:30:00Z'), endsAt: new Date('2026-12-09T09:30:00Z'), capacity: 4, priority: false },
  { id: 'w10', unitId: 'u10', startsAt: new Date('2026-12-07T00:30:00Z'), endsAt: new Date('2026-12-07T09:30:00Z'), capacity: 2, priority: false },
  { id: 'w-early', unitId: 'u2', startsAt: new Date('2026-12-08T00:30:00Z'), endsAt: new Date('2026-12-08T09:30:00Z'), capacity: 4, priority: true },
];
const row = (room: string, unitId: string, over: Partial<CrewHouseholdRow> = {}): CrewHouseholdRow => ({
  householdId: `${unitId}-${room}`,
  unitId,
  label: `${unitId}-${room}`,
  room,
  floor: Number(room.slice(0, -2)),
  rosterPhone: `1390000${room}`,
  bookedWindowId: null,
  bookingPhone: null,
  screeningStatus: null,
  carePlanNote: null,
  ...over,
});

describe('crewAssistanceNote', () => {
  it('shows the care line only while the household needs care', () => {
    expect(crewAssistanceNote(ScreeningStatus.NeedsCare, '送水上门')).toBe('送水上门');
    for (const status of [ScreeningStatus.NothingNeeded, ScreeningStatus.Withdrawn, ScreeningStatus.Erased, null]) expect(crewAssistanceNote(status, '送水上门')).toBeNull();
    expect(crewAssistanceNote(ScreeningStatus.NeedsCare, null)).toBeNull();
  });
});

describe('crewList', () => {
  const households = [
    row('1001', 'u2', { bookedWindowId: 'w-early', screeningStatus: ScreeningStatus.NeedsCare, carePlanNote: '送水上门', bookingPhone: '13911112222' }),
    row('201', 'u2', { bookedWindowId: 'w-early' }),
    row('301', 'u2', { bookedWindowId: 'w-late', screeningStatus: ScreeningStatus.Withdrawn, carePlanNote: '旧的说明' }),
    row('502', 'u2'),
    row('101', 'u2'),
    row('101', 'u10'),
  ];
  const { list, shownNotes } = crewList(units, windows, households);

  it('orders windows by building and unit in natural order (2号楼 before 10号楼), then by start', () => {
    expect(list.windows.map((w) => [w.windowId, w.unitLabel, w.priority])).toEqual([
      ['w-early', '2号楼1单元', true],
      ['w-late', '2号楼1单元', false],
      ['w10', '10号楼1单元', false],
    ]);
    expect(list.windows[2].households).toEqual([]);
  });

  it('lists a window’s households from the lowest floor up, the booking’s phone before the roster’s, and the care line only when it is due', () => {
    const early = list.windows.find((w) => w.windowId === 'w-early')!;
    expect(early.households).toEqual([
      { householdId: 'u2-201', label: 'u2-201', contactPhone: '1390000201', assistanceNote: null },
      { householdId: 'u2-1001', label: 'u2-1001', contactPhone: '13911112222', assistanceNote: '送水上门' },
    ]);
    expect(list.windows.find((w) => w.windowId === 'w-late')!.households[0].assistanceNote).toBeNull();
    expect(shownNotes.map((h) => h.householdId)).toEqual(['u2-1001']);
  });

  it('lists the unbooked in roster order, with nothing but label and unit', () => {
    expect(list.unbooked).toEqual([
      { householdId: 'u2-101', label: 'u2-101', unitId: 'u2' },
      { householdId: 'u2-502', label: 'u2-502', unitId: 'u2' },
      { householdId: 'u10-101', label: 'u10-101', unitId: 'u10' },
    ]);
  });
});
