import { Answer, ConsultationKind, DecisionRule, GroupBy, GroupState } from '@linyi/shared';
import { createHash } from 'node:crypto';
import { ALL_DISCLOSURES, SIGNATURE, apply, bindResident, consultationDraft, groupsOf, openConsultation } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

describe('consultations and answers', () => {
  let t: TestApp;
  let committee: string;
  let committee2: string;
  let compoundId: string;
  let unit: { id: string; households: Array<{ id: string; label: string }> };
  let otherUnit: { id: string; households: Array<{ id: string }> };

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    committee = await staffToken(t, 'committee-demo');
    committee2 = await staffToken(t, 'committee2-demo');
    compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '光明里小区')!.id;
    const structure = await structureOf(t, committee, compoundId);
    unit = structure.buildings[4].units[0];
    otherUnit = structure.buildings[4].units[1];
  });

  afterAll(() => t.close());

  describe('creating', () => {
    it('refuses a plumbing application that is not unanimous per unit, in readable words', async () => {
      const response = await t.http
        .post('/api/consultations')
        .set(bearer(committee))
        .send({ compoundId, kind: 'PLUMBING_APPLICATION', title: '管线改造', body: '正文', rule: 'CIVIL_CODE_MAJOR', groupBy: 'BUILDING', opensAt: new Date().toISOString(), deadline: new Date(Date.now() + 3600_000).toISOString() })
        .expect(400);
      expect(response.body.code).toBe('CONSULTATION_INVALID');
      expect(response.body.message).toContain('全体同意');
      expect(response.body.message).toContain('按单元');
      expect(response.body.message).toContain('一天之后');
    });

    it('refuses a bad enum with the allowed values named', async () => {
      const response = await t.http.post('/api/consultations').set(bearer(committee)).send({ compoundId, kind: 'PLUMBING_APPLICATION', title: '管线改造', body: '正文', rule: 'UNANIMOUS', groupBy: 'FLOOR', opensAt: 'x', deadline: 'y' }).expect(400);
      expect(response.body.message).toContain('UNIT（单元）');
    });

    it('does not let a committee open a consultation in another community', async () => {
      const otherCompound = (await compoundsAs(t, committee2))[0].id;
      await t.http.post('/api/consultations').set(bearer(committee)).send({ compoundId: otherCompound, kind: 'GENERAL', title: '测试', body: '正文', rule: 'UNANIMOUS', groupBy: 'UNIT', opensAt: new Date().toISOString(), deadline: new Date(Date.now() + 3 * 86400_000).toISOString() }).expect(404);
    });

    it('names the compound’s emergency phone in the default emergency disclosure of a plumbing application', async () => {
      const emergencyOf = (c: { disclosures: Array<{ id: string; text: string }> }) => c.disclosures.find((d) => d.id === 'emergency')!.text;
      const demo = (await t.http.get(`/api/consultations?compoundId=${compoundId}`).set(bearer(committee)).expect(200)).body.find((c: { kind: string }) => c.kind === 'PLUMBING_APPLICATION');
      expect(emergencyOf(demo)).toContain('应急电话 010-64001234');
      const hongxing = (await compoundsAs(t, committee2))[0].id;
      const draft = async () => (await t.http.post('/api/consultations').set(bearer(committee2)).send(consultationDraft(t, { compoundId: hongxing })).expect(201)).body;
      await t.http.put(`/api/compounds/${hongxing}/settings`).set(bearer(committee2)).send({ emergencyPhone: '010-12345678' }).expect(200);
      expect(emergencyOf(await draft())).toContain('应急电话 010-12345678');
      // No phone recorded: residents are told where the public line is posted instead.
      await t.http.put(`/api/compounds/${hongxing}/settings`).set(bearer(committee2)).send({ emergencyPhone: '' }).expect(200);
      expect(emergencyOf(await draft())).toContain('主要材料公示牌');
      await t.http.put(`/api/compounds/${hongxing}/settings`).set(bearer(committee2)).send({ emergencyPhone: '400-800-6699' }).expect(200);
    });

    it('publishes with the six plumbing disclosures and one group per unit of the chosen units', async () => {
      const consultation = await openConsultation(t, committee, { compoundId, unitIds: [unit.id, otherUnit.id] });
      expect(consultation.status).toBe('OPEN');
      expect(consultation.disclosures.map((d) => d.id)).toEqual(ALL_DISCLOSURES);
      const groups = await groupsOf(t, committee, consultation.id);
      expect(groups.map((g) => [g.label, g.households, g.state])).toEqual([
        ['5号楼1单元', 12, GroupState.Pending],
        ['5号楼2单元', 12, GroupState.Pending],
      ]);
      await t.http.post(`/api/consultations/${consultation.id}/publish`).set(bearer(committee)).expect(409);
      await t.http.get(`/api/consultations/${consultation.id}/groups`).set(bearer(committee2)).expect(404);
    });
  });

  describe('answering', () => {
    let consultationId: string;
    let owner: string;
    let household: { id: string; label: string };

    beforeAll(async () => {
      consultationId = (await openConsultation(t, committee, { compoundId, unitIds: [unit.id] })).id;
      household = unit.households[0];
      owner = await bindResident(t, committee, household.id, 'answer-owner');
    });

    it('shows the open application on the resident’s list with the unit’s progress', async () => {
      const mine = (await t.http.get('/api/me/consultations').set(bearer(owner)).expect(200)).body;
      const entry = mine.find((m: { consultation: { id: string } }) => m.consultation.id === consultationId);
      expect(entry).toMatchObject({ householdId: household.id, answer: null, canAnswer: true, group: { label: '5号楼1单元', households: 12, agreed: 0 } });
    });

    it('names the disclosures not yet acknowledged', async () => {
      const response = await apply(t, owner, consultationId, household.id, { acknowledgedDisclosureIds: ['content', 'duties'] }).expect(400);
      expect(response.body.code).toBe('DISCLOSURES_NOT_ACKNOWLEDGED');
      expect(response.body.missingDisclosureIds).toEqual(['duration', 'water-cut', 'temporary', 'emergency']);
      expect(response.body.message).toContain('施工工期及影响因素');
    });

    it('needs a handwritten signature for the written application, and a real PNG', async () => {
      expect((await apply(t, owner, consultationId, household.id, { signaturePng: undefined }).expect(400)).body.code).toBe('SIGNATURE_REQUIRED');
      const notPng = `data:image/png;base64,${Buffer.from('GIF89a fake').toString('base64')}`;
      expect((await apply(t, owner, consultationId, household.id, { signaturePng: notPng }).expect(400)).body.message).toContain('PNG');
    });

    it('records the application with its signature hash and an evidence hash, and updates the unit', async () => {
      const response = await apply(t, owner, consultationId, household.id).expect(200);
      const signatureSha256 = createHash('sha256').update(Buffer.from(SIGNATURE.split(',')[1], 'base64')).digest('hex');
      expect(response.body).toMatchObject({ householdId: household.id, answer: Answer.Agree, version: 1, signatureSha256, groupState: GroupState.Pending, group: { agreed: 1, pending: 11 } });
      expect(response.body.evidenceSha256).toMatch(/^[0-9a-f]{64}$/);
      const image = await t.http.get(`/api/consultations/${consultationId}/responses/${household.id}/evidence/${signatureSha256}`).set(bearer(committee)).expect(200);
      expect(createHash('sha256').update(image.body).digest('hex')).toBe(signatureSha256);
      const [unitGroup] = await groupsOf(t, committee, consultationId);
      expect(unitGroup).toMatchObject({ agreed: 1, responded: 1 });
      const mine = (await t.http.get('/api/me/consultations').set(bearer(owner)).expect(200)).body;
      expect(mine.find((m: { consultation: { id: string } }) => m.consultation.id === consultationId)).toMatchObject({ answer: 'AGREE', evidenceSha256: response.body.evidenceSha256, group: { agreed: 1 } });
    });

    it('is idempotent for the same answer and keeps history when the answer changes', async () => {
      expect((await apply(t, owner, consultationId, household.id).expect(200)).body.version).toBe(1);
      const refused = await apply(t, owner, consultationId, household.id, { answer: 'REFUSE', signaturePng: undefined, acknowledgedDisclosureIds: [] }).expect(200);
      expect(refused.body).toMatchObject({ answer: 'REFUSE', version: 2, group: { agreed: 0, refused: 1 } });
      const history = (await t.http.get(`/api/consultations/${consultationId}/responses/${household.id}`).set(bearer(owner)).expect(200)).body;
      expect(history.history.map((h: { version: number; answer: string }) => [h.version, h.answer])).toEqual([[1, 'AGREE'], [2, 'REFUSE']]);
      expect(history.current).toMatchObject({ version: 2, answer: 'REFUSE' });
      await apply(t, owner, consultationId, household.id).expect(200);
    });

    it('does not let a resident answer for a household they are not bound to', async () => {
      const stranger = await bindResident(t, committee, unit.households[1].id, 'stranger');
      const response = await apply(t, stranger, consultationId, unit.households[2].id).expect(404);
      expect(response.body.code).toBe('NOT_FOUND');
      await t.http.get(`/api/consultations/${consultationId}/responses/${unit.households[0].id}`).set(bearer(stranger)).expect(404);
    });

    it('does not let a tenant answer an owners-only consultation', async () => {
      const tenant = await bindResident(t, committee, unit.households[3].id, 'tenant-1', 'TENANT');
      const mine = (await t.http.get('/api/me/consultations').set(bearer(tenant)).expect(200)).body;
      expect(mine.find((m: { consultation: { id: string } }) => m.consultation.id === consultationId).canAnswer).toBe(false);
      const response = await apply(t, tenant, consultationId, unit.households[3].id).expect(403);
      expect(response.body).toMatchObject({ code: 'OWNERS_ONLY', message: expect.stringContaining('业主本人') });
    });

    it('lets committee staff enter a paper answer with a scan, but not contractors or other communities', async () => {
      const target = unit.households[4].id;
      const paper = { channel: 'PAPER', paperScanPng: SIGNATURE, signaturePng: undefined };
      await apply(t, await staffToken(t, 'contractor-demo'), consultationId, target, paper).expect(403);
      await apply(t, committee2, consultationId, target, paper).expect(404);
      expect((await apply(t, committee, consultationId, target, { channel: 'PAPER', signaturePng: undefined }).expect(400)).body.code).toBe('PAPER_SCAN_REQUIRED');
      const response = await apply(t, committee, consultationId, target, paper).expect(200);
      expect(response.body).toMatchObject({ answer: 'AGREE', version: 1 });
      const [row] = await t.dataSource.query('SELECT channel, staffId, paperScanSha256 FROM household_response WHERE householdId = ? AND consultationId = ?', [target, consultationId]);
      expect(row).toMatchObject({ channel: 'PAPER', staffId: expect.any(String), paperScanSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    });

    it('answers 409 after the deadline, even before the deadline sweep has run', async () => {
      t.clock.advance(15 * 24 * 3600 * 1000);
      try {
        const response = await apply(t, owner, consultationId, household.id, { answer: 'REFUSE', signaturePng: undefined }).expect(409);
        expect(response.body).toMatchObject({ code: 'CONSULTATION_CLOSED', message: expect.stringContaining('截止') });
      } finally {
        t.clock.advance(-15 * 24 * 3600 * 1000);
      }
    });
  });

  describe('above-standard upgrades', () => {
    it('are requested with the application, quoted and paid, and shown as unpaid on the group until then', async () => {
      const consultationId = (await openConsultation(t, committee, { compoundId, unitIds: [otherUnit.id] })).id;
      const householdId = otherUnit.households[0].id;
      const owner = await bindResident(t, committee, householdId, 'upgrade-owner');
      await apply(t, owner, consultationId, householdId, { upgradeRequest: '厨房墙面整体贴砖（自费）' }).expect(200);
      const contractor = await staffToken(t, 'contractor-demo');
      await t.http.put(`/api/consultations/${consultationId}/upgrades/${householdId}/quote`).set(bearer(contractor)).send({ amountYuan: 1280.5 }).expect(200);
      expect((await groupsOf(t, committee, consultationId))[0].unpaidUpgrades).toBe(1);
      const paid = await t.http.post(`/api/consultations/${consultationId}/upgrades/${householdId}/payment`).set(bearer(committee)).expect(201);
      expect(paid.body).toMatchObject({ quotedFen: 128050, paidAt: expect.any(String) });
      expect((await groupsOf(t, committee, consultationId))[0].unpaidUpgrades).toBe(0);
    });
  });

  describe('design vote', () => {
    it('counts options per compound and picks the leader once turnout is met', async () => {
      const consultation = await openConsultation(t, committee, {
        compoundId,
        kind: ConsultationKind.DesignVote,
        rule: DecisionRule.Plurality,
        groupBy: GroupBy.Compound,
        unitIds: [unit.id],
        turnoutPercent: 25,
        options: [
          { id: 'a', title: '方案一', description: '灰' },
          { id: 'b', title: '方案二', description: '红' },
        ],
      });
      const voters = await Promise.all(unit.households.slice(5, 8).map((h, i) => bindResident(t, committee, h.id, `voter-${i}`)));
      const vote = (i: number, optionId: string) => apply(t, voters[i], consultation.id, unit.households[5 + i].id, { answer: 'OPTION', optionId, acknowledgedDisclosureIds: [], signaturePng: undefined });
      expect((await vote(0, 'c').expect(400)).body.message).toContain('方案“c”不存在');
      await apply(t, voters[0], consultation.id, unit.households[5].id, { answer: 'AGREE', acknowledgedDisclosureIds: [] }).expect(400);
      await vote(0, 'a').expect(200);
      await vote(1, 'b').expect(200);
      expect((await groupsOf(t, committee, consultation.id))[0]).toMatchObject({ state: 'PENDING', responded: 2 });
      const third = await vote(2, 'a').expect(200);
      expect(third.body.group).toMatchObject({ state: 'REACHED', leadingOptionId: 'a', label: '光明里小区' });
    });
  });
});
