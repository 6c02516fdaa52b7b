import { Answer, ComplaintTopic, ConsultationKind, DecisionRule, GroupBy, QuestionKind, SurveyPurpose, VisitOutcome } from '@linyi/shared';
import { ConsultationScheduler } from '../../src/consultations/consultation-scheduler.js';
import { uniqueSignaturePng } from './authz-png.js';
import { SIGNATURE } from './consent.js';
import { bearer, type TestApp } from './test-app.js';

/** The photo of the victim household's complaint: no other image in the test has these bytes. */
export const VICTIM_COMPLAINT_PHOTO = uniqueSignaturePng(0xc0_4b1a);

const DAY = 86_400_000;

/** Slots of issue 12 (publicity, records, boards, complaints, surveys); part of `Scope`. */
export interface PublicityScope {
  /** A CLOSED consultation with its preliminary result published and the objection window open. */
  publicityConsultationId: string;
  /** An OPEN objection to that result, filed by the household's owner. */
  objectionId: string;
  /** An OPEN consultation where the household's refusal was marked final: its refusal notice is stored. */
  refusalConsultationId: string;
  /** A complaint of the household, with a photo of its own bytes. */
  complaintId: string;
  /** An OPEN named survey of the compound the household has answered; a DRAFT survey. */
  surveyId: string;
  draftSurveyId: string;
  /** The same survey as `surveyId`, never swapped for the resident callers: answering it for a household not theirs. */
  answeredSurveyId: string;
  /** The compound on routes its bound residents read too (boards): for the wrong residents, bound in the victim compound, 红星小区. */
  residentCompoundId: string;
}

export interface PublicityWorldInput {
  committeeToken: string;
  ownerToken: string;
  neighbourToken: string;
  compoundId: string;
  householdId: string;
  neighbourHouseholdId: string;
  /** The wrong residents' foreign scope: a compound they are bound in nowhere, its committee and an open consultation there. */
  elsewhere: { committeeToken: string; compoundId: string; consultationId: string };
}

export interface PublicityWorld {
  victim: PublicityScope;
  /** For the wrong resident callers (bound in the victim compound): the same kinds of ids in a compound they have nothing to do with. */
  residentForeign: Pick<PublicityScope, 'publicityConsultationId' | 'surveyId' | 'residentCompoundId'>;
}

const generalConsultation = (compoundId: string, opensAt: Date, deadline: Date, title: string) => ({
  compoundId,
  kind: ConsultationKind.General,
  title,
  body: '请各户发表意见。',
  rule: DecisionRule.CivilCodeOrdinary,
  groupBy: GroupBy.Compound,
  ownersOnly: false,
  visitsBeforeFinal: 1,
  opensAt: opensAt.toISOString(),
  deadline: deadline.toISOString(),
});

export const surveyBody = (compoundId: string, title = '改造满意度调查（授权测试）') => ({
  compoundId,
  purpose: SurveyPurpose.Satisfaction,
  title,
  intro: '请对本次改造打分。',
  anonymous: false,
  questions: [
    { id: 'q1', kind: QuestionKind.Single, title: '您对施工是否满意？', choices: [{ id: 'c1', title: '满意' }, { id: 'c2', title: '不满意' }], required: true },
    { id: 'q2', kind: QuestionKind.Text, title: '其他建议', required: false },
  ],
  // Far from any clock the other tests advance.
  closesAt: new Date(Date.now() + 300 * DAY).toISOString(),
});

export const surveyAnswerBody = (householdId: string) => ({ householdId, answers: [{ questionId: 'q1', choiceIds: ['c1'] }, { questionId: 'q2', text: '楼道灯更亮了' }] });

async function publishedConsultation(t: TestApp, token: string, body: object): Promise<string> {
  const created = await t.http.post('/api/consultations').set(bearer(token)).send(body).expect(201);
  await t.http.post(`/api/consultations/${created.body.id}/publish`).set(bearer(token)).expect(200);
  return created.body.id as string;
}

async function openSurvey(t: TestApp, token: string, compoundId: string, title?: string): Promise<string> {
  const created = await t.http.post('/api/surveys').set(bearer(token)).send(surveyBody(compoundId, title)).expect(201);
  await t.http.post(`/api/surveys/${created.body.id}/publish`).set(bearer(token)).expect(200);
  return created.body.id as string;
}

/**
 * Issue 12's victim fixtures in the victim compound, through the API: a consultation run two days in
 * the past (the clock travels back for it; tokens do not read the clock), closed, its preliminary
 * result published and an objection filed; a refusal marked final (its notice stored); a complaint
 * with a photo; the boards; a named survey open and answered, and a draft. Elsewhere (红星小区) a
 * survey open, for the wrong residents.
 */
export async function buildPublicityWorld(t: TestApp, input: PublicityWorldInput): Promise<PublicityWorld> {
  const { committeeToken: committee, ownerToken: owner, compoundId, householdId } = input;

  const present = t.clock.now();
  t.clock.set(new Date(present.getTime() - 2 * DAY - 3600_000));
  const past = t.clock.now();
  const publicityConsultationId = await publishedConsultation(t, committee, generalConsultation(compoundId, new Date(past.getTime() - 60_000), new Date(past.getTime() + DAY + 600_000), '楼道照明改造意见（已截止）'));
  await t.http.put(`/api/consultations/${publicityConsultationId}/responses/${input.neighbourHouseholdId}`).set(bearer(input.neighbourToken)).send({ answer: Answer.Agree, acknowledgedDisclosureIds: [], signaturePng: SIGNATURE }).expect(200);
  await t.http.put(`/api/consultations/${publicityConsultationId}/responses/${householdId}`).set(bearer(owner)).send({ answer: Answer.Refuse, acknowledgedDisclosureIds: [], signaturePng: SIGNATURE }).expect(200);
  t.clock.set(present);
  await t.app.get(ConsultationScheduler).sweep();
  await t.http.post(`/api/consultations/${publicityConsultationId}/preliminary-result`).set(bearer(committee)).send({ objectionDays: 7 }).expect(200);
  const objection = await t.http
    .post(`/api/consultations/${publicityConsultationId}/objections`)
    .set(bearer(owner))
    .send({ householdId: input.neighbourHouseholdId, text: '该户当时不在家，不可能表态（授权测试）' })
    .expect(201);

  // A refusal marked final after the one home visit this consultation asks for.
  const refusalConsultationId = await publishedConsultation(t, committee, generalConsultation(compoundId, new Date(present.getTime() - 60_000), new Date(present.getTime() + 200 * DAY), '小区停车管理意见'));
  await t.http.put(`/api/consultations/${refusalConsultationId}/responses/${householdId}`).set(bearer(owner)).send({ answer: Answer.Refuse, acknowledgedDisclosureIds: [], signaturePng: SIGNATURE }).expect(200);
  await t.http.post(`/api/households/${householdId}/visits`).set(bearer(committee)).send({ consultationId: refusalConsultationId, outcome: VisitOutcome.Refused, note: '仍不同意' }).expect(201);
  await t.http.post(`/api/consultations/${refusalConsultationId}/households/${householdId}/final-refusal`).set(bearer(committee)).expect(200);

  const complaint = await t.http
    .post('/api/complaints')
    .set(bearer(owner))
    .send({ householdId, topic: ComplaintTopic.Works, text: '施工噪音太大，中午也在打钻（授权测试）', photo: VICTIM_COMPLAINT_PHOTO })
    .expect(201);

  await t.http
    .put(`/api/compounds/${compoundId}/boards`)
    .set(bearer(committee))
    .send({ materials: [{ name: 'PPR 给水管', maker: '某管业有限公司', testReport: '出厂检验报告 第 2025-001 号' }], parties: [{ role: '施工单位', organisation: '某建设工程有限公司', person: '王工', phone: '13800138000' }], complaintPhone: '010-64001234' })
    .expect(200);

  const surveyId = await openSurvey(t, committee, compoundId);
  await t.http.post(`/api/surveys/${surveyId}/answers`).set(bearer(owner)).send(surveyAnswerBody(householdId)).expect(201);
  const draft = await t.http.post('/api/surveys').set(bearer(committee)).send(surveyBody(compoundId, '改造需求调查（草稿）')).expect(201);

  const elsewhereSurveyId = await openSurvey(t, input.elsewhere.committeeToken, input.elsewhere.compoundId, '红星小区满意度调查（授权测试）');

  return {
    victim: { publicityConsultationId, objectionId: objection.body.id, refusalConsultationId, complaintId: complaint.body.id, surveyId, draftSurveyId: draft.body.id, answeredSurveyId: surveyId, residentCompoundId: compoundId },
    residentForeign: { publicityConsultationId: input.elsewhere.consultationId, surveyId: elsewhereSurveyId, residentCompoundId: input.elsewhere.compoundId },
  };
}
