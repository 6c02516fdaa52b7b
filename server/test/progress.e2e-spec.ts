import { Answer, AnswerChannel, ConsultationKind, DecisionRule, GroupBy, GroupState, ScopeType, StaffRole, fromShanghai, shanghaiDate, type CompoundHouseholds, type ConsultationHouseholds, type ConsultationTrend, type ConsultationView, type GroupView } from '@linyi/shared';
import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { Building } from '../src/places/building.entity.js';
import { Community } from '../src/places/community.entity.js';
import { Compound } from '../src/places/compound.entity.js';
import { Household } from '../src/places/household.entity.js';
import { StreetOffice } from '../src/places/street-office.entity.js';
import { Unit } from '../src/places/unit.entity.js';
import { StaffAccount } from '../src/staff/staff-account.entity.js';
import { ALL_DISCLOSURES, apply, bindResident, groupsOf, openConsultation, SIGNATURE } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

describe('console progress views', () => {
  let t: TestApp;
  let committee: string;
  let street: string;
  let contractor: string;
  let guangmingId: string;
  let xingfuId: string;
  let plumbing: ConsultationView;
  let vote: ConsultationView;

  const get = (token: string, path: string) => t.http.get(path).set(bearer(token));
  const consultationsOf = async (compoundId: string): Promise<ConsultationView[]> => (await get(committee, `/api/consultations?compoundId=${compoundId}`).expect(200)).body;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    [committee, street, contractor] = await Promise.all(['committee-demo', 'street-demo', 'contractor-demo'].map((u) => staffToken(t, u)));
    const compounds = await compoundsAs(t, committee);
    guangmingId = compounds.find((c) => c.name === '光明里小区')!.id;
    xingfuId = compounds.find((c) => c.name === '幸福苑小区')!.id;
    plumbing = (await consultationsOf(guangmingId)).find((c) => c.kind === ConsultationKind.PlumbingApplication)!;
    vote = (await consultationsOf(xingfuId)).find((c) => c.rule === DecisionRule.Plurality)!;
  });

  afterAll(() => t.close());

  describe('GET /api/street-offices', () => {
    it('gives street staff their own office and admin every office', async () => {
      const other = await t.dataSource.getRepository(StreetOffice).save({ id: randomUUID(), name: '东风街道办事处（测试）' });
      await t.dataSource.getRepository(StaffAccount).save({
        id: randomUUID(),
        username: 'admin-progress',
        displayName: '系统管理员',
        role: StaffRole.Admin,
        scopeType: ScopeType.All,
        scopeId: null,
        passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4),
      });
      const own = (await get(street, '/api/street-offices').expect(200)).body;
      expect(own).toEqual([{ id: expect.any(String), name: '和平里街道办事处' }]);
      const admin = await staffToken(t, 'admin-progress');
      const all = (await get(admin, '/api/street-offices').expect(200)).body;
      expect(all).toEqual(expect.arrayContaining([own[0], { id: other.id, name: other.name }]));
      expect(all).toHaveLength(2);
      // The id opens the office's status page.
      await get(admin, `/api/street-offices/${other.id}/status`).expect(200);
    });

    it('is not for committees or contractors', async () => {
      await get(committee, '/api/street-offices').expect(403);
      await get(contractor, '/api/street-offices').expect(403);
    });
  });

  describe('GET /api/consultations/{id}/trend', () => {
    it('counts first answers per Shanghai day, every day from the opening day to today, with a running total', async () => {
      const unit = (await structureOf(t, committee, xingfuId)).buildings[6].units[0];
      const [d0, d1, d3, d4] = [6, 5, 3, 2].map((back) => shanghaiDate(Date.now() - back * DAY));
      t.clock.set(fromShanghai(d0, '09:00'));
      const consultation = await openConsultation(t, committee, { compoundId: xingfuId, unitIds: [unit.id] });
      const owners = await Promise.all(unit.households.slice(0, 3).map((h, i) => bindResident(t, committee, h.id, `trend-${i}`)));
      const answer = async (i: number, at: Date, body: Record<string, unknown> = {}) => {
        t.clock.set(at);
        await apply(t, owners[i], consultation.id, unit.households[i].id, body).expect(200);
      };
      await answer(0, fromShanghai(d0, '23:59')); // 15:59 UTC: still day 0 in Shanghai
      await answer(1, fromShanghai(d1, '00:00')); // 16:00 UTC the same UTC day: day 1 in Shanghai
      await answer(1, fromShanghai(d1, '10:00'), { answer: Answer.Refuse, signaturePng: undefined }); // a change of mind is no new answer
      await answer(2, fromShanghai(d3, '08:00'));
      t.clock.set(fromShanghai(d4, '12:00'));

      const trend: ConsultationTrend = (await get(street, `/api/consultations/${consultation.id}/trend`).expect(200)).body;
      expect(trend).toEqual({
        consultationId: consultation.id,
        timeZone: 'Asia/Shanghai',
        householdsTotal: unit.households.length,
        days: [
          { date: d0, answered: 1, cumulative: 1 },
          { date: d1, answered: 1, cumulative: 2 },
          { date: shanghaiDate(fromShanghai(d1).getTime() + DAY), answered: 0, cumulative: 2 },
          { date: d3, answered: 1, cumulative: 3 },
          { date: d4, answered: 0, cumulative: 3 },
        ],
      });
      t.clock.set(new Date());
    });

    it('has the demo’s answers spread over the last days, ending with every household that answered', async () => {
      const trend: ConsultationTrend = (await get(committee, `/api/consultations/${plumbing.id}/trend`).expect(200)).body;
      expect(trend.householdsTotal).toBe(180);
      expect(trend.days.at(-1)).toMatchObject({ date: shanghaiDate(t.clock.now()), cumulative: 30 });
      expect(trend.days.filter((d) => d.answered > 0).length).toBeGreaterThanOrEqual(5);
    });

    it('is refused to contractors, and names a missing consultation', async () => {
      await get(contractor, `/api/consultations/${plumbing.id}/trend`).expect(403);
      const unknown = await get(committee, `/api/consultations/${randomUUID()}/trend`).expect(404);
      expect(unknown.body.message).toBe('征询事项不存在或无权查看');
      expect((await get(committee, '/api/consultations/not-a-uuid/trend').expect(404)).body.message).toBe('征询事项不存在或无权查看');
    });
  });

  describe('GET /api/consultations/{id}/households', () => {
    it('shows the electorate by building and unit with answer classes and each unit’s state', async () => {
      const tree: ConsultationHouseholds = (await get(street, `/api/consultations/${plumbing.id}/households`).expect(200)).body;
      expect(tree).toMatchObject({ consultationId: plumbing.id, compoundId: guangmingId });
      expect(tree.buildings.map((b) => b.name)).toEqual(['1号楼', '2号楼', '3号楼', '4号楼', '5号楼']);
      const [unit1, unit2] = tree.buildings[0].units;
      expect([unit1.name, unit2.name]).toEqual(['1单元', '2单元']);
      expect(unit2.groupState).toBe(GroupState.Reached);
      expect(unit1.groupState).toBe(GroupState.Pending);
      expect(unit1.households.map((h) => h.answer)).toEqual([...Array(11).fill(Answer.Agree), null]);
      expect(unit1.households.map((h) => h.room).slice(0, 3)).toEqual(['101', '102', '201']);
      const refused = tree.buildings[1].units[0].households[6];
      expect(refused).toMatchObject({ answer: Answer.Refuse, optionId: null, finalRefusal: false, floor: 4 });
      expect(tree.buildings.flatMap((b) => b.units.flatMap((u) => u.households))).toHaveLength(180);
    });

    it('carries no owner name or phone, not even as a value', async () => {
      const response = await get(committee, `/api/consultations/${plumbing.id}/households`).expect(200);
      const text = response.text;
      expect(text).not.toMatch(/"ownerName"|"phone"/);
      const roster = await t.dataSource.getRepository(Household).findBy({ compoundId: guangmingId });
      expect(roster).toHaveLength(180);
      const leaked = roster.filter((h) => text.includes(h.ownerName) || (h.phone && text.includes(h.phone)));
      expect(leaked.map((h) => h.ownerName)).toEqual([]);
    });

    it('has no unit state when the vote is compound-wide', async () => {
      const tree: ConsultationHouseholds = (await get(committee, `/api/consultations/${vote.id}/households`).expect(200)).body;
      expect(new Set(tree.buildings.flatMap((b) => b.units.map((u) => u.groupState)))).toEqual(new Set([null]));
    });

    it('is refused to contractors and outside the caller’s scope', async () => {
      await get(contractor, `/api/consultations/${plumbing.id}/households`).expect(403);
      const committee2 = await staffToken(t, 'committee2-demo');
      await get(committee2, `/api/consultations/${plumbing.id}/households`).expect(404);
    });
  });

  describe('GET /api/compounds/{compoundId}/households', () => {
    it('lists every household with its owner, bound residents, answer and visits for the consultation', async () => {
      const list: CompoundHouseholds = (await get(committee, `/api/compounds/${guangmingId}/households?consultationId=${plumbing.id}`).expect(200)).body;
      expect(list).toMatchObject({ compoundId: guangmingId, consultationId: plumbing.id });
      expect(list.households).toHaveLength(180);
      const roster = new Map((await t.dataSource.getRepository(Household).findBy({ compoundId: guangmingId })).map((h) => [h.id, h]));
      const refusing = list.households.find((h) => h.answer === Answer.Refuse)!;
      expect(refusing).toMatchObject({
        label: '2号楼1单元401',
        ownerName: roster.get(refusing.householdId)!.ownerName,
        phone: roster.get(refusing.householdId)!.phone,
        boundResidents: 1,
        channel: AnswerChannel.Online,
        answeredAt: expect.any(String),
        visits: 2,
        lastVisitAt: expect.any(String),
        finalRefusal: false,
        inConsultation: true,
      });
      expect(list.households.filter((h) => h.answer === Answer.Agree)).toHaveLength(29);
      const silent = list.households.find((h) => h.label === '1号楼1单元602')!;
      expect(silent).toMatchObject({ answer: null, channel: null, answeredAt: null, visits: 0, lastVisitAt: null, boundResidents: 0 });
    });

    it('without a consultation, lists owners and bindings only', async () => {
      const list: CompoundHouseholds = (await get(street, `/api/compounds/${guangmingId}/households`).expect(200)).body;
      expect(list.consultationId).toBeNull();
      expect(list.households).toHaveLength(180);
      expect(list.households.every((h) => h.answer === null && h.visits === 0 && h.inConsultation === undefined)).toBe(true);
      expect(list.households.filter((h) => h.boundResidents > 0)).toHaveLength(30);
    });

    it('shows owners’ names and phones to the committee only: street staff get the first character and no phone', async () => {
      const path = `/api/compounds/${guangmingId}/households?consultationId=${plumbing.id}`;
      const whole: CompoundHouseholds = (await get(committee, path).expect(200)).body;
      const masked: CompoundHouseholds = (await get(street, path).expect(200)).body;
      expect(whole.households.filter((h) => h.phone).length).toBeGreaterThan(0);
      expect(masked.households.map((h) => h.householdId)).toEqual(whole.households.map((h) => h.householdId));
      for (const [i, h] of masked.households.entries()) {
        const owner = whole.households[i].ownerName;
        expect(h).toEqual({ ...whole.households[i], ownerName: owner[0] + '*'.repeat(owner.length - 1), phone: null });
      }
      const text = JSON.stringify(masked);
      expect(whole.households.filter((h) => (h.phone && text.includes(h.phone)) || text.includes(h.ownerName)).map((h) => h.label)).toEqual([]);
    });

    it('refuses a consultation of another compound, a malformed id and contractors, in Chinese', async () => {
      const other = await get(committee, `/api/compounds/${guangmingId}/households?consultationId=${vote.id}`).expect(404);
      expect(other.body.message).toBe('征询事项不存在或无权查看');
      const bad = await get(committee, `/api/compounds/${guangmingId}/households?consultationId=abc`).expect(400);
      expect(bad.body.message).toBe('征询事项编号 consultationId 格式不正确');
      await get(committee, `/api/compounds/${guangmingId}/households?consultationId=${plumbing.id}&consultationId=${plumbing.id}`).expect(400);
      await get(contractor, `/api/compounds/${guangmingId}/households`).expect(403);
      await get(committee, `/api/compounds/${randomUUID()}/households`).expect(404);
    });

    it('answers a large compound with the same few queries as a small one', async () => {
      const size = Number(process.env.PROGRESS_HOUSEHOLDS ?? 400);
      const { compoundId, householdIds } = await largeCompound(t, guangmingId, size);
      const consultation = await openConsultation(t, committee, { compoundId });
      for (const householdId of householdIds.slice(0, 5)) {
        await apply(t, committee, consultation.id, householdId, { channel: AnswerChannel.Paper, paperScanPng: SIGNATURE, signaturePng: undefined, acknowledgedDisclosureIds: ALL_DISCLOSURES }).expect(200);
      }
      await t.http.post(`/api/households/${householdIds[7]}/visits`).set(bearer(committee)).send({ consultationId: consultation.id, outcome: 'NOT_HOME', note: '家中无人' }).expect(201);

      const queries = countQueries(t);
      const started = Date.now();
      const big: CompoundHouseholds = (await get(committee, `/api/compounds/${compoundId}/households?consultationId=${consultation.id}`).expect(200)).body;
      const elapsed = Date.now() - started;
      const bigCount = queries.take();
      await get(committee, `/api/compounds/${guangmingId}/households?consultationId=${plumbing.id}`).expect(200);
      const smallCount = queries.take();
      queries.restore();
      process.stdout.write(`compound households: ${size} households in ${elapsed} ms, ${bigCount} queries (180 households: ${smallCount})\n`);

      expect(big.households).toHaveLength(size);
      expect(big.households.filter((h) => h.channel === AnswerChannel.Paper).map((h) => h.householdId).sort()).toEqual(householdIds.slice(0, 5).sort());
      expect(big.households.find((h) => h.householdId === householdIds[7])).toMatchObject({ visits: 1, answer: null });
      expect(bigCount).toBe(smallCount);
      expect(bigCount).toBeLessThanOrEqual(10);
    });
  });

  describe('GET /api/consultations/{id}/groups', () => {
    it('tallies current votes per option in the option order, and says how many agreements a group misses', async () => {
      const unit = (await structureOf(t, committee, xingfuId)).buildings[5].units[1];
      const voters = await Promise.all(unit.households.slice(0, 3).map((h, i) => bindResident(t, committee, h.id, `tally-${i}`)));
      const choose = (i: number, optionId: string) => apply(t, voters[i], vote.id, unit.households[i].id, { answer: Answer.Option, optionId, acknowledgedDisclosureIds: [], signaturePng: undefined }).expect(200);
      await choose(0, 'brick');
      await choose(1, 'brick');
      await choose(2, 'warm');
      await choose(1, 'warm'); // changed: only the current answer counts
      const [group]: GroupView[] = await groupsOf(t, committee, vote.id);
      expect(group.optionVotes).toEqual([
        { optionId: 'warm', votes: 2 },
        { optionId: 'brick', votes: 1 },
        { optionId: 'cream', votes: 0 },
      ]);
      expect(group.missing).toEqual(expect.any(Number));
    });

    it('gives every group its missing agreements, and no option tally where there are no options', async () => {
      const groups = await groupsOf(t, committee, plumbing.id);
      const byLabel = new Map(groups.map((g) => [g.label, g]));
      expect(byLabel.get('1号楼1单元')).toMatchObject({ missing: 1, pending: 1 });
      expect(byLabel.get('1号楼2单元')).toMatchObject({ missing: 0, state: GroupState.Reached });
      expect(groups.every((g) => g.optionVotes === undefined)).toBe(true);
    });
  });
});

/** A compound of `size` households in 光明社区 (committee-demo's community), written straight to the tables. */
async function largeCompound(t: TestApp, besideCompoundId: string, size: number) {
  const ds = t.dataSource;
  const { communityId } = await ds.getRepository(Compound).findOneByOrFail({ id: besideCompoundId });
  await ds.getRepository(Community).findOneByOrFail({ id: communityId });
  const compound = await ds.getRepository(Compound).save({ id: randomUUID(), name: '大型测试小区', address: '测试路1号', communityId });
  const perUnit = 50;
  const households: Array<Partial<Household>> = [];
  for (let u = 0; u * perUnit < size; u++) {
    const building = await ds.getRepository(Building).save({ id: randomUUID(), compoundId: compound.id, name: `${u + 1}号楼` });
    const unit = await ds.getRepository(Unit).save({ id: randomUUID(), compoundId: compound.id, buildingId: building.id, name: '1单元' });
    for (let i = 0; i < perUnit && households.length < size; i++) {
      const floor = Math.floor(i / 2) + 1;
      const room = `${floor}0${(i % 2) + 1}`;
      households.push({ id: randomUUID(), compoundId: compound.id, unitId: unit.id, room, floor, label: `${building.name}1单元${room}`, areaM2: 70, ownerName: `大户${households.length}`, phone: null });
    }
  }
  for (let i = 0; i < households.length; i += 200) await ds.getRepository(Household).insert(households.slice(i, i + 200));
  return { compoundId: compound.id, householdIds: households.map((h) => h.id!) };
}

/** Counts the statements the app sends (every query runs on a query runner the data source hands out). */
function countQueries(t: TestApp) {
  const ds = t.dataSource;
  const original = ds.createQueryRunner.bind(ds);
  let count = 0;
  ds.createQueryRunner = (...args: Parameters<typeof original>) => {
    const runner = original(...args);
    const query = runner.query.bind(runner);
    runner.query = (...q: Parameters<typeof query>) => {
      count++;
      return query(...q);
    };
    return runner;
  };
  return {
    take: () => {
      const n = count;
      count = 0;
      return n;
    },
    restore: () => {
      ds.createQueryRunner = original;
    },
  };
}
