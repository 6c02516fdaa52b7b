import { DEFAULT_WORK_STEPS, MEASURE_LABELS, NEED_LABELS, NeedCode, ScopeType, SensitiveAccessAction, StaffRole, WorkPlanStatus, windowSpanText, type CrewList } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { DEMO_SCREENING_SECRETS } from '../src/demo/demo-screenings.js';
import type { Household } from '../src/places/household.entity.js';
import { StaffAccount } from '../src/staff/staff-account.entity.js';
import { WorkBooking } from '../src/works/work-booking.entity.js';
import { WorkPlan } from '../src/works/work-plan.entity.js';
import { WorkWindow } from '../src/works/work-window.entity.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { bearer, bootTestApp, residentToken, staffToken, type TestApp } from './support/test-app.js';
import { clearWorks, demoUnit, insertPlan } from './support/works-fixtures.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Extraction may break lines or put spaces between runs; the words are what count. */
const squeezed = (text: string) => text.replace(/\s+/g, '');
const binary: Parameters<Test['parse']>[0] = (res, callback) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/**
 * The crew's list and the stairwell notice (API.md "In-home works and booking"): the crew gets the
 * label, the number to ring and the care plan's one line, never a need code, a note, a measure or a
 * care contact; every shown line is a logged read; the XLSX has the same rows; the notice is a PDF
 * whose text says where, when, the water cut, the steps and whom to ring.
 */
describe('the crew list and the notice (MariaDB)', () => {
  let t: TestApp;
  let contractor: string;
  let committee: string;
  let committee2: string;
  let street: string;
  let admin: string;
  let xingfuContractor: string;
  let contractorId: string;
  let compoundId: string;
  let unit2: { id: string; households: Household[] };
  let unit1: { id: string; households: Household[] };
  let xingfuUnitId: string;
  let measureTexts: string[];
  let careContacts: string[];

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    [contractor, committee, committee2, street] = await Promise.all(['contractor-demo', 'committee-demo', 'committee2-demo', 'street-demo'].map((u) => staffToken(t, u)));
    const xingfu = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    xingfuUnitId = (await structureOf(t, committee, xingfu)).buildings[0].units[0].id;
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 4);
    await t.dataSource.getRepository(StaffAccount).save([
      { id: randomUUID(), username: 'admin-works', displayName: '区住建委 管理员', role: StaffRole.Admin, scopeType: ScopeType.All, scopeId: null, passwordHash },
      { id: randomUUID(), username: 'contractor-xingfu-works', displayName: '幸福苑施工队 孙经理', role: StaffRole.Contractor, scopeType: ScopeType.Compound, scopeId: xingfu, passwordHash },
    ]);
    [admin, xingfuContractor] = await Promise.all(['admin-works', 'contractor-xingfu-works'].map((u) => staffToken(t, u)));
    contractorId = (await t.dataSource.getRepository(StaffAccount).findOneByOrFail({ username: 'contractor-demo' })).id;
    const two = await demoUnit(t.dataSource, '1号楼2单元');
    const one = await demoUnit(t.dataSource, '1号楼1单元');
    compoundId = two.compound.id;
    unit2 = { id: two.unit.id, households: two.households };
    unit1 = { id: one.unit.id, households: one.households };
    const plans: Array<{ measures: string; contactName: string | null; contactPhone: string | null }> = await t.dataSource.query('SELECT measures, contactName, contactPhone FROM care_plan');
    measureTexts = plans.flatMap((p) => (JSON.parse(p.measures) as Array<{ description: string }>).map((m) => m.description)).filter(Boolean);
    careContacts = plans.flatMap((p) => [p.contactName, p.contactPhone]).filter((v): v is string => !!v);
  }, 60_000);

  afterAll(() => t.close());

  const room = (households: Household[], r: string) => households.find((h) => h.room === r)!;

  /** A booking written straight to the table, the window's counter raised as the booking route does. */
  async function book(window: WorkWindow, household: Household, contactPhone: string | null = null) {
    const now = t.clock.stamp();
    await t.dataSource.getRepository(WorkBooking).insert({ id: randomUUID(), workPlanId: window.workPlanId, householdId: household.id, unitId: household.unitId, windowId: window.id, contactPhone, bookedByResidentId: null, bookedByStaffId: null, bookedAt: now, updatedAt: now });
    await t.dataSource.getRepository(WorkWindow).increment({ id: window.id }, 'booked', 1);
  }

  /**
   * 1号楼2单元: 101 (no phone given: the roster's) and 301 (water care plan, own phone) in the first
   * window, 502 (elderly care plan) in the second, the third empty; 1号楼1单元: 202 (infant care plan)
   * and 401 (needs care, no plan yet) in its window.
   */
  async function bookedPlan(status = WorkPlanStatus.Published) {
    await clearWorks(t.dataSource);
    const { plan, windows } = await insertPlan(t.dataSource, {
      compoundId,
      unitIds: [unit2.id, unit1.id],
      // Whole seconds, as the datetime columns keep them.
      now: t.clock.stamp(),
      status,
      windows: [
        { unitId: unit2.id, inDays: 4, capacity: 4, priority: true },
        { unitId: unit2.id, inDays: 5, capacity: 4 },
        { unitId: unit2.id, inDays: 6, capacity: 4 },
        { unitId: unit1.id, inDays: 7.2, capacity: 3 },
      ],
    });
    const [first, second, , other] = windows;
    await book(first, room(unit2.households, '301'), '13900001111');
    await book(first, room(unit2.households, '101'));
    await book(second, room(unit2.households, '502'));
    await book(other, room(unit1.households, '202'));
    await book(other, room(unit1.households, '401'), '13900002222');
    return { plan, windows };
  }

  const crew = (planId: string, token = contractor) => t.http.get(`/api/work-plans/${planId}/bookings`).set(bearer(token));
  type LogRow = { id: string; staffId: string; compoundId: string; unitId: string; householdId: string };
  const crewLog = async () => (await t.dataSource.query('SELECT id, staffId, compoundId, unitId, householdId FROM sensitive_access_log WHERE action = ?', [SensitiveAccessAction.CrewList])) as LogRow[];
  /** Entries written since `before` (a list of earlier entries). */
  const newEntries = async (before: LogRow[]) => {
    const seen = new Set(before.map((row) => row.id));
    return (await crewLog()).filter((row) => !seen.has(row.id)).map(({ id: _id, ...row }) => row);
  };

  describe('GET /api/work-plans/{id}/bookings', () => {
    it('lists each window’s households with label, phone and care line, and the unbooked, in roster order', async () => {
      const { plan, windows } = await bookedPlan();
      const response = await crew(plan.id).expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const list: CrewList = response.body;
      const [first, second, third, other] = windows;
      const phoneOf = (h: Household) => h.phone;
      // 1号楼1单元 comes before 1号楼2单元, then by start.
      expect(list.windows.map((w) => [w.windowId, w.unitLabel, w.capacity, w.priority])).toEqual([
        [other.id, '1号楼1单元', 3, false],
        [first.id, '1号楼2单元', 4, true],
        [second.id, '1号楼2单元', 4, false],
        [third.id, '1号楼2单元', 4, false],
      ]);
      expect(list.windows[1]).toMatchObject({ unitId: unit2.id, startsAt: first.startsAt.toISOString(), endsAt: first.endsAt.toISOString() });
      const [h101, h301, h502] = ['101', '301', '502'].map((r) => room(unit2.households, r));
      const [h202, h401] = ['202', '401'].map((r) => room(unit1.households, r));
      expect(list.windows.map((w) => w.households)).toEqual([
        [
          { householdId: h202.id, label: h202.label, contactPhone: phoneOf(h202), assistanceNote: DEMO_SCREENING_SECRETS.infantAssistance },
          // Needs care but has no plan yet: nothing to tell the crew.
          { householdId: h401.id, label: h401.label, contactPhone: '13900002222', assistanceNote: null },
        ],
        [
          { householdId: h101.id, label: h101.label, contactPhone: phoneOf(h101), assistanceNote: null },
          { householdId: h301.id, label: h301.label, contactPhone: '13900001111', assistanceNote: DEMO_SCREENING_SECRETS.waterAssistance },
        ],
        [{ householdId: h502.id, label: h502.label, contactPhone: phoneOf(h502), assistanceNote: DEMO_SCREENING_SECRETS.elderlyAssistance }],
        [],
      ]);
      const booked = new Set([h101, h301, h502, h202, h401].map((h) => h.id));
      expect(list.unbooked).toEqual([...unit1.households, ...unit2.households].filter((h) => !booked.has(h.id)).map((h) => ({ householdId: h.id, label: h.label, unitId: h.unitId })));
    });

    it('carries no need code, note, measure, care contact or owner name', async () => {
      const { plan } = await bookedPlan();
      const response = await crew(plan.id).expect(200);
      const { elderlyNote, waterNote, infantNote, hearingNote, elderlyContactPhone, waterContactPhone } = DEMO_SCREENING_SECRETS;
      const owners = [...unit1.households, ...unit2.households].map((h) => h.ownerName);
      const secrets = [elderlyNote, waterNote, infantNote, hearingNote, elderlyContactPhone, waterContactPhone, ...measureTexts, ...careContacts, ...Object.values(NeedCode), ...Object.values(NEED_LABELS), ...Object.values(MEASURE_LABELS), ...owners];
      expect(measureTexts.length).toBeGreaterThan(3);
      for (const secret of secrets) expect(response.text).not.toContain(secret);
      const households = (response.body as CrewList).windows.flatMap((w) => w.households);
      for (const household of households) expect(Object.keys(household).sort()).toEqual(['assistanceNote', 'contactPhone', 'householdId', 'label']);
      for (const item of (response.body as CrewList).unbooked) expect(Object.keys(item).sort()).toEqual(['householdId', 'label', 'unitId']);
      const xlsx = await crew(plan.id).query({ format: 'xlsx' }).buffer(true).parse(binary).expect(200);
      const cells = await workbookCells(xlsx.body as Buffer);
      for (const secret of secrets) expect(cells.flat(2).join('\n')).not.toContain(secret);
    });

    it('logs each read: one CREW_LIST entry per household whose care line was shown, naming the reader', async () => {
      const { plan } = await bookedPlan();
      const before = await crewLog();
      await crew(plan.id).expect(200);
      const shown = ['301', '502'].map((r) => room(unit2.households, r)).concat(room(unit1.households, '202'));
      const expected = shown.map((h) => ({ staffId: contractorId, compoundId, unitId: h.unitId, householdId: h.id }));
      expect(sortById(await newEntries(before))).toEqual(sortById(expected));
      await crew(plan.id, committee).expect(200);
      await crew(plan.id).query({ format: 'xlsx' }).buffer(true).parse(binary).expect(200);
      expect(await newEntries(before)).toHaveLength(9);
    });

    it('gives the XLSX the same rows as the list', async () => {
      const { plan } = await bookedPlan();
      const list: CrewList = (await crew(plan.id).expect(200)).body;
      const response = await crew(plan.id).query({ format: 'xlsx' }).buffer(true).parse(binary).expect(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="crew-list.xlsx"; filename\*=UTF-8''/);
      expect(decodeURIComponent(response.headers['content-disposition'].split("''")[1])).toContain(plan.title);
      const [booked, unbooked] = await workbookCells(response.body as Buffer);
      const rows = booked.slice(2).filter((row) => row[2] !== '（暂无预约）');
      expect(rows.map((row) => row.slice(2))).toEqual(list.windows.flatMap((w) => w.households.map((h) => [h.label, h.contactPhone ?? '', h.assistanceNote ?? ''])));
      const spans = list.windows.flatMap((w) => w.households.map(() => [w.unitLabel, windowSpanText(w.startsAt, w.endsAt)]));
      rows.forEach((row, i) => {
        expect(row[0]).toBe(spans[i][0]);
        expect(row[1]).toContain(spans[i][1]);
      });
      // The window nobody booked still shows, so the crew sees the free day.
      expect(booked.slice(2).filter((row) => row[2] === '（暂无预约）')).toHaveLength(1);
      expect(unbooked.slice(1).map((row) => row[0])).toEqual(list.unbooked.map((h) => h.label));
    });

    it('answers 404 outside the caller’s scope, 403 to admin, street staff and residents, 400 to a bad format', async () => {
      const { plan } = await bookedPlan();
      const before = (await crewLog()).length;
      await crew(plan.id, xingfuContractor).expect(404);
      await crew(plan.id, committee2).expect(404);
      await crew(randomUUID()).expect(404);
      await crew('not-a-plan').expect(404);
      await crew(plan.id, admin).expect(403);
      await crew(plan.id, street).expect(403);
      await crew(plan.id, await residentToken(t, 'works-crew-resident')).expect(403);
      await t.http.get(`/api/work-plans/${plan.id}/bookings`).expect(401);
      const bad = await crew(plan.id).query({ format: 'csv' }).expect(400);
      expect(bad.body.message).toContain('xlsx');
      // Nothing shown, nothing logged.
      expect((await crewLog()).length).toBe(before);
    });
  });

  describe('GET /api/work-plans/{id}/notice.pdf', () => {
    const notice = (planId: string, unitId: string | undefined, token = contractor) => {
      const call = t.http.get(`/api/work-plans/${planId}/notice.pdf`).set(bearer(token));
      return (unitId === undefined ? call : call.query({ unitId })).buffer(true).parse(binary);
    };
    const noticeText = async (bytes: Buffer) => squeezed((await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text as string);

    it('is a PDF whose text names the unit, its windows in Beijing time, the water cut, the steps and the phone', async () => {
      const { plan, windows } = await bookedPlan();
      const response = await notice(plan.id, unit2.id).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(/^inline; filename="notice.pdf"; filename\*=UTF-8''/);
      const bytes = response.body as Buffer;
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = await noticeText(bytes);
      for (const words of ['入户施工及停水通知', '光明里小区1号楼2单元', plan.title, plan.waterCut!, plan.temporaryWater!, plan.temporarySewage!, plan.contactPhone!, '北京时间', '电子签名法', '储水', '钥匙', '邻议']) {
        expect(text).toContain(squeezed(words));
      }
      for (const w of windows.slice(0, 3)) expect(text).toContain(squeezed(windowSpanText(w.startsAt, w.endsAt)));
      // Another unit's window is not on this stairwell's notice.
      expect(text).not.toContain(squeezed(windowSpanText(windows[3].startsAt, windows[3].endsAt)));
      DEFAULT_WORK_STEPS.forEach((step, i) => expect(text).toContain(squeezed(`${i + 1}.${step.title}：${step.description}`)));
      expect(text).not.toContain('草稿');
      // Nothing personal on a notice posted in the stairwell.
      for (const h of unit2.households) expect(text).not.toContain(h.ownerName);
    });

    it('marks a draft, and prints the compound’s emergency phone when the plan gives none', async () => {
      const { plan } = await bookedPlan(WorkPlanStatus.Draft);
      await t.dataSource.getRepository(WorkPlan).update({ id: plan.id }, { contactPhone: null });
      const [{ emergencyPhone }] = await t.dataSource.query('SELECT emergencyPhone FROM compound WHERE id = ?', [compoundId]);
      expect(emergencyPhone).toBeTruthy();
      const text = await noticeText((await notice(plan.id, unit1.id, committee).expect(200)).body as Buffer);
      expect(text).toContain('草稿，未发布');
      expect(text).toContain('光明里小区1号楼1单元');
      expect(text).toContain(emergencyPhone);
    });

    it('is printable by every staff role of the place; 400 for a unit not in the plan or none, 404 outside the scope', async () => {
      const { plan } = await bookedPlan();
      for (const token of [committee, street, admin]) await notice(plan.id, unit2.id, token).expect(200);
      for (const unitId of [xingfuUnitId, randomUUID(), 'abc', undefined]) {
        const refused = await notice(plan.id, unitId).expect(400);
        expect(JSON.parse((refused.body as Buffer).toString('utf8'))).toMatchObject({ code: 'WORK_PLAN_INVALID', message: expect.stringMatching(/单元/) });
      }
      await notice(plan.id, unit2.id, xingfuContractor).expect(404);
      await notice(plan.id, unit2.id, committee2).expect(404);
      await notice(randomUUID(), unit2.id).expect(404);
      await notice(plan.id, unit2.id, await residentToken(t, 'works-notice-resident')).expect(403);
    });
  });
});

const sortById = <T extends { householdId: string }>(rows: T[]) => [...rows].sort((a, b) => a.householdId.localeCompare(b.householdId));

/** Every sheet's cells (five columns) as text, row by row. */
async function workbookCells(bytes: Buffer): Promise<string[][][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => Array.from({ length: sheet.rowCount }, (_, r) => Array.from({ length: 5 }, (_, c) => sheet.getRow(r + 1).getCell(c + 1).text)));
}
