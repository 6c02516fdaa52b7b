import { QuestionKind, SurveyPurpose, type MySurvey, type SurveyQuestion, type SurveyResults, type SurveyView } from '@linyi/shared';
import type { Household } from '../src/places/household.entity.js';
import { contractorOf } from './support/acceptance-fixtures.js';
import { bindResident } from './support/consent.js';
import { compoundsAs, households, structureOf } from './support/demo-places.js';
import { bearer, bootTestApp, staffToken, type TestApp } from './support/test-app.js';
import { shanghai } from './support/warranty-fixtures.js';
import { demoUnit } from './support/works-fixtures.js';

const QUESTIONS: SurveyQuestion[] = [
  { id: 'need', kind: QuestionKind.Single, title: '您最希望改造哪一项？', required: true, choices: [{ id: 'pipes', title: '上下水管' }, { id: 'lift', title: '加装电梯' }, { id: 'roof', title: '屋面防水' }] },
  { id: 'also', kind: QuestionKind.Multiple, title: '还希望改造哪些？', required: false, choices: [{ id: 'light', title: '楼道灯' }, { id: 'park', title: '停车位' }, { id: 'bike', title: '充电桩' }] },
  { id: 'score', kind: QuestionKind.Rating, title: '您对目前居住条件打几分？', required: true },
  { id: 'say', kind: QuestionKind.Text, title: '其他意见', required: false },
];
const answersWith = (need: string, score: number, say?: string) => [{ questionId: 'need', choiceIds: [need] }, { questionId: 'score', rating: score }, ...(say ? [{ questionId: 'say', text: say }] : [])];

/**
 * Needs and satisfaction surveys (问需于民 / 问效于民, issue 12): the committee drafts, publishes and
 * closes; each household answers once (owners and tenants alike); results per question. An anonymous
 * survey keeps its answers apart from the household, so no response joins them. Real MariaDB, fake clock.
 */
describe('surveys (MariaDB)', () => {
  let t: TestApp;
  let committee: string, committee2: string, street: string, contractor: string;
  let compoundId: string;
  let flats: Household[];
  /** residents[i] is bound to flats[i] (flats[1] as a tenant); `second` is another owner of flats[0]. */
  let residents: string[];
  let second: string;
  let outsider: string;

  beforeAll(async () => {
    t = await bootTestApp({ AUTH_DEV_LOGIN: '1' });
    t.clock.set(shanghai('2026-12-01T10:00:00'));
    [committee, committee2, street] = await Promise.all(['committee-demo', 'committee2-demo', 'street-demo'].map((u) => staffToken(t, u)));
    const unit = await demoUnit(t.dataSource, '5号楼3单元');
    compoundId = unit.compound.id;
    flats = unit.households;
    contractor = await contractorOf(t, compoundId, 'contractor-surveys');
    residents = [];
    for (const [i, flat] of flats.entries()) residents.push(await bindResident(t, committee, flat.id, `surveys-resident-${i}`, i === 1 ? 'TENANT' : 'OWNER'));
    second = await bindResident(t, committee, flats[0].id, 'surveys-second-owner');
    const xingfu = (await compoundsAs(t, committee)).find((c) => c.name === '幸福苑小区')!.id;
    outsider = await bindResident(t, committee, households(await structureOf(t, committee, xingfu))[0].id, 'surveys-outsider');
  }, 120_000);

  afterAll(() => t.close());

  beforeEach(() => t.clock.set(shanghai('2026-12-01T10:00:00')));

  const draft = (token: string, body: Record<string, unknown> = {}) =>
    t.http.post('/api/surveys').set(bearer(token)).send({ compoundId, purpose: SurveyPurpose.Needs, title: '5号楼改造需求调查', intro: '请每户填写一次。', anonymous: false, questions: QUESTIONS, closesAt: '2026-12-20T18:00:00+08:00', ...body });
  const open = async (body: Record<string, unknown> = {}): Promise<SurveyView> => {
    const created = (await draft(committee, body).expect(201)).body;
    return (await t.http.post(`/api/surveys/${created.id}/publish`).set(bearer(committee)).expect(200)).body;
  };
  const answer = (token: string, surveyId: string, householdId: string, answers: unknown) => t.http.post(`/api/surveys/${surveyId}/answers`).set(bearer(token)).send({ householdId, answers });
  const results = async (surveyId: string, token = committee): Promise<SurveyResults> => (await t.http.get(`/api/surveys/${surveyId}/results`).set(bearer(token)).expect(200)).body;
  const mySurveys = async (token: string, surveyId: string): Promise<MySurvey[]> => ((await t.http.get('/api/me/surveys').set(bearer(token)).expect(200)).body as MySurvey[]).filter((m) => m.survey.id === surveyId);
  const compoundAudit = async (surveyId: string) =>
    ((await t.dataSource.query('SELECT action, payload FROM audit_entry WHERE chainKey = ? ORDER BY seq', [`compound:${compoundId}`])) as Array<{ action: string; payload: string }>)
      .map((row) => ({ action: row.action, payload: JSON.parse(row.payload) }))
      .filter((row) => row.payload.surveyId === surveyId);

  it('drafts, publishes once, shows a survey to residents of the compound only once published, and audits it on the compound chain', async () => {
    const created = await draft(committee, { title: '  5号楼改造需求调查  ' }).expect(201);
    expect(created.body).toMatchObject({ compoundId, purpose: 'NEEDS_SURVEY', title: '5号楼改造需求调查', anonymous: false, status: 'DRAFT', publishedAt: null, closedAt: null, closesAt: '2026-12-20T10:00:00.000Z', questions: QUESTIONS });
    const id = created.body.id;
    await t.http.get(`/api/surveys/${id}`).set(bearer(residents[0])).expect(404);
    expect(await mySurveys(residents[0], id)).toEqual([]);
    await answer(residents[0], id, flats[0].id, answersWith('lift', 3)).expect(404);

    const published = await t.http.post(`/api/surveys/${id}/publish`).set(bearer(street)).expect(200);
    expect(published.body).toMatchObject({ status: 'OPEN', publishedAt: expect.any(String) });
    expect((await t.http.post(`/api/surveys/${id}/publish`).set(bearer(committee)).expect(409)).body.code).toBe('SURVEY_NOT_DRAFT');
    expect((await t.http.get(`/api/surveys/${id}`).set(bearer(residents[1])).expect(200)).body).toMatchObject({ id, status: 'OPEN' });
    await t.http.get(`/api/surveys/${id}`).set(bearer(outsider)).expect(404);
    expect(await mySurveys(outsider, id)).toEqual([]);
    expect((await mySurveys(residents[1], id)).map((m) => [m.householdId, m.householdLabel, m.answered])).toEqual([[flats[1].id, flats[1].label, false]]);
    expect(((await t.http.get(`/api/compounds/${compoundId}/surveys`).set(bearer(street)).expect(200)).body as SurveyView[]).map((s) => s.id)).toContain(id);

    // Out of scope: 404 as if it did not exist; the crew authors nothing.
    for (const path of [`/api/surveys/${id}`, `/api/surveys/${id}/results`, `/api/compounds/${compoundId}/surveys`]) await t.http.get(path).set(bearer(committee2)).expect(404);
    await draft(committee2).expect(404);
    await draft(contractor).expect(403);
    await t.http.get(`/api/surveys/${id}/results`).set(bearer(contractor)).expect(403);
    await t.http.get(`/api/surveys/${id}/results`).set(bearer(residents[0])).expect(403);
    expect((await compoundAudit(id)).map((e) => e.action)).toEqual(['SURVEY_CREATED', 'SURVEY_PUBLISHED']);
    expect((await compoundAudit(id))[0].payload).toMatchObject({ purpose: 'NEEDS_SURVEY', anonymous: false, questionsSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses a survey that cannot be answered (400 with the question named)', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ questions: [] }, 'SURVEY_INVALID', /至少要有一道题/],
      [{ closesAt: '2026-12-01T09:00:00+08:00' }, 'SURVEY_INVALID', /截止时间应晚于现在/],
      [{ questions: [QUESTIONS[0], { ...QUESTIONS[1], choices: [{ id: 'x', title: '唯一' }] }] }, 'SURVEY_INVALID', /第 2 题是多选题，至少要有两个选项/],
      [{ questions: [QUESTIONS[0], { ...QUESTIONS[2], choices: QUESTIONS[0].choices }] }, 'SURVEY_INVALID', /第 2 题是打分（1–5）题，不需要选项/],
      [{ questions: [QUESTIONS[0], QUESTIONS[0]] }, 'SURVEY_INVALID', /编号与前面的题重复/],
      [{ questions: [{ ...QUESTIONS[0], kind: 'RANK' }] }, 'VALIDATION_FAILED', /题型只能是/],
      [{ purpose: 'OPINION' }, 'VALIDATION_FAILED', /调查类型只能是/],
      [{ closesAt: 'next week' }, 'VALIDATION_FAILED', /截止时间应为/],
      [{ anonymous: 'yes' }, 'VALIDATION_FAILED', /anonymous/],
      [{ title: '  ' }, 'VALIDATION_FAILED', /请填写问卷标题/],
    ];
    for (const [body, code, message] of cases) {
      const response = await draft(committee, body).expect(400);
      expect(response.body).toMatchObject({ code, message: expect.stringMatching(message) });
    }
  });

  it('takes one answer per household from owners and tenants, checks it, tallies it with labels, and stops at close', async () => {
    const survey = await open();
    const invalid: Array<[unknown, RegExp]> = [
      [[{ questionId: 'need', choiceIds: ['lift'] }], /请回答第 3 题/],
      [answersWith('moon', 3), /第 1 题选了不存在的选项/],
      [[...answersWith('lift', 3), { questionId: 'say', rating: 2 }], /第 4 题是填空题，答案的格式不对/],
      [[{ questionId: 'need', choiceIds: ['lift'] }, { questionId: 'score', rating: 9 }], /请打 1 到 5 分/],
    ];
    for (const [answers, message] of invalid) expect((await answer(residents[0], survey.id, flats[0].id, answers).expect(400)).body).toMatchObject({ code: expect.stringMatching(/SURVEY_ANSWER_INVALID|VALIDATION_FAILED/), message: expect.stringMatching(message) });

    const receipt = await answer(residents[0], survey.id, flats[0].id, answersWith('lift', 4, '希望装电梯')).expect(201);
    expect(receipt.body).toEqual({ surveyId: survey.id, householdId: flats[0].id, answeredAt: expect.any(String) });
    // The tenant of flats[1] answers for it; nobody answers for a flat they are not bound to.
    await answer(residents[1], survey.id, flats[1].id, [...answersWith('pipes', 2, '下水常堵'), { questionId: 'also', choiceIds: ['bike', 'light'] }]).expect(201);
    await answer(residents[2], survey.id, flats[0].id, answersWith('roof', 5)).expect(404);
    await answer(outsider, survey.id, flats[0].id, answersWith('roof', 5)).expect(404);
    const twice = await answer(second, survey.id, flats[0].id, answersWith('roof', 1)).expect(409);
    expect(twice.body).toMatchObject({ code: 'SURVEY_ALREADY_ANSWERED', message: '这户已经填过这份问卷了，每户只能填一次' });
    expect((await mySurveys(second, survey.id)).map((m) => m.answered)).toEqual([true]);

    const tally = await results(survey.id, street);
    expect(tally).toMatchObject({ surveyId: survey.id, anonymous: false, respondents: 2, households: expect.any(Number) });
    expect(tally.households).toBeGreaterThan(100);
    expect(tally.questions[0].choices!.map((c) => [c.choiceId, c.count])).toEqual([['pipes', 1], ['lift', 1], ['roof', 0]]);
    expect(tally.questions[1]).toMatchObject({ answered: 1, choices: [{ choiceId: 'light', count: 1 }, { choiceId: 'park', count: 0 }, { choiceId: 'bike', count: 1 }] });
    expect(tally.questions[2]).toMatchObject({ answered: 2, average: 3 });
    expect(tally.questions[3].texts).toEqual([{ text: '下水常堵', householdLabel: flats[1].label }, { text: '希望装电梯', householdLabel: flats[0].label }]);

    const closed = await t.http.post(`/api/surveys/${survey.id}/close`).set(bearer(committee)).expect(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
    expect((await answer(residents[2], survey.id, flats[2].id, answersWith('roof', 5)).expect(409)).body).toMatchObject({ code: 'SURVEY_NOT_OPEN', message: '问卷已经结束，不能再填写' });
    expect((await t.http.post(`/api/surveys/${survey.id}/close`).set(bearer(committee)).expect(409)).body.code).toBe('SURVEY_NOT_OPEN');
    expect((await compoundAudit(survey.id)).map((e) => e.action)).toEqual(['SURVEY_CREATED', 'SURVEY_PUBLISHED', 'SURVEY_CLOSED']);
    const [entry] = (await t.dataSource.query('SELECT payload FROM audit_entry WHERE chainKey = ? AND action = ? ORDER BY seq DESC LIMIT 1', [`household:${flats[0].id}`, 'SURVEY_ANSWERED'])) as Array<{ payload: string }>;
    expect(JSON.parse(entry.payload)).toEqual({ surveyId: survey.id, anonymous: false, answersSha256: expect.stringMatching(/^[0-9a-f]{64}$/), by: 'RESIDENT' });
  });

  it('stops taking answers at the closing time by itself', async () => {
    const survey = await open({ closesAt: '2026-12-02T10:00:00+08:00' });
    t.clock.set(shanghai('2026-12-02T10:00:01'));
    expect((await answer(residents[0], survey.id, flats[0].id, answersWith('lift', 4)).expect(409)).body.code).toBe('SURVEY_NOT_OPEN');
    expect((await t.http.get(`/api/surveys/${survey.id}`).set(bearer(residents[0])).expect(200)).body).toMatchObject({ status: 'CLOSED', closedAt: '2026-12-02T02:00:00.000Z' });
    expect((await t.http.post(`/api/surveys/${survey.id}/close`).set(bearer(committee)).expect(409)).body.code).toBe('SURVEY_NOT_OPEN');
  });

  it('keeps one answer of a household when its two residents send ten each at once, while other households answer too', async () => {
    const survey = await open();
    const others = flats.slice(1, 11);
    expect(others).toHaveLength(10);
    const sameFlat = Array.from({ length: 10 }, (_, i) => answer(i % 2 ? second : residents[0], survey.id, flats[0].id, answersWith(i % 2 ? 'roof' : 'lift', 1 + (i % 5))));
    const elsewhere = others.map((flat, i) => answer(residents[i + 1], survey.id, flat.id, answersWith('pipes', 3)));
    const [mine, theirs] = await Promise.all([Promise.all(sameFlat), Promise.all(elsewhere)]);
    expect(mine.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(mine.filter((r) => r.status === 409).every((r) => r.body.code === 'SURVEY_ALREADY_ANSWERED')).toBe(true);
    expect(theirs.map((r) => r.status)).toEqual(Array(10).fill(201));
    const [participations] = await t.dataSource.query('SELECT COUNT(*) AS n FROM survey_participation WHERE surveyId = ?', [survey.id]);
    const [stored] = await t.dataSource.query('SELECT COUNT(*) AS n FROM survey_answer WHERE surveyId = ?', [survey.id]);
    expect([Number(participations.n), Number(stored.n)]).toEqual([11, 11]);
    expect((await results(survey.id)).respondents).toBe(11);
  });

  it('keeps an anonymous survey\'s answers apart from households in every response, in the database, and in the audit', async () => {
    const responses: Array<{ route: string; body: unknown }> = [];
    const keep = <T extends { body: unknown }>(route: string, response: T) => (responses.push({ route, body: response.body }), response);
    const created = keep('create', await draft(committee, { anonymous: true, purpose: SurveyPurpose.Satisfaction, title: '改造满意度调查（匿名）' }).expect(201));
    const id = (created.body as SurveyView).id;
    keep('publish', await t.http.post(`/api/surveys/${id}/publish`).set(bearer(committee)).expect(200));

    // Texts given in an order their sorted order does not follow.
    const texts = ['竣工后楼道很干净', '安装师傅很负责', '噪音太大了', '工期比说的长', '水压变好了', '阿姨们都满意'];
    const sayings = texts.map((text, i) => ({ flat: flats[i], token: residents[i], text, need: ['pipes', 'lift', 'roof'][i % 3], score: 1 + (i % 5) }));
    for (const s of sayings) keep('answer', await answer(s.token, id, s.flat.id, answersWith(s.need, s.score, s.text)).expect(201));

    // While open, the tallies wait: a count moving right after a household answers would tell what it said.
    const early = keep('results-open', await t.http.get(`/api/surveys/${id}/results`).set(bearer(committee)).expect(200)).body as SurveyResults;
    expect(early).toMatchObject({ anonymous: true, respondents: texts.length, questions: [], withheld: true });

    for (const s of sayings) keep('me/surveys', await t.http.get('/api/me/surveys').set(bearer(s.token)).expect(200));
    for (const token of [residents[0], committee, street]) keep('survey', await t.http.get(`/api/surveys/${id}`).set(bearer(token)).expect(200));
    keep('list', await t.http.get(`/api/compounds/${compoundId}/surveys`).set(bearer(committee)).expect(200));
    keep('close', await t.http.post(`/api/surveys/${id}/close`).set(bearer(committee)).expect(200));
    const final = keep('results', await t.http.get(`/api/surveys/${id}/results`).set(bearer(street)).expect(200)).body as SurveyResults;

    // The results hold the answers, and nothing of any household.
    const say = final.questions.find((q) => q.questionId === 'say')!;
    expect(say.texts!.map((x) => x.text)).toEqual([...texts].sort());
    expect(say.texts!.map((x) => x.text)).not.toEqual(texts);
    expect(say.texts!.every((x) => x.householdLabel === null)).toBe(true);
    expect(final.questions.find((q) => q.questionId === 'score')!.ratings!.map((r) => r.count)).toEqual([2, 1, 1, 1, 1]);
    const identities = flats.flatMap((f) => [f.id, f.label, f.ownerName, f.room]).filter(Boolean);
    for (const { route, body } of responses) {
      const json = JSON.stringify(body);
      const saysSomething = texts.some((text) => json.includes(text)) || /"choiceIds"|"rating"/.test(json);
      const namesSomeone = identities.some((identity) => json.includes(`"${identity}"`));
      expect({ route, joined: saysSomething && namesSomeone }).toEqual({ route, joined: false });
    }
    // Whole JSON values only: a room number such as 101 may turn up inside a random id.
    expect(responses.filter((r) => r.route === 'results').every((r) => !identities.some((identity) => JSON.stringify(r.body).includes(`"${identity}"`)))).toBe(true);

    // Stored: no household on the answer rows, no answer on the participation rows, and no column to join on.
    const rows: Array<{ householdId: string | null; answers: string }> = await t.dataSource.query('SELECT householdId, answers FROM survey_answer WHERE surveyId = ?', [id]);
    expect(rows).toHaveLength(texts.length);
    expect(rows.every((r) => r.householdId === null)).toBe(true);
    const columns = ((await t.dataSource.query("SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'survey_answer' ORDER BY ORDINAL_POSITION")) as Array<{ name: string }>).map((c) => c.name);
    expect(columns.sort()).toEqual(['answers', 'householdId', 'id', 'surveyId']);
    const audit: Array<{ payload: string }> = await t.dataSource.query("SELECT payload FROM audit_entry WHERE action = 'SURVEY_ANSWERED' AND payload LIKE ?", [`%${id}%`]);
    expect(audit).toHaveLength(texts.length);
    for (const { payload } of audit) expect(JSON.parse(payload)).toEqual({ surveyId: id, anonymous: true, by: 'RESIDENT' });
  });
});
