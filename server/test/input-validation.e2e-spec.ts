import { Answer, ConsultationKind, DecisionRule } from '@linyi/shared';
import { ALL_DISCLOSURES, apply, bindResident, consultationDraft, openConsultation, SIGNATURE } from './support/consent.js';
import { compoundsAs, households, structureOf } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;

/** The holes found in issue 7 (item 6), each closed as a class: shapes, nulls, dates, images, params. */
describe('client input is validated strictly (never a 500, nothing written)', () => {
  let t: TestApp;
  let committee: string;
  let compoundId: string;
  let householdId: string;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    committee = await staffToken(t, 'committee-demo');
    compoundId = (await compoundsAs(t, committee))[0].id;
    householdId = households(await structureOf(t, committee, compoundId))[0].id;
  });

  afterAll(async () => {
    await t.close();
  });

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\``))[0].n);

  const draft = (overrides: Record<string, unknown>) => consultationDraft(t, { compoundId, ...overrides });


  describe('nested lists are lists of objects', () => {
    it.each([
      ['disclosures: [[]]', { disclosures: [[]] }, '告知事项'],
      ['disclosures: [null]', { disclosures: [null] }, '告知事项'],
      ['disclosures: ["x"]', { disclosures: ['x'] }, '告知事项'],
      ['disclosures: [[{id, text}]]', { disclosures: [[{ id: 'a', text: 'b' }]] }, '告知事项'],
      ['disclosures: null', { disclosures: null }, 'null'],
      ['disclosures: {}', { disclosures: {} }, '告知事项'],
      ['options: [[]]', { rule: DecisionRule.Plurality, options: [[]] }, '方案'],
      ['a disclosure with an extra field', { disclosures: [{ id: 'a', text: 'b', sql: 'x' }] }, 'sql'],
      ['31 disclosures', { disclosures: Array.from({ length: 31 }, (_, i) => ({ id: `d${i}`, text: '告知' })) }, '30'],
      ['an option picture that is a script URL', { rule: DecisionRule.Plurality, options: [{ id: 'a', title: 'A', description: '', imageUrl: 'javascript:alert(1)' }] }, '方案图片'],
    ])('%s → 400, no consultation stored', async (_name, overrides, wording) => {
      const before = await count('consultation');
      const response = await t.http.post('/api/consultations').set(bearer(committee)).send(draft(overrides)).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.message).toContain(wording);
      expect(await count('consultation')).toBe(before);
    });

    it('an option picture may be null (no picture), and an AGREE on a well-formed consultation is 200', async () => {
      await t.http
        .post('/api/consultations')
        .set(bearer(committee))
        .send(draft({ rule: DecisionRule.Plurality, kind: ConsultationKind.DesignVote, options: [{ id: 'a', title: '方案一', description: '', imageUrl: null }, { id: 'b', title: '方案二', description: '' }] }))
        .expect(201);
      const consultation = await openConsultation(t, committee, { compoundId, disclosures: [{ id: 'pipes', text: '管线改造需要入户施工' }] });
      const resident = await bindResident(t, committee, householdId, 'input-validation-owner');
      const answered = await apply(t, resident, consultation.id, householdId, { acknowledgedDisclosureIds: ['pipes'] }).expect(200);
      expect(answered.body.answer).toBe(Answer.Agree);
    });
  });

  describe('dates are real, zoned and between 2000 and 2100', () => {
    it.each([
      ['year 10000 in UTC (9999-12-31 in UTC-1)', '9999-12-31T23:59:59-01:00'],
      ['year 10000, extended', '+010000-01-01T00:00:00Z'],
      ['year 9999', '9999-01-01T00:00:00Z'],
      ['before 2000', '1999-12-31T23:59:59Z'],
      ['30 February', '2027-02-30T10:00:00Z'],
      ['hour 24', '2027-01-01T24:00:00Z'],
      ['no zone (whose local time?)', '2027-01-01T10:00:00'],
      ['a date without a time', '2027-01-01'],
      ['a week date', '2027-W01'],
      ['milliseconds since 1970', 1_800_000_000_000],
      ['null', null],
      ['an object', { $date: '2027-01-01T00:00:00Z' }],
    ])('deadline %s → 400', async (_name, deadline) => {
      const before = await count('consultation');
      const response = await t.http.post('/api/consultations').set(bearer(committee)).send(draft({ deadline })).expect(400);
      expect(response.body.message).toMatch(/截止时间|deadline/);
      expect(await count('consultation')).toBe(before);
    });

    it('accepts a deadline with a +08:00 offset', async () => {
      const deadline = new Date(Date.now() + 10 * DAY).toISOString().replace('Z', '+00:00');
      await t.http.post('/api/consultations').set(bearer(committee)).send(draft({ deadline })).expect(201);
    });
  });

  describe('null is not "leave it as it is"', () => {
    let consultationId: string;
    beforeAll(async () => {
      consultationId = (await t.http.post('/api/consultations').set(bearer(committee)).send(draft({})).expect(201)).body.id;
      await t.http.put(`/api/consultations/${consultationId}/reminder-policy`).set(bearer(committee)).send({ daysBefore: [3, 1], quietStart: '21:00' }).expect(200);
    });

    it.each(['onOpen', 'daysBefore', 'dailyDigest', 'notifyOnReached', 'quietStart', 'quietEnd'])('reminder policy %s: null → 400, the policy unchanged', async (field) => {
      const policy = async () => (await t.http.get(`/api/consultations/${consultationId}/reminders`).set(bearer(committee)).expect(200)).body.policy;
      const before = await policy();
      const response = await t.http.put(`/api/consultations/${consultationId}/reminder-policy`).set(bearer(committee)).send({ [field]: null }).expect(400);
      expect(response.body.message).toContain(field);
      expect(await policy()).toEqual(before);
    });

    it('invite code role: null → 400, no code issued; no role → an owner code', async () => {
      const before = await count('invite_code');
      const response = await t.http.post(`/api/households/${householdId}/invite-codes`).set(bearer(committee)).send({ role: null }).expect(400);
      expect(response.body.message).toContain('role');
      expect(await count('invite_code')).toBe(before);
      await t.http.post(`/api/households/${householdId}/invite-codes`).set(bearer(committee)).send({}).expect(201);
      expect(await count('invite_code')).toBe(before + 1);
    });

    it.each([
      ['optionId', { optionId: null }],
      ['signaturePng', { signaturePng: null }],
      ['channel', { channel: null }],
      ['upgradeRequest', { upgradeRequest: null }],
    ])('answer %s: null → 400', async (field, body) => {
      const consultation = await openConsultation(t, committee, { compoundId });
      const response = await apply(t, committee, consultation.id, householdId, body).expect(400);
      expect(response.body.message).toContain(field);
    });
  });

  describe('images are checked before anything is stored', () => {
    let consultationId: string;
    let resident: string;
    const pngBytes = Buffer.from(SIGNATURE.split(',')[1], 'base64');
    beforeAll(async () => {
      consultationId = (await openConsultation(t, committee, { compoundId })).id;
      resident = await bindResident(t, committee, householdId, 'input-validation-images');
    });

    it.each([
      ['not base64', 'data:image/png;base64,!!!not-base64!!!'],
      ['empty base64', 'data:image/png;base64,'],
      ['a GIF', `data:image/png;base64,${Buffer.from('GIF89a-------------------------------------------------').toString('base64')}`],
      ['only the PNG signature', `data:image/png;base64,${pngBytes.subarray(0, 8).toString('base64')}`],
      ['a cut-off PNG', `data:image/png;base64,${pngBytes.subarray(0, pngBytes.length - 20).toString('base64')}`],
      ['another data URL type', `data:text/html;base64,${pngBytes.toString('base64')}`],
    ])('signature %s → 400, no answer, no image stored', async (_name, signaturePng) => {
      const answers = await count('household_response');
      const chunks = await count('evidence_chunk');
      const response = await apply(t, resident, consultationId, householdId, { signaturePng, acknowledgedDisclosureIds: ALL_DISCLOSURES }).expect(400);
      expect(response.body.message).toContain('签名');
      expect(await count('household_response')).toBe(answers);
      expect(await count('evidence_chunk')).toBe(chunks);
    });
  });

  describe('text lengths are counted as the database counts them', () => {
    // "❤️" is two code points but one for class-validator's Length: 61 of them overflowed varchar(120).
    const hearts = (n: number) => '❤️'.repeat(n);

    it('a title of 61 hearts (122 characters) is a 400, not a 500, and nothing is written', async () => {
      const before = await count('consultation');
      const refused = await t.http.post('/api/consultations').set(bearer(committee)).send(draft({ title: hearts(61) })).expect(400);
      expect(refused.body.message).toContain('标题应为 2 到 120 个字');
      expect(await count('consultation')).toBe(before);
    });

    it('a staff display name or a compound address past its column is a 400', async () => {
      const street = await staffToken(t, 'street-demo');
      const scope = ((await t.http.get('/api/staff-accounts/scopes').set(bearer(street)).expect(200)).body as Array<{ role: string; id: string }>).find((s) => s.role === 'COMMITTEE')!;
      const account = { username: 'heart-test', displayName: hearts(31), role: 'COMMITTEE', scopeId: scope.id, password: 'long-enough-1' };
      expect((await t.http.post('/api/staff-accounts').set(bearer(street)).send(account).expect(400)).body.message).toContain('显示名称');
      await t.http.put(`/api/compounds/${compoundId}/settings`).set(bearer(committee)).send({ address: hearts(101) }).expect(400);
      await t.http.post('/api/staff-accounts').set(bearer(street)).send({ ...account, displayName: hearts(30) }).expect(201);
    });
  });

  describe('path and query parameters', () => {
    it('an evidence hash that is not 64 hex digits is a 404 before any lookup', async () => {
      const consultationId = (await openConsultation(t, committee, { compoundId })).id;
      const response = await t.http.get(`/api/consultations/${consultationId}/responses/${householdId}/evidence/${'x'.repeat(5000)}`).set(bearer(committee)).expect(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });

    it('a missing, repeated or malformed compoundId query is a 400', async () => {
      for (const query of ['', '?compoundId=', '?compoundId=abc', `?compoundId=${compoundId}&compoundId=${compoundId}`]) {
        const response = await t.http.get(`/api/consultations${query}`).set(bearer(committee));
        expect([query, response.status, response.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
      }
      await t.http.get(`/api/consultations?compoundId=${compoundId}`).set(bearer(committee)).expect(200);
    });

    it('subscription results must be a small map of words', async () => {
      const resident = await bindResident(t, committee, householdId, 'input-validation-subscriber');
      for (const results of [null, [], ['accept'], { t: { nested: 'accept' } }, { t: 1 }, Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`t${i}`, 'accept']))]) {
        const response = await t.http.post('/api/me/subscriptions').set(bearer(resident)).send({ results });
        expect([JSON.stringify(results).slice(0, 40), response.status]).toEqual([JSON.stringify(results).slice(0, 40), 400]);
      }
    });
  });
});
