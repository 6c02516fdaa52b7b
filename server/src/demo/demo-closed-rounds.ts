import type { INestApplicationContext } from '@nestjs/common';
import { Answer, ConsultationKind, DecisionRule, GroupBy, VisitOutcome, type CreateConsultationRequest } from '@linyi/shared';
import { DataSource } from 'typeorm';
import type { ResidentActor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { ConsultationScheduler } from '../consultations/consultation-scheduler.js';
import { VisitsService } from '../visits/visits.service.js';
import { bindDemoResident, demoPlacesOf, demoStaffActor } from './demo-actors.js';
import { demoSignaturePng } from './demo-consultations.js';
import { DemoClock, onDemoClock } from './demo-on-clock.js';
import { demoRoundServices } from './demo-round-services.js';

/** 幸福苑小区1号楼: closed weeks ago, objections answered, result final; 1号楼2单元601's refusal final, with its written notice. */
export const DEMO_FINAL_TITLE = '幸福苑小区1号楼楼内上下水管线改造申请';
/** 幸福苑小区3号楼1单元、4号楼1单元: closed two days ago, preliminary result published yesterday, objection window open six more days. */
export const DEMO_PRELIMINARY_TITLE = '幸福苑小区3号楼1单元、4号楼1单元加装电梯意见征询';
/** Per unit, in room order: so many agree, then so many refuse, the rest silent. 3号楼1单元 reaches, 4号楼1单元 fails. */
export const DEMO_LIFT_ANSWERS: Array<[building: string, agree: number, refuse: number]> = [
  ['3号楼', 10, 1],
  ['4号楼', 3, 6],
];
/** The resident of 幸福苑小区1号楼2单元601 (refusal final): the refusal notice is in its inbox (H5: dev login with this openid). */
export const DEMO_REFUSAL_OPENID = 'demo-refusal';
export const DEMO_REFUSAL_FLAT = ['1号楼', '2单元', '601'] as const;
/** The resident of 幸福苑小区4号楼1单元602, silent at the deadline, whose objection to its own entry is still open. */
export const DEMO_OBJECTOR_OPENID = 'demo-objector';
export const DEMO_OBJECTOR_FLAT = ['4号楼', '1单元', '602'] as const;

const ROOMS = ['101', '102', '201', '202', '301', '302', '401', '402', '501', '502', '601', '602'];
const REFUSAL_VISITS = [
  { daysAgo: 29, note: '住户担心改造后卫生间地面要重做，已说明恢复标准，仍不同意。' },
  { daysAgo: 27, note: '会同业主委员会再次上门，住户表示近两年刚装修过，不同意改造。' },
  { daysAgo: 25, note: '第三次上门，告知不同意的后果（本户管线不予改造、“十四五”期间不再安排资金），住户仍不同意。' },
];

/**
 * Two consultations of 幸福苑小区 that have already closed, answered through the real services on
 * a clock of the seeder's own. They run before the rest of the demo: their deadlines are past, and
 * the app's scheduler, whose first sweep comes 30 s after boot, would close them under the seeder.
 */
export async function seedDemoClosedRounds(app: INestApplicationContext): Promise<{ finalId: string; preliminaryId: string }> {
  const dataSource = app.get(DataSource);
  const now = app.get(Clock).now();
  const clock = new DemoClock(now).at(40);
  const { consultations, responses } = demoRoundServices(app, clock);
  const visits = onDemoClock(app, VisitsService, clock);
  const scheduler = onDemoClock(app, ConsultationScheduler, clock);
  const committee = await demoStaffActor(dataSource, 'committee-demo');
  const place = await demoPlacesOf(dataSource, '幸福苑小区');
  const signaturePng = `data:image/png;base64,${demoSignaturePng().toString('base64')}`;
  const iso = (daysAgo: number) => new Date(now.getTime() - daysAgo * 24 * 3600 * 1000).toISOString();
  const answer = async (resident: ResidentActor, consultationId: string, householdId: string, kind: Answer, disclosureIds: string[]) => {
    await responses.submit(resident, consultationId, householdId, { answer: kind, acknowledgedDisclosureIds: disclosureIds, ...(kind === Answer.Agree ? { signaturePng } : {}) });
  };
  const ownerOf = (householdId: string) => bindDemoResident(dataSource, householdId, `demo-owner-${householdId}`);

  // 1号楼1单元: every household applied. 2单元: 101–301 applied, 601 refused through three visits, the rest never answered.
  const plumbing = await consultations.create(committee, {
    compoundId: place.compoundId,
    kind: ConsultationKind.PlumbingApplication,
    title: DEMO_FINAL_TITLE,
    body: '1号楼楼内上下水管线老化严重，拟纳入本年度改造。楼内上下水管线改造须经本单元全体住户书面申请后方可实施。请阅读以下告知事项，确认后签名提交申请。',
    rule: DecisionRule.Unanimous,
    groupBy: GroupBy.Unit,
    unitIds: [place.unit('1号楼', '1单元'), place.unit('1号楼', '2单元')],
    opensAt: iso(41),
    deadline: iso(20),
  } satisfies CreateConsultationRequest);
  await consultations.publish(committee, plumbing.id);
  const disclosureIds = plumbing.disclosures.map((d) => d.id);
  const refusing = place.household(...DEMO_REFUSAL_FLAT);
  const flats = [...ROOMS.map((room) => place.household('1号楼', '1单元', room)), ...ROOMS.slice(0, 5).map((room) => place.household('1号楼', '2单元', room)), refusing];
  for (const [i, householdId] of flats.entries()) {
    clock.at(40 - i * 0.5);
    if (householdId === refusing) await answer(await bindDemoResident(dataSource, householdId, DEMO_REFUSAL_OPENID), plumbing.id, householdId, Answer.Refuse, disclosureIds);
    else await answer(await ownerOf(householdId), plumbing.id, householdId, Answer.Agree, disclosureIds);
  }
  for (const visit of REFUSAL_VISITS) {
    clock.at(visit.daysAgo);
    await visits.record(committee, refusing, { consultationId: plumbing.id, outcome: VisitOutcome.Refused, note: visit.note });
  }
  clock.at(24);
  await visits.markFinal(committee, plumbing.id, refusing);
  // An hour past its deadline the scheduler closes it and settles its groups.
  clock.at(20 - 1 / 24);
  await scheduler.sweep();

  // An elevator per unit is a major matter (Civil Code art. 278): two thirds take part, three quarters of them agree.
  clock.at(15);
  const lifts = await consultations.create(committee, {
    compoundId: place.compoundId,
    kind: ConsultationKind.General,
    title: DEMO_PRELIMINARY_TITLE,
    body: '拟为3号楼1单元、4号楼1单元加装电梯，费用由财政补贴和本单元业主按楼层分摊。按单元统计：参与表决的专有部分面积和人数均达三分之二以上、同意者均达参与表决者四分之三以上的单元实施加装。',
    rule: DecisionRule.CivilCodeMajor,
    groupBy: GroupBy.Unit,
    unitIds: [place.unit('3号楼', '1单元'), place.unit('4号楼', '1单元')],
    ownersOnly: true,
    opensAt: iso(16),
    deadline: iso(2),
  });
  await consultations.publish(committee, lifts.id);
  let step = 0;
  for (const [building, agree, refuse] of DEMO_LIFT_ANSWERS) {
    const households = ROOMS.map((room) => place.household(building, '1单元', room));
    for (const [i, householdId] of households.slice(0, agree + refuse).entries()) {
      clock.at(15 - 0.6 * step++);
      await answer(await ownerOf(householdId), lifts.id, householdId, i < agree ? Answer.Agree : Answer.Refuse, []);
    }
  }
  // Silent at the deadline (its paper form came too late): it objects to its own entry.
  await bindDemoResident(dataSource, place.household(...DEMO_OBJECTOR_FLAT), DEMO_OBJECTOR_OPENID);

  clock.at(2 - 1 / 24);
  await scheduler.sweep();
  return { finalId: plumbing.id, preliminaryId: lifts.id };
}
