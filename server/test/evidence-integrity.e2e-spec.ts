import { Answer, AnswerChannel } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { evidenceOfStoredAnswer, evidenceSha256, legacyEvidenceSha256 } from '../src/responses/answer.rules.js';
import { HouseholdResponse } from '../src/responses/household-response.entity.js';
import { ResponseHistory } from '../src/responses/response-history.entity.js';
import { SIGNATURE, apply, bindResident, openConsultation } from './support/consent.js';
import { compoundsAs, structureOf } from './support/demo-places.js';
import { bootTestApp, staffToken, type TestApp } from './support/test-app.js';

const RACE_ROUNDS = Number(process.env.EVIDENCE_RACE_ROUNDS ?? 6);
const PAPER = { channel: 'PAPER', paperScanPng: SIGNATURE, signaturePng: undefined };
const REFUSE = { answer: 'REFUSE', signaturePng: undefined, acknowledgedDisclosureIds: [] };

describe('a resident’s signed answer is theirs (MariaDB)', () => {
  let t: TestApp;
  let committee: string;
  let compoundId: string;
  let unit: { id: string; households: Array<{ id: string }> };

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    committee = await staffToken(t, 'committee-demo');
    compoundId = (await compoundsAs(t, committee)).find((c) => c.name === '光明里小区')!.id;
    unit = (await structureOf(t, committee, compoundId)).buildings[2].units[0];
  }, 60_000);

  afterAll(() => t.close());

  const currentOf = (consultationId: string, householdId: string) => t.dataSource.getRepository(HouseholdResponse).findOneBy({ consultationId, householdId });
  const historyOf = (consultationId: string, householdId: string) => t.dataSource.getRepository(ResponseHistory).find({ where: { consultationId, householdId }, order: { version: 'ASC' } });
  const auditOf = async (householdId: string) => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry WHERE subjectId = ?', [householdId]))[0].n);
  const textOf = async (consultationId: string) => (await t.dataSource.query('SELECT textSha256 FROM consultation WHERE id = ?', [consultationId]))[0].textSha256 as string;

  describe('staff paper answers', () => {
    let consultationId: string;
    beforeAll(async () => {
      consultationId = (await openConsultation(t, committee, { compoundId, unitIds: [unit.id], title: '纸质与线上' })).id;
    });

    it('cannot replace an online refusal: 409 ONLINE_ANSWER_EXISTS, the answer unchanged, nothing audited', async () => {
      const householdId = unit.households[0].id;
      const owner = await bindResident(t, committee, householdId, 'refusing-owner');
      await apply(t, owner, consultationId, householdId, REFUSE).expect(200);
      const before = await currentOf(consultationId, householdId);
      const audited = await auditOf(householdId);

      const response = await apply(t, committee, consultationId, householdId, PAPER).expect(409);
      expect(response.body).toMatchObject({ statusCode: 409, code: 'ONLINE_ANSWER_EXISTS', message: expect.stringContaining('线上') });

      expect(await currentOf(consultationId, householdId)).toEqual(before);
      expect(before).toMatchObject({ answer: 'REFUSE', channel: AnswerChannel.Online, version: 1 });
      expect(await historyOf(consultationId, householdId)).toHaveLength(1);
      expect(await auditOf(householdId)).toBe(audited);

      // The resident can still change their own answer, and staff still cannot take it over.
      const changed = await apply(t, owner, consultationId, householdId).expect(200);
      expect(changed.body).toMatchObject({ answer: 'AGREE', version: 2 });
      expect((await apply(t, committee, consultationId, householdId, { ...PAPER, ...REFUSE, signaturePng: undefined }).expect(409)).body.code).toBe('ONLINE_ANSWER_EXISTS');
      expect(await currentOf(consultationId, householdId)).toMatchObject({ answer: 'AGREE', channel: AnswerChannel.Online, version: 2 });
    });

    it('cannot be taken over by binding another account to the household after it signed', async () => {
      const householdId = unit.households[3].id;
      const owner = await bindResident(t, committee, householdId, 'first-signer');
      await apply(t, owner, consultationId, householdId, REFUSE).expect(200);
      const before = await currentOf(consultationId, householdId);
      const audited = await auditOf(householdId);

      // A staff member issues an invite code for the household and redeems it with their own WeChat account.
      const intruder = await bindResident(t, committee, householdId, 'staff-own-wechat');
      const response = await apply(t, intruder, consultationId, householdId).expect(409);
      expect(response.body).toMatchObject({ code: 'ONLINE_ANSWER_EXISTS', message: expect.stringContaining('签署人本人') });
      expect(await currentOf(consultationId, householdId)).toEqual(before);
      expect(await auditOf(householdId)).toBe(audited);

      // The signer may still change it.
      expect((await apply(t, owner, consultationId, householdId).expect(200)).body).toMatchObject({ answer: 'AGREE', version: 2 });
    });

    it('are recorded for a household with no online answer; the resident’s own online answer then wins, and binds its signer', async () => {
      const householdId = unit.households[1].id;
      const paper = await apply(t, committee, consultationId, householdId, PAPER).expect(200);
      expect(paper.body).toMatchObject({ answer: 'AGREE', version: 1 });
      // Staff may correct their own paper entry while no one has answered online.
      await apply(t, committee, consultationId, householdId, { ...PAPER, answer: 'REFUSE', acknowledgedDisclosureIds: [] }).expect(200);

      const owner = await bindResident(t, committee, householdId, 'paper-then-online-owner');
      const online = await apply(t, owner, consultationId, householdId, REFUSE).expect(200);
      expect(online.body).toMatchObject({ answer: 'REFUSE', version: 3 });
      expect(await currentOf(consultationId, householdId)).toMatchObject({ channel: AnswerChannel.Online, residentId: expect.any(String), staffId: null });

      // Once the resident has answered online, even a paper version in the history does not open the door to staff again.
      expect((await apply(t, committee, consultationId, householdId, PAPER).expect(409)).body.code).toBe('ONLINE_ANSWER_EXISTS');
      expect((await historyOf(consultationId, householdId)).map((h) => h.channel)).toEqual([AnswerChannel.Paper, AnswerChannel.Paper, AnswerChannel.Online]);
    });

    it('stay refused where a paper answer replaced an online one before this rule existed', async () => {
      const householdId = unit.households[2].id;
      const owner = await bindResident(t, committee, householdId, 'replaced-before-owner');
      await apply(t, owner, consultationId, householdId, REFUSE).expect(200);
      // What the old code let staff do: a paper version 2 over the resident's online version 1.
      const online = (await currentOf(consultationId, householdId))!;
      const staffId = (await t.dataSource.query("SELECT id FROM staff_account WHERE username = 'committee-demo'"))[0].id;
      const { id: _id, finalRefusalAt: _final, ...fields } = online;
      const paperVersion = { ...fields, id: randomUUID(), version: 2, channel: AnswerChannel.Paper, residentId: null, staffId, answer: Answer.Agree };
      await t.dataSource.getRepository(ResponseHistory).insert(paperVersion);
      await t.dataSource.getRepository(HouseholdResponse).update(online.id, { version: 2, channel: AnswerChannel.Paper, residentId: null, staffId, answer: paperVersion.answer });

      expect((await apply(t, committee, consultationId, householdId, { ...PAPER, ...REFUSE }).expect(409)).body.code).toBe('ONLINE_ANSWER_EXISTS');
      expect(await currentOf(consultationId, householdId)).toMatchObject({ version: 2, channel: AnswerChannel.Paper });
      // The resident takes it back.
      await apply(t, owner, consultationId, householdId, REFUSE).expect(200);
      expect(await currentOf(consultationId, householdId)).toMatchObject({ version: 3, channel: AnswerChannel.Online, answer: 'REFUSE' });
    });

    it('bind who signed and by which channel into every stored version’s evidence hash, recomputable from the row', async () => {
      const textSha256 = await textOf(consultationId);
      const rows = [...(await historyOf(consultationId, unit.households[1].id)), (await currentOf(consultationId, unit.households[1].id))!];
      for (const row of rows) {
        expect(evidenceOfStoredAnswer(row, textSha256)).toBe(row.evidenceSha256);
        expect(evidenceSha256({ ...row, textSha256 })).toBe(row.evidenceSha256);
        expect(legacyEvidenceSha256({ ...row, textSha256 })).not.toBe(row.evidenceSha256);
        // The same row with another signer does not verify.
        const swapped = row.channel === AnswerChannel.Paper ? { ...row, staffId: row.residentId, residentId: row.staffId } : { ...row, residentId: null, staffId: row.residentId };
        expect(evidenceOfStoredAnswer(swapped, textSha256)).not.toBe(row.evidenceSha256);
      }
      expect(rows.filter((r) => r.channel === AnswerChannel.Paper).every((r) => r.staffId && !r.residentId)).toBe(true);
    });
  });

  it(`never lets a paper answer replace an online one when both arrive at once (${RACE_ROUNDS} rounds × 12 households)`, async () => {
    const households = unit.households.map((h) => h.id);
    const owners = await Promise.all(households.map((id, i) => bindResident(t, committee, id, `race-online-${i}`)));
    const outcomes = { paperFirst: 0, onlineFirst: 0 };
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const consultationId = (await openConsultation(t, committee, { compoundId, unitIds: [unit.id], title: `纸质线上并发 ${round + 1}` })).id;
      // Both requests of a household are in flight together; which one starts first alternates per household and round, so both orders occur.
      const results = await Promise.all(
        households.flatMap((householdId, i) => {
          const online = () => apply(t, owners[i], consultationId, householdId, REFUSE).then((r) => ({ householdId, kind: 'online', status: r.status, code: r.body.code as string | undefined }));
          const paper = () => apply(t, committee, consultationId, householdId, PAPER).then((r) => ({ householdId, kind: 'paper', status: r.status, code: r.body.code as string | undefined }));
          return (i + round) % 2 ? [online(), paper()] : [paper(), online()];
        }),
      );
      for (const householdId of households) {
        const mine = results.filter((r) => r.householdId === householdId);
        const online = mine.find((r) => r.kind === 'online')!;
        const paper = mine.find((r) => r.kind === 'paper')!;
        // The resident is never refused; staff either came first (200) or met the online answer (409).
        expect(online.status).toBe(200);
        expect([200, 409]).toContain(paper.status);
        if (paper.status === 409) expect(paper.code).toBe('ONLINE_ANSWER_EXISTS');
        const history = await historyOf(consultationId, householdId);
        const channels = history.map((h) => h.channel);
        expect(channels).toEqual(paper.status === 200 ? [AnswerChannel.Paper, AnswerChannel.Online] : [AnswerChannel.Online]);
        expect(await currentOf(consultationId, householdId)).toMatchObject({ channel: AnswerChannel.Online, answer: 'REFUSE', version: history.length });
        outcomes[paper.status === 200 ? 'paperFirst' : 'onlineFirst']++;
      }
    }
    expect(outcomes.paperFirst + outcomes.onlineFirst).toBe(RACE_ROUNDS * households.length);
    console.info(`evidence race: ${JSON.stringify(outcomes)}`);
  }, 300_000);
});
