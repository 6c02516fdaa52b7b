import { AnswerChannel, Answer, ConsultationKind, DecisionRule, GroupBy, type CompoundStructure, type PipelineView } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { ConsultationScheduler } from '../../src/consultations/consultation-scheduler.js';
import { Compound } from '../../src/places/compound.entity.js';
import { StaffAccount } from '../../src/staff/staff-account.entity.js';
import { PHOTO } from './acceptance-fixtures.js';
import { openConsultation } from './consent.js';
import { structureOf } from './demo-places.js';
import { bearer, type TestApp } from './test-app.js';

const DAY = 24 * 3600 * 1000;

/** A new compound of committee-demo's community, its roster imported through the API: `buildings` buildings of one unit with `flats` flats each. */
export async function freshCompound(t: TestApp, committee: string, name: string, buildings = 2, flats = 4): Promise<CompoundStructure> {
  const communityId = (await t.dataSource.getRepository(StaffAccount).findOneByOrFail({ username: 'committee-demo' })).scopeId!;
  const compoundId = (await t.dataSource.getRepository(Compound).save({ id: randomUUID(), name, address: null, communityId })).id;
  const rows = ['楼栋,单元,房号,楼层,建筑面积,业主姓名,电话'];
  for (let b = 1; b <= buildings; b++) for (let f = 1; f <= flats; f++) rows.push(`${b}号楼,1单元,${f}01,${f},80,业主${b}${f},1390000${String(b * 100 + f).padStart(4, '0')}`);
  await t.http.post(`/api/compounds/${compoundId}/roster`).set(bearer(committee)).attach('file', Buffer.from(rows.join('\n')), 'roster.csv').expect(201);
  return structureOf(t, committee, compoundId);
}

export const pipelineOf = async (t: TestApp, token: string, compoundId: string): Promise<PipelineView> => (await t.http.get(`/api/compounds/${compoundId}/pipeline`).set(bearer(token)).expect(200)).body;

export const movePipeline = (t: TestApp, token: string, compoundId: string, stage: string, note?: string) =>
  t.http.post(`/api/compounds/${compoundId}/pipeline`).set(bearer(token)).send(note ? { stage, note } : { stage });

/**
 * A consultation of the compound decided on paper by the committee, then closed by the scheduler an
 * hour past its deadline: `agree` households agree, `refuse` refuse, the rest stay silent.
 */
export async function decidedRound(
  t: TestApp,
  committee: string,
  structure: CompoundStructure,
  request: { kind: ConsultationKind; rule?: DecisionRule; groupBy?: GroupBy; unitIds?: string[]; agree: string[]; refuse?: string[] },
): Promise<string> {
  const now = t.clock.now();
  const consultation = await openConsultation(t, committee, {
    compoundId: structure.id,
    kind: request.kind,
    title: `${structure.name}${request.kind}征询`,
    rule: request.rule ?? DecisionRule.CivilCodeOrdinary,
    groupBy: request.groupBy ?? GroupBy.Compound,
    ...(request.unitIds ? { unitIds: request.unitIds } : {}),
    opensAt: new Date(now.getTime() - 60_000).toISOString(),
    deadline: new Date(now.getTime() + DAY).toISOString(),
  });
  const answer = (householdId: string, kind: Answer) =>
    t.http.put(`/api/consultations/${consultation.id}/responses/${householdId}`).set(bearer(committee)).send({ answer: kind, acknowledgedDisclosureIds: [], channel: AnswerChannel.Paper, paperScanPng: PHOTO }).expect(200);
  for (const id of request.agree) await answer(id, Answer.Agree);
  for (const id of request.refuse ?? []) await answer(id, Answer.Refuse);
  return consultation.id;
}

/** Past every open deadline by an hour, and the scheduler's sweep: the rounds close and settle. */
export async function closeRounds(t: TestApp, days = 1): Promise<void> {
  t.clock.set(new Date(t.clock.now().getTime() + days * DAY + 3600_000));
  await t.app.get(ConsultationScheduler).sweep();
}
