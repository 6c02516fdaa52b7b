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
/** 幸福苑小区3号楼、4号楼: closed two days ago, preliminary result published yesterday, objection window open six more days. */
export const DEMO_PRELIMINARY_TITLE = '幸福苑小区3号楼、4号楼拆除外窗护栏征询';
/** The resident of 幸福苑小区1号楼2单元601 (refusal final): the refusal notice is in its inbox (H5: dev login with this openid). */
export const DEMO_REFUSAL_OPENID = 'demo-refusal';
export const DEMO_REFUSAL_FLAT = ['1号楼', '2单元', '601'] as const;
/** The resident of 幸福苑小区4号楼2单元602, whose objection to its own entry is still open. */
export const DEMO_OBJECTOR_OPENID = 'demo-objector';
export const DEMO_OBJECTOR_FLAT = ['4号楼', '2单元', '602'] as const;

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

  // 1号楼: every household of 1单元 applied; 2单元 all but 601, which refused through three visits.
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
  const flats = ['1单元', '2单元'].flatMap((unit) => ROOMS.map((room) => place.household('1号楼', unit, room)));
  for (const [i, householdId] of flats.entries()) {
    clock.at(40 - i * 0.4);
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

  // 3号楼 and 4号楼: owners decide by the Civil Code's ordinary majority, per building.
  clock.at(15);
  const guards = await consultations.create(committee, {
    compoundId: place.compoundId,
    kind: ConsultationKind.WindowGuardConsent,
    title: DEMO_PRELIMINARY_TITLE,
    body: '为消除消防隐患、配合外墙保温施工，拟拆除3号楼、4号楼外窗护栏（防盗窗），拆除后统一安装内开式隐形防护网。请业主表明意见：按楼栋统计，参与表决的面积和人数均达三分之二、同意者过半数的楼栋实施拆除。',
    rule: DecisionRule.CivilCodeOrdinary,
    groupBy: GroupBy.Building,
    unitIds: ['3号楼', '4号楼'].flatMap((building) => [place.unit(building, '1单元'), place.unit(building, '2单元')]),
    opensAt: iso(16),
    deadline: iso(2),
  });
  await consultations.publish(committee, guards.id);
  // 3号楼: 20 agree, 2 refuse, 2 silent (reached). 4号楼: 7 agree, 10 refuse, 7 silent (failed at the deadline).
  const plan: Array<[building: string, agree: number, refuse: number]> = [
    ['3号楼', 20, 2],
    ['4号楼', 7, 10],
  ];
  let step = 0;
  for (const [building, agree, refuse] of plan) {
    const households = ['1单元', '2单元'].flatMap((unit) => ROOMS.map((room) => place.household(building, unit, room)));
    for (const [i, householdId] of households.slice(0, agree + refuse).entries()) {
      clock.at(15 - 0.3 * step++);
      await answer(await ownerOf(householdId), guards.id, householdId, i < agree ? Answer.Agree : Answer.Refuse, []);
    }
  }
  // Silent at the deadline (its paper form came too late): it objects to its own entry.
  await bindDemoResident(dataSource, place.household(...DEMO_OBJECTOR_FLAT), DEMO_OBJECTOR_OPENID);

  clock.at(2 - 1 / 24);
  await scheduler.sweep();
  return { finalId: plumbing.id, preliminaryId: guards.id };
}
