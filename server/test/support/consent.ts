import { Answer, ConsultationKind, DecisionRule, GroupBy, PLUMBING_DISCLOSURES, type ConsultationView, type CreateConsultationRequest, type GroupView } from '@linyi/shared';
import { demoSignaturePng } from '../../src/demo/demo-consultations.js';
import { bearer, residentToken, type TestApp } from './test-app.js';

export const SIGNATURE = `data:image/png;base64,${demoSignaturePng().toString('base64')}`;
export const ALL_DISCLOSURES = PLUMBING_DISCLOSURES.map((d) => d.id);
const DAY = 24 * 3600 * 1000;

/** Binds a new resident (as owner unless told) to a household through a real invite code. */
export async function bindResident(t: TestApp, committeeToken: string, householdId: string, openid: string, role: 'OWNER' | 'TENANT' = 'OWNER'): Promise<string> {
  const invite = await t.http.post(`/api/households/${householdId}/invite-codes`).set(bearer(committeeToken)).send({ role }).expect(201);
  const token = await residentToken(t, openid);
  await t.http.post('/api/me/bindings').set(bearer(token)).send({ inviteCode: invite.body.code }).expect(200);
  return token;
}

/** The body of a plumbing application open since a minute ago for two weeks, with `request` on top. */
export function consultationDraft(t: TestApp, request: Partial<CreateConsultationRequest> & Record<string, unknown>) {
  const now = t.clock.now().getTime();
  return {
    kind: ConsultationKind.PlumbingApplication,
    title: '楼内上下水管线改造申请',
    body: '请阅读告知事项后签名申请。',
    rule: DecisionRule.Unanimous,
    groupBy: GroupBy.Unit,
    opensAt: new Date(now - 60_000).toISOString(),
    deadline: new Date(now + 14 * DAY).toISOString(),
    ...request,
  };
}

export async function openConsultation(t: TestApp, token: string, request: Partial<CreateConsultationRequest> & { compoundId: string }): Promise<ConsultationView> {
  const created = await t.http.post('/api/consultations').set(bearer(token)).send(consultationDraft(t, request)).expect(201);
  return (await t.http.post(`/api/consultations/${created.body.id}/publish`).set(bearer(token)).expect(200)).body;
}

export function apply(t: TestApp, token: string, consultationId: string, householdId: string, body: Record<string, unknown> = {}) {
  return t.http
    .put(`/api/consultations/${consultationId}/responses/${householdId}`)
    .set(bearer(token))
    .send({ answer: Answer.Agree, acknowledgedDisclosureIds: ALL_DISCLOSURES, signaturePng: SIGNATURE, ...body });
}

export async function groupsOf(t: TestApp, token: string, consultationId: string): Promise<GroupView[]> {
  return (await t.http.get(`/api/consultations/${consultationId}/groups`).set(bearer(token)).expect(200)).body;
}
