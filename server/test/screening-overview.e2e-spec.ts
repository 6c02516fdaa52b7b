import { LegalBasis, MeasureKind, NeedCode, ScreeningStatus, SensitiveAccessAction, type CompoundStructure, type UnitScreeningList, type UnitScreeningSummary } from '@linyi/shared';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { Household } from '../src/places/household.entity.js';
import { Unit } from '../src/places/unit.entity.js';
import { CarePlan } from '../src/special-needs/care-plan.entity.js';
import { HouseholdScreening } from '../src/special-needs/household-screening.entity.js';
import { ScreeningOverviewService } from '../src/special-needs/screening-overview.service.js';
import { ScreeningScanChunk } from '../src/special-needs/screening-scan-chunk.entity.js';
import { SensitiveAccessLog } from '../src/special-needs/sensitive-access-log.entity.js';
import { SensitiveAccessLogService } from '../src/special-needs/sensitive-access-log.service.js';
import { StaffAccount } from '../src/staff/staff-account.entity.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { withSqliteDemo } from './support/sqlite-demo.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

const SUMMARY_KEYS = ['households', 'label', 'needsCare', 'screened', 'unitId', 'withCarePlan'];
const ITEM_KEYS = ['floor', 'householdId', 'label', 'readiness', 'room', 'screenedAt', 'status', 'withCarePlan'];
const NOTE = '测试说明：独居，每日上午需持续用水';
const PLAN_NOTE = '测试提示：施工前一天先给女儿打电话';
const CONTACT_PHONE = '13912345678';
// 2026-12-01 23:30 UTC is 07:30 on 2 December in Beijing: the export must show the Beijing day and time.
const SCREENED_AT = new Date('2026-12-01T23:30:00Z');

describe('screening overview: counts, unit lists and the export', () => {
  let t: TestApp;
  let committee: string;
  let committee2: string;
  let street: string;
  let contractor: string;
  let guangming: CompoundStructure;
  let xingfuId: string;
  /** The unit the fixture screens, its households (floor, room order) and a second unit left unscreened. */
  let unitId: string;
  let unitHouseholds: Array<{ id: string; room: string; floor: number }>;
  let otherUnitId: string;
  let emptyUnitId: string;
  let countsBefore: UnitScreeningSummary[];

  const get = (token: string, path: string) => t.http.get(path).set(bearer(token));
  const staffId = async (username: string) => (await t.dataSource.getRepository(StaffAccount).findOneByOrFail({ username })).id;
  const logRows = () => t.dataSource.getRepository(SensitiveAccessLog).find({ order: { at: 'ASC' } });
  const newLogRows = async (before: SensitiveAccessLog[]) => {
    const seen = new Set(before.map((row) => row.id));
    return (await logRows()).filter((row) => !seen.has(row.id));
  };
  const countsOf = async (token: string, compoundId = guangming.id): Promise<UnitScreeningSummary[]> => (await get(token, `/api/compounds/${compoundId}/screening`).expect(200)).body;

  async function screen(householdId: string, status: ScreeningStatus, details: Partial<HouseholdScreening> = {}) {
    const household = await t.dataSource.getRepository(Household).findOneByOrFail({ id: householdId });
    await t.dataSource.getRepository(HouseholdScreening).save({
      id: randomUUID(),
      householdId,
      compoundId: household.compoundId,
      unitId: household.unitId,
      status,
      screenedAt: SCREENED_AT,
      screenedBy: await staffId('committee-demo'),
      ...details,
    });
  }

  async function plan(householdId: string) {
    await t.dataSource.getRepository(CarePlan).save({
      id: randomUUID(),
      householdId,
      measures: [{ kind: MeasureKind.WaterDelivery, description: '停水前送两桶水' }],
      contactName: '王女士',
      contactPhone: CONTACT_PHONE,
      assistanceNote: PLAN_NOTE,
      updatedAt: SCREENED_AT,
      updatedBy: await staffId('committee-demo'),
    });
  }

  beforeAll(async () => {
    t = await bootTestApp();
    [committee, committee2, street, contractor] = await Promise.all(['committee-demo', 'committee2-demo', 'street-demo', 'contractor-demo'].map((u) => staffToken(t, u)));
    const compounds = await compoundsAs(t, committee);
    guangming = await structureOf(t, committee, compounds.find((c) => c.name === '光明里小区')!.id);
    xingfuId = compounds.find((c) => c.name === '幸福苑小区')!.id;

    // The demo seeds screenings for a few units: start 光明里小区 from none, so every count here is this test's own.
    const ids = (await t.dataSource.getRepository(Household).findBy({ compoundId: guangming.id })).map((h) => h.id);
    await t.dataSource.getRepository(CarePlan).delete({ householdId: In(ids) });
    await t.dataSource.getRepository(ScreeningScanChunk).delete({ householdId: In(ids) });
    await t.dataSource.getRepository(HouseholdScreening).delete({ compoundId: guangming.id });

    const firstBuilding = guangming.buildings[0];
    const unit = firstBuilding.units[0];
    unitId = unit.id;
    unitHouseholds = unit.households;
    otherUnitId = firstBuilding.units[1].id;
    const empty = await t.dataSource.getRepository(Unit).save({ id: randomUUID(), compoundId: guangming.id, buildingId: firstBuilding.id, name: '9单元（空）' });
    emptyUnitId = empty.id;

    countsBefore = await countsOf(committee);

    // Screened in the order of the rooms: nothing needed, needs care without a plan, with a plan, withdrawn, erased.
    const [nothing, noPlan, withPlan, withdrawn, erased] = unitHouseholds.map((h) => h.id);
    await screen(nothing, ScreeningStatus.NothingNeeded);
    await screen(noPlan, ScreeningStatus.NeedsCare, { needs: NeedCode.Mobility, note: NOTE, legalBasis: LegalBasis.StatutoryDuty });
    await screen(withPlan, ScreeningStatus.NeedsCare, { needs: `${NeedCode.ElderlyAlone},${NeedCode.MedicalWater}`, note: NOTE, legalBasis: LegalBasis.SeparateConsent, consentKind: 'SCAN' });
    await plan(withPlan);
    await screen(withdrawn, ScreeningStatus.Withdrawn, { legalBasis: LegalBasis.SeparateConsent, consentKind: 'ONLINE', withdrawnAt: SCREENED_AT, erasedAt: SCREENED_AT, erasedReason: 'WITHDRAWN' });
    await screen(erased, ScreeningStatus.Erased, { legalBasis: LegalBasis.StatutoryDuty, erasedAt: SCREENED_AT, erasedReason: 'RETENTION_NO_WORKS' });
  });

  afterAll(() => t.close());

  describe('GET /api/compounds/{compoundId}/screening', () => {
    it('lists every unit with households in building-then-unit order, with exactly the count fields', () => {
      const units = guangming.buildings.flatMap((b) => b.units.map((u) => ({ unitId: u.id, label: `${b.name}${u.name}`, households: u.households.length })));
      expect(countsBefore).toEqual(units.map((u) => ({ ...u, screened: 0, needsCare: 0, withCarePlan: 0 })));
      for (const summary of countsBefore) expect(Object.keys(summary).sort()).toEqual(SUMMARY_KEYS);
      expect(countsBefore.map((u) => u.unitId)).not.toContain(emptyUnitId);
    });

    it('counts households as they are screened, and no household id, need code or note reaches the caller', async () => {
      const response = await get(committee, `/api/compounds/${guangming.id}/screening`).expect(200);
      const after: UnitScreeningSummary[] = response.body;
      expect(after.find((u) => u.unitId === unitId)).toEqual({ ...countsBefore.find((u) => u.unitId === unitId), screened: 4, needsCare: 2, withCarePlan: 1 });
      expect(after.filter((u) => u.unitId !== unitId)).toEqual(countsBefore.filter((u) => u.unitId !== unitId));
      for (const summary of after) expect(Object.keys(summary).sort()).toEqual(SUMMARY_KEYS);
      for (const secret of [...unitHouseholds.map((h) => h.id), NOTE, PLAN_NOTE, CONTACT_PHONE, ...Object.values(NeedCode)]) expect(response.text).not.toContain(secret);
    });

    it('is not logged: counts carry no personal details', async () => {
      const before = await logRows();
      await countsOf(committee);
      await countsOf(contractor);
      expect(await newLogRows(before)).toEqual([]);
    });

    it('gives the counts to the contractor of the compound, and to street staff; other scopes get 404', async () => {
      const forCommittee = await countsOf(committee);
      expect(await countsOf(contractor)).toEqual(forCommittee);
      expect(await countsOf(street)).toEqual(forCommittee);
      await get(contractor, `/api/compounds/${xingfuId}/screening`).expect(404);
      await get(committee2, `/api/compounds/${guangming.id}/screening`).expect(404);
    });
  });

  describe('GET /api/units/{unitId}/screening', () => {
    it('lists the households from the lowest floor with status and readiness, logged once as LIST_UNIT naming the staff member', async () => {
      const before = await logRows();
      const response = await get(committee, `/api/units/${unitId}/screening`).expect(200);
      const list: UnitScreeningList = response.body;
      expect(response.headers['cache-control']).toBe('no-store');
      expect(list).toMatchObject({ unitId, compoundId: guangming.id, label: `${guangming.buildings[0].name}${guangming.buildings[0].units[0].name}`, households: unitHouseholds.length, screened: 4, needsCare: 2, withCarePlan: 1 });
      expect(list.items.map((i) => i.householdId)).toEqual(unitHouseholds.map((h) => h.id));
      expect(list.items.map((i) => [i.status, i.readiness, i.withCarePlan])).toEqual([
        [ScreeningStatus.NothingNeeded, 'READY', false],
        [ScreeningStatus.NeedsCare, 'NEEDS_PLAN', false],
        [ScreeningStatus.NeedsCare, 'READY', true],
        [ScreeningStatus.Withdrawn, 'READY', false],
        [ScreeningStatus.Erased, 'NOT_SCREENED', false],
        ...unitHouseholds.slice(5).map(() => [null, 'NOT_SCREENED', false]),
      ]);
      expect(list.items[0].screenedAt).toBe(SCREENED_AT.toISOString());
      expect(list.items[5].screenedAt).toBeNull();
      for (const item of list.items) expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
      for (const secret of [NOTE, PLAN_NOTE, CONTACT_PHONE, '王女士', ...Object.values(NeedCode)]) expect(response.text).not.toContain(secret);

      const added = await newLogRows(before);
      expect(added).toEqual([expect.objectContaining({ staffId: await staffId('committee-demo'), action: SensitiveAccessAction.ListUnit, compoundId: guangming.id, unitId, householdId: null })]);
      const entries = await t.app.get(SensitiveAccessLogService).list(added[0].streetOfficeId, null);
      expect(entries.find((entry) => entry.id === added[0].id)).toMatchObject({ staffName: '光明社区 李主任', subject: `光明里小区 ${list.label}`, action: SensitiveAccessAction.ListUnit });
    });

    it('logs every call: two lists, two entries', async () => {
      const before = await logRows();
      await get(committee, `/api/units/${unitId}/screening`).expect(200);
      await get(committee, `/api/units/${otherUnitId}/screening`).expect(200);
      expect((await newLogRows(before)).map((row) => row.unitId).sort()).toEqual([unitId, otherUnitId].sort());
    });

    it('lets street staff list (logged under their name), refuses the contractor 403 and committee2 404, with no entry', async () => {
      let before = await logRows();
      await get(street, `/api/units/${unitId}/screening`).expect(200);
      expect(await newLogRows(before)).toEqual([expect.objectContaining({ staffId: await staffId('street-demo'), action: SensitiveAccessAction.ListUnit })]);
      before = await logRows();
      await get(contractor, `/api/units/${unitId}/screening`).expect(403);
      const foreign = await get(committee2, `/api/units/${unitId}/screening`).expect(404);
      expect(foreign.body.message).toBe('单元不存在或无权查看');
      expect(await newLogRows(before)).toEqual([]);
    });

    it('answers 404 for an id that is not a unit, and an empty list for a unit without households', async () => {
      await get(committee, `/api/units/${randomUUID()}/screening`).expect(404);
      await get(committee, '/api/units/not-a-uuid/screening').expect(404);
      const empty = (await get(committee, `/api/units/${emptyUnitId}/screening`).expect(200)).body;
      expect(empty).toMatchObject({ households: 0, screened: 0, items: [] });
    });
  });

  describe('GET /api/compounds/{compoundId}/screening/export', () => {
    // Received as a Buffer: supertest parses only text types by default.
    const exportAs = (token: string, compoundId = guangming.id) =>
      get(token, `/api/compounds/${compoundId}/screening/export`)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        });

    it('gives the committee an XLSX with a row per household and Beijing times, named by the Beijing day, logged once as EXPORT', async () => {
      const before = await logRows();
      // 23:30 UTC on 1 December is already 2 December in Beijing.
      t.clock.set(new Date('2026-12-01T23:30:00Z'));
      const response = await exportAs(committee).expect(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="screening.xlsx"; filename*=UTF-8''${encodeURIComponent('摸排表-光明里小区-2026-12-02.xlsx')}`);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(await newLogRows(before)).toEqual([expect.objectContaining({ staffId: await staffId('committee-demo'), action: SensitiveAccessAction.Export, compoundId: guangming.id, unitId: null, householdId: null })]);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body);
      const sheet = workbook.worksheets[0];
      const rows = sheet.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1).map((v) => v ?? ''));
      expect(rows[0][0]).toBe('光明里小区 特殊困难户摸排表（仅供居委会内部使用，含敏感个人信息，请妥善保管）');
      expect(rows[1]).toEqual(['楼栋', '单元', '房号', '摸排状态', '需要照顾的情况', '说明', '登记依据', '同意方式', '照顾措施', '联系人', '联系电话', '给施工队的提示', '摸排时间（北京时间）']);
      const total = guangming.buildings.flatMap((b) => b.units.flatMap((u) => u.households)).length;
      expect(rows).toHaveLength(2 + total);
      const [building, unit] = [guangming.buildings[0].name, guangming.buildings[0].units[0].name];
      const withPlan = rows.find((row) => row[0] === building && row[1] === unit && row[2] === unitHouseholds[2].room)!;
      expect(withPlan).toEqual([building, unit, unitHouseholds[2].room, '需要照顾', '独居老人、因治疗需要持续用水', NOTE, '居民单独同意', '书面同意书扫描件', '停水期间送水上门：停水前送两桶水', '王女士', CONTACT_PHONE, PLAN_NOTE, '2026-12-02 07:30']);
      expect(rows[2].slice(0, 4)).toEqual([building, unit, unitHouseholds[0].room, '已摸排，无特殊需要']);
      expect(rows.filter((row) => row[3] === '未摸排')).toHaveLength(total - 5);
    });

    it('refuses street staff and the contractor (403) and committee2 (404), with no entry', async () => {
      const before = await logRows();
      await exportAs(street).expect(403);
      await exportAs(contractor).expect(403);
      await exportAs(committee2).expect(404);
      expect(await newLogRows(before)).toEqual([]);
    });
  });

  describe('ScreeningOverviewService.unitReadiness (the works issue)', () => {
    it('counts per unit who is not screened (erased included) and who needs care without a plan (withdrawn is ready)', async () => {
      const service = t.app.get(ScreeningOverviewService);
      const other = guangming.buildings[0].units[1];
      const readiness = await service.unitReadiness(t.dataSource.manager, [otherUnitId, unitId, emptyUnitId, unitId]);
      expect(readiness).toEqual([
        { unitId, label: `${guangming.buildings[0].name}${guangming.buildings[0].units[0].name}`, households: unitHouseholds.length, notScreened: unitHouseholds.length - 4, needsPlan: 1 },
        { unitId: otherUnitId, label: `${guangming.buildings[0].name}${other.name}`, households: other.households.length, notScreened: other.households.length, needsPlan: 0 },
        { unitId: emptyUnitId, label: `${guangming.buildings[0].name}9单元（空）`, households: 0, notScreened: 0, needsPlan: 0 },
      ]);
      expect(await service.unitReadiness(t.dataSource.manager, [])).toEqual([]);
    });

    it('writes no access-log entry', async () => {
      const before = await logRows();
      await t.app.get(ScreeningOverviewService).unitReadiness(t.dataSource.manager, [unitId]);
      expect(await newLogRows(before)).toEqual([]);
    });
  });
});

/** The bare demo runs on embedded SQLite (sql.js): the same queries must read it (raw dates arrive as text there). */
describe('screening overview on embedded SQLite', () => {
  it('serves the counts, a unit list and the export of the demo', async () => {
    await withSqliteDemo(async ({ http, auth, guangmingId }) => {
      const counts: UnitScreeningSummary[] = (await http.get(`/api/compounds/${guangmingId}/screening`).set(auth).expect(200)).body;
      expect(counts).toHaveLength(15);
      expect(counts[0]).toMatchObject({ label: '1号楼1单元', households: 12 });
      const screenedUnit = counts.find((u) => u.screened > 0) ?? counts[0];
      const list: UnitScreeningList = (await http.get(`/api/units/${screenedUnit.unitId}/screening`).set(auth).expect(200)).body;
      expect(list).toMatchObject({ unitId: screenedUnit.unitId, households: screenedUnit.households, screened: screenedUnit.screened });
      for (const item of list.items) expect(item.screenedAt === null || !Number.isNaN(Date.parse(item.screenedAt))).toBe(true);
      const exported = await http.get(`/api/compounds/${guangmingId}/screening/export`).set(auth).expect(200);
      expect(exported.headers['content-type']).toContain('spreadsheetml');
    });
  });
});
