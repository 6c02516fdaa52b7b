import { BOOKING_REFUSAL_TEXT, WorkPlanStatus, type BookingView, type MyWorkPlan } from '@linyi/shared';
import { DEMO_CARE_WATER_OPENID } from '../src/demo/demo-screenings.js';
import type { Household } from '../src/places/household.entity.js';
import { bindResident } from './support/consent.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';
import { clearWorks, demoUnit, insertPlan, type WindowSpec } from './support/works-fixtures.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/**
 * Booking a work window (API.md "In-home works and booking"): the checks in the order the design
 * gives, moving and cancelling with the cut-off, the priority hold for households whose care plan
 * asks for it, the committee booking on a household's behalf, the resident's list and the .ics.
 * Plans are written straight to the tables (insertPlan): publishing is tested elsewhere.
 */
describe('booking work windows (MariaDB)', () => {
  let t: TestApp;
  let committee: string;
  let otherCommittee: string;
  let contractor: string;
  let compoundId: string;
  let unitId: string;
  let otherUnitId: string;
  let flats: Household[];
  let otherFlats: Household[];
  /** Bound residents of 1号楼2单元 101, 102 and 201 (indices 0–2 of `flats`), and of 1号楼1单元 101. */
  let residents: string[];
  let otherUnitResident: string;
  /** demo-care-water, bound to 1号楼2单元301: needs care, its care plan has a PRIORITY_WINDOW measure. */
  let careResident: string;
  let careFlat: Household;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    committee = await staffToken(t, 'committee-demo');
    otherCommittee = await staffToken(t, 'committee2-demo');
    contractor = await staffToken(t, 'contractor-demo');
    const unit = await demoUnit(t.dataSource, '1号楼2单元');
    const other = await demoUnit(t.dataSource, '1号楼1单元');
    compoundId = unit.compound.id;
    unitId = unit.unit.id;
    otherUnitId = other.unit.id;
    flats = unit.households;
    otherFlats = other.households;
    careFlat = flats.find((h) => h.room === '301')!;
    residents = [];
    for (const [i, flat] of flats.slice(0, 3).entries()) residents.push(await bindResident(t, committee, flat.id, `booking-resident-${i}`));
    otherUnitResident = await bindResident(t, committee, otherFlats[0].id, 'booking-other-unit');
    careResident = await residentToken(t, DEMO_CARE_WATER_OPENID);
  }, 60_000);

  afterAll(() => t.close());

  beforeEach(async () => {
    t.clock.set(new Date());
    await clearWorks(t.dataSource);
  });

  const plan = (windows: Array<WindowSpec & { unitId?: string }>, options: { unitIds?: string[]; status?: WorkPlanStatus } = {}) =>
    insertPlan(t.dataSource, { compoundId, unitIds: options.unitIds ?? [unitId], windows: windows.map((w) => ({ unitId, ...w })), now: t.clock.stamp(), status: options.status });
  const book = (token: string, householdId: string, body: Record<string, unknown>) => t.http.put(`/api/households/${householdId}/booking`).set(bearer(token)).send(body);
  const cancel = (token: string, householdId: string, workPlanId: string) => t.http.delete(`/api/households/${householdId}/booking`).query({ workPlanId }).set(bearer(token));
  const mine = async (token: string): Promise<MyWorkPlan[]> => (await t.http.get('/api/me/work-windows').set(bearer(token)).expect(200)).body;
  const windowRow = async (id: string) => (await t.dataSource.query('SELECT booked, capacity FROM work_window WHERE id = ?', [id]))[0] as { booked: number; capacity: number };
  const bookingsOf = (householdId: string) => t.dataSource.query('SELECT workPlanId, windowId, contactPhone, bookedByStaffId, bookedByResidentId FROM work_booking WHERE householdId = ?', [householdId]);
  /** The household's works entries about one plan (the demo's own bookings and earlier tests' are on the same chain). */
  const auditOf = async (householdId: string, workPlanId: string) =>
    ((await t.dataSource.query("SELECT action, actor, payload FROM audit_entry WHERE chainKey = ? AND action LIKE 'WORK_%' ORDER BY seq", [`household:${householdId}`])) as Array<{ action: string; actor: string; payload: string }>)
      .map((row) => ({ ...row, payload: JSON.parse(row.payload) }))
      .filter((row) => row.payload.workPlanId === workPlanId);

  it('books a window for the bound resident, shows it in the list with one place fewer, and records it', async () => {
    const { plan: p, windows } = await plan([{ inDays: 5, capacity: 4 }, { inDays: 6, capacity: 4 }]);
    const before = (await mine(residents[0])).find((entry) => entry.workPlanId === p.id)!;
    expect(before.booking).toBeNull();
    expect(before.windows.map((w) => [w.id, w.remaining, w.bookable])).toEqual([
      [windows[0].id, 4, true],
      [windows[1].id, 4, true],
    ]);

    const response = await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[0].id }).expect(200);
    const view: BookingView = response.body;
    expect(view).toMatchObject({
      householdId: flats[0].id,
      workPlanId: p.id,
      windowId: windows[0].id,
      startsAt: windows[0].startsAt.toISOString(),
      endsAt: windows[0].endsAt.toISOString(),
      unitLabel: '1号楼2单元',
      householdLabel: flats[0].label,
      contactPhone: null,
      bookedBy: 'RESIDENT',
      changesCloseAt: new Date(windows[0].startsAt.getTime() - 24 * HOUR).toISOString(),
    });

    const after = (await mine(residents[0])).find((entry) => entry.workPlanId === p.id)!;
    expect(after.booking).toEqual(view);
    expect(after.windows.find((w) => w.id === windows[0].id)!.remaining).toBe(3);
    // A neighbour sees the place gone too, but not who took it.
    const neighbour = (await mine(residents[1])).find((entry) => entry.workPlanId === p.id)!;
    expect(neighbour.booking).toBeNull();
    expect(neighbour.windows.find((w) => w.id === windows[0].id)!.remaining).toBe(3);
    expect(JSON.stringify(neighbour)).not.toContain(flats[0].id);

    expect(await windowRow(windows[0].id)).toMatchObject({ booked: 1 });
    expect(await auditOf(flats[0].id, p.id)).toEqual([expect.objectContaining({ action: 'WORK_BOOKED', payload: { workPlanId: p.id, windowId: windows[0].id, by: 'RESIDENT' } })]);
  });

  it('keeps one booking per household and plan: a second PUT moves it and frees the old place; the same window again changes nothing', async () => {
    const { plan: p, windows } = await plan([{ inDays: 5, capacity: 2 }, { inDays: 6, capacity: 2 }]);
    await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[0].id }).expect(200);
    const moved = await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[1].id }).expect(200);
    expect(moved.body).toMatchObject({ windowId: windows[1].id, startsAt: windows[1].startsAt.toISOString() });
    expect(await bookingsOf(flats[0].id)).toEqual([expect.objectContaining({ windowId: windows[1].id })]);
    expect([(await windowRow(windows[0].id)).booked, (await windowRow(windows[1].id)).booked]).toEqual([0, 1]);

    // Same window again, with a phone for the crew: 200, the place is not taken twice, the phone is kept.
    const again = await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[1].id, contactPhone: '138 0000 1111' }).expect(200);
    expect(again.body).toMatchObject({ windowId: windows[1].id, contactPhone: '13800001111' });
    expect((await windowRow(windows[1].id)).booked).toBe(1);
    // Moving without a phone keeps the one given; a blank one goes back to the roster phone.
    await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[0].id }).expect(200);
    expect(await bookingsOf(flats[0].id)).toEqual([expect.objectContaining({ windowId: windows[0].id, contactPhone: '13800001111' })]);
    expect((await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[0].id, contactPhone: '' }).expect(200)).body.contactPhone).toBeNull();

    expect((await auditOf(flats[0].id, p.id)).map((entry) => [entry.action, entry.payload.windowId, entry.payload.previousWindowId])).toEqual([
      ['WORK_BOOKED', windows[0].id, undefined],
      ['WORK_BOOKING_MOVED', windows[1].id, windows[0].id],
      ['WORK_BOOKING_MOVED', windows[0].id, windows[1].id],
    ]);
  });

  it('refuses a full window with 409 WINDOW_FULL and leaves the household where it was', async () => {
    const { plan: p, windows } = await plan([{ inDays: 5, capacity: 1 }, { inDays: 6, capacity: 1 }]);
    await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[0].id }).expect(200);
    await book(residents[1], flats[1].id, { workPlanId: p.id, windowId: windows[1].id }).expect(200);
    const full = await book(residents[1], flats[1].id, { workPlanId: p.id, windowId: windows[0].id }).expect(409);
    expect(full.body.code).toBe('WINDOW_FULL');
    expect(full.body.message).toMatch(/约满/);
    // The failed move freed nothing: the household keeps its place.
    expect(await bookingsOf(flats[1].id)).toEqual([expect.objectContaining({ windowId: windows[1].id })]);
    expect([(await windowRow(windows[0].id)).booked, (await windowRow(windows[1].id)).booked]).toEqual([1, 1]);
    const listed = (await mine(residents[2])).find((entry) => entry.workPlanId === p.id)!;
    expect(listed.windows.map((w) => [w.remaining, w.bookable, w.unavailableReason])).toEqual([
      [0, false, expect.stringMatching(/约满/)],
      [0, false, expect.stringMatching(/约满/)],
    ]);
  });

  it("refuses another unit's window with 400, someone else's household, unknown, draft or foreign windows with 404", async () => {
    const { plan: p, windows } = await plan([{ inDays: 5, capacity: 4 }, { inDays: 5, capacity: 4, unitId: otherUnitId }], { unitIds: [unitId, otherUnitId] });
    const otherUnit = await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[1].id }).expect(400);
    expect(otherUnit.body).toMatchObject({ code: 'WINDOW_OTHER_UNIT' });
    expect(otherUnit.body.message).toMatch(/单元/);

    // A resident bound to 101 cannot book for 102, and learns nothing about it.
    const foreign = await book(residents[0], flats[1].id, { workPlanId: p.id, windowId: windows[0].id }).expect(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    // Another community's committee does not see the household at all.
    await book(otherCommittee, flats[0].id, { workPlanId: p.id, windowId: windows[0].id }).expect(404);

    const draft = await plan([{ inDays: 5, capacity: 4 }], { status: WorkPlanStatus.Draft });
    const drafted = await book(residents[0], flats[0].id, { workPlanId: draft.plan.id, windowId: draft.windows[0].id }).expect(404);
    expect(drafted.body.message).toBe('施工计划不存在');
    await book(residents[0], flats[0].id, { workPlanId: '00000000-0000-4000-8000-000000000000', windowId: windows[0].id }).expect(404);
    // A window of another plan is not a window of this one.
    const second = await plan([{ inDays: 7, capacity: 4 }]);
    await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: second.windows[0].id }).expect(404);

    await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: 'not-a-uuid' }).expect(400);
    const badPhone = await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[0].id, contactPhone: '12345' }).expect(400);
    expect(badPhone.body.message).toMatch(/联系电话/);
    expect(await t.dataSource.query('SELECT id FROM work_booking')).toEqual([]);
    expect((await windowRow(windows[0].id)).booked).toBe(0);
  });

  it('closes booking, moving and cancelling at the cut-off with 409 BOOKING_CLOSED', async () => {
    // 12 hours away: inside the 24-hour cut-off from the start.
    const { plan: p, windows } = await plan([{ inDays: 0.5, capacity: 4 }, { inDays: 2, capacity: 4 }, { inDays: 4, capacity: 4 }]);
    const late = await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[0].id }).expect(409);
    expect(late.body).toMatchObject({ code: 'BOOKING_CLOSED', message: BOOKING_REFUSAL_TEXT.BOOKING_CLOSED });
    expect((await mine(residents[0])).find((e) => e.workPlanId === p.id)!.windows[0]).toMatchObject({ id: windows[0].id, bookable: false, unavailableReason: BOOKING_REFUSAL_TEXT.BOOKING_CLOSED });

    await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[1].id }).expect(200);
    // A day and a half later the booked window (2 days out) is 12 hours away: it can neither move nor be cancelled.
    t.clock.advance(1.5 * DAY);
    const move = await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[2].id }).expect(409);
    expect(move.body.code).toBe('BOOKING_CLOSED');
    const cancelled = await cancel(residents[0], flats[0].id, p.id).expect(409);
    expect(cancelled.body.code).toBe('BOOKING_CLOSED');
    expect(await bookingsOf(flats[0].id)).toEqual([expect.objectContaining({ windowId: windows[1].id })]);
    expect([(await windowRow(windows[1].id)).booked, (await windowRow(windows[2].id)).booked]).toEqual([1, 0]);
    const listed = (await mine(residents[0])).find((e) => e.workPlanId === p.id)!;
    expect(listed.windows.find((w) => w.id === windows[2].id)).toMatchObject({ bookable: false, unavailableReason: expect.stringMatching(/已过截止时间/) });
  });

  it('cancels a booking and frees its place; cancelling again is 409 NOT_BOOKED; workPlanId is required', async () => {
    const { plan: p, windows } = await plan([{ inDays: 5, capacity: 1 }]);
    await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[0].id }).expect(200);
    await book(residents[1], flats[1].id, { workPlanId: p.id, windowId: windows[0].id }).expect(409);
    expect((await cancel(residents[0], flats[0].id, p.id).expect(200)).body).toEqual({ cancelled: true });
    expect(await bookingsOf(flats[0].id)).toEqual([]);
    expect((await windowRow(windows[0].id)).booked).toBe(0);
    expect((await mine(residents[0])).find((e) => e.workPlanId === p.id)).toMatchObject({ booking: null, windows: [expect.objectContaining({ remaining: 1, bookable: true })] });
    // The freed place is bookable at once by a neighbour.
    await book(residents[1], flats[1].id, { workPlanId: p.id, windowId: windows[0].id }).expect(200);

    expect((await cancel(residents[0], flats[0].id, p.id).expect(409)).body.code).toBe('NOT_BOOKED');
    const missing = await t.http.delete(`/api/households/${flats[0].id}/booking`).set(bearer(residents[0])).expect(400);
    expect(missing.body.message).toMatch(/workPlanId/);
    await cancel(residents[0], flats[1].id, p.id).expect(404);
    expect((await auditOf(flats[0].id, p.id)).map((e) => e.action)).toEqual(['WORK_BOOKED', 'WORK_BOOKING_CANCELLED']);
  });

  it('holds a priority window for households whose care plan asks for one until the hold ends', async () => {
    const { plan: p, windows } = await plan([{ inDays: 5, capacity: 2, priority: true }, { inDays: 4, capacity: 2 }]);
    const held = await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[0].id }).expect(409);
    expect(held.body).toMatchObject({ code: 'PRIORITY_WINDOW_HELD', message: BOOKING_REFUSAL_TEXT.PRIORITY_WINDOW_HELD });
    const offered = (await mine(residents[0])).find((e) => e.workPlanId === p.id)!;
    // Others see it last (by start) and held; the care household sees it first and bookable.
    expect(offered.windows.map((w) => [w.id, w.bookable, w.unavailableReason])).toEqual([
      [windows[1].id, true, null],
      [windows[0].id, false, BOOKING_REFUSAL_TEXT.PRIORITY_WINDOW_HELD],
    ]);
    const careEntry = (await mine(careResident)).find((e) => e.workPlanId === p.id)!;
    expect(careEntry.householdId).toBe(careFlat.id);
    expect(careEntry.windows.map((w) => [w.id, w.bookable])).toEqual([
      [windows[0].id, true],
      [windows[1].id, true],
    ]);
    // Nothing about the care plan itself reaches the resident's list.
    expect(JSON.stringify(careEntry)).not.toMatch(/PRIORITY_WINDOW|measure|透析|送两桶/);
    await book(careResident, careFlat.id, { workPlanId: p.id, windowId: windows[0].id }).expect(200);

    // 48 hours after publishing the hold ends and anyone may take what is left.
    t.clock.advance(48 * HOUR + 60_000);
    await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[0].id }).expect(200);
    expect((await windowRow(windows[0].id)).booked).toBe(2);
  });

  it('lets the committee book on a household’s behalf (bookedBy STAFF) and refuses the contractor with 403', async () => {
    const { plan: p, windows } = await plan([{ inDays: 5, capacity: 4 }]);
    const unbound = flats.find((h) => h.room === '602')!;
    const byStaff = await book(committee, unbound.id, { workPlanId: p.id, windowId: windows[0].id, contactPhone: '010-64001234' }).expect(200);
    expect(byStaff.body).toMatchObject({ householdId: unbound.id, bookedBy: 'STAFF', contactPhone: '010-64001234' });
    const [row] = await bookingsOf(unbound.id);
    expect(row.bookedByStaffId).toBeTruthy();
    expect(row.bookedByResidentId).toBeNull();
    expect(await auditOf(unbound.id, p.id)).toEqual([expect.objectContaining({ action: 'WORK_BOOKED', actor: expect.stringMatching(/^staff:/), payload: expect.objectContaining({ by: 'STAFF' }) })]);

    expect((await book(contractor, flats[0].id, { workPlanId: p.id, windowId: windows[0].id }).expect(403)).body.code).toBe('FORBIDDEN');
    await cancel(contractor, unbound.id, p.id).expect(403);
    expect((await cancel(committee, unbound.id, p.id).expect(200)).body).toEqual({ cancelled: true });
    expect((await windowRow(windows[0].id)).booked).toBe(0);
  });

  it("lists only the resident's own unit's windows of published plans, with its own booking only", async () => {
    const both = await plan(
      [
        { inDays: 5, capacity: 3 },
        { inDays: 5, capacity: 3, unitId: otherUnitId },
        { inDays: 6, capacity: 3, unitId: otherUnitId },
      ],
      { unitIds: [unitId, otherUnitId] },
    );
    await plan([{ inDays: 5, capacity: 3 }], { status: WorkPlanStatus.Draft });
    await book(otherUnitResident, otherFlats[0].id, { workPlanId: both.plan.id, windowId: both.windows[1].id }).expect(200);

    const list = await mine(residents[0]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ householdId: flats[0].id, householdLabel: flats[0].label, workPlanId: both.plan.id, booking: null, contactPhone: '01062345678' });
    expect(list[0].windows.map((w) => w.id)).toEqual([both.windows[0].id]);

    const theirs = await mine(otherUnitResident);
    expect(theirs[0].windows.map((w) => [w.id, w.remaining])).toEqual([
      [both.windows[1].id, 2],
      [both.windows[2].id, 3],
    ]);
    expect(theirs[0].booking).toMatchObject({ householdId: otherFlats[0].id, windowId: both.windows[1].id, unitLabel: '1号楼1单元' });
    // A resident with no binding has nothing; staff do not use this route.
    expect(await mine(await residentToken(t, 'booking-nobody'))).toEqual([]);
    await t.http.get('/api/me/work-windows').set(bearer(committee)).expect(403);
  });

  it('gives the booking as a valid iCalendar file with the window times, and 404 without a booking', async () => {
    const { plan: p, windows } = await plan([{ inDays: 5, capacity: 3 }]);
    await t.http.get(`/api/me/households/${flats[0].id}/booking.ics`).query({ workPlanId: p.id }).set(bearer(residents[0])).expect(404);
    await book(residents[0], flats[0].id, { workPlanId: p.id, windowId: windows[0].id }).expect(200);
    const response = await t.http.get(`/api/me/households/${flats[0].id}/booking.ics`).query({ workPlanId: p.id }).set(bearer(residents[0])).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="booking\.ics"/);
    const text: string = response.text;
    const lines = unfold(text);
    // RFC 5545: CRLF line ends, one calendar with VERSION and PRODID, one event with UID, DTSTAMP, DTSTART, DTEND.
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter(Boolean).at(-1)).toBe('END:VCALENDAR');
    expect(lines).toEqual(expect.arrayContaining(['VERSION:2.0', 'BEGIN:VEVENT', 'END:VEVENT', 'X-WR-TIMEZONE:Asia/Shanghai']));
    expect(balanced(lines)).toBe(true);
    const field = (name: string) => lines.find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`))?.replace(/^[^:]*:/, '');
    expect(field('PRODID')).toBeTruthy();
    expect(field('UID')).toContain('@linyi');
    expect(field('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(field('DTSTART')).toBe(icsUtc(windows[0].startsAt));
    expect(field('DTEND')).toBe(icsUtc(windows[0].endsAt));
    expect(field('SUMMARY')).toBe(p.title);
    expect(field('DESCRIPTION')).toContain('北京时间');
    expect(field('DESCRIPTION')).toContain('断水');

    // Only the bound resident: a neighbour gets 404, staff 403, a missing plan id 400.
    await t.http.get(`/api/me/households/${flats[0].id}/booking.ics`).query({ workPlanId: p.id }).set(bearer(residents[1])).expect(404);
    await t.http.get(`/api/me/households/${flats[0].id}/booking.ics`).query({ workPlanId: p.id }).set(bearer(committee)).expect(403);
    await t.http.get(`/api/me/households/${flats[0].id}/booking.ics`).set(bearer(residents[0])).expect(400);
  });
});

/** iCalendar content lines with folded continuations joined back. */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

function balanced(lines: string[]): boolean {
  const open: string[] = [];
  for (const line of lines) {
    if (line.startsWith('BEGIN:')) open.push(line.slice(6));
    else if (line.startsWith('END:') && open.pop() !== line.slice(4)) return false;
  }
  return open.length === 0;
}

const icsUtc = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
