import type { INestApplicationContext } from '@nestjs/common';
import { Answer, ConsultationKind, DecisionRule, GroupBy, ResidentRole, VisitOutcome, type CompoundStructure } from '@linyi/shared';
import { DataSource } from 'typeorm';
import type { ResidentActor, StaffActor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { PlacesService } from '../places/places.service.js';
import { toCompoundStructure } from '../places/places.mapper.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { Resident } from '../residents/resident.entity.js';
import type { ResponsesService } from '../responses/responses.service.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { VisitsService } from '../visits/visits.service.js';
import { demoRoundServices } from './demo-round-services.js';
import { greyscalePng } from './greyscale-png.js';

const DAY = 24 * 3600 * 1000;
/** The demo round opened this many days ago. */
const DEMO_DAYS = 6;

/**
 * Open consultations with some answers, so every screen of the demo has something to show. The trend
 * chart needs answers on several days: the round runs on a clock of its own, set to each moment
 * before anything is stamped or hashed (an answer's evidence hash binds its time); the app's Clock
 * and the timers that read it keep the true time throughout.
 */
export async function seedDemoConsultations(app: INestApplicationContext): Promise<void> {
  const now = app.get(Clock).now();
  const roundClock = new Clock();
  roundClock.set(new Date(now.getTime() - DEMO_DAYS * DAY));
  await seedRound(app, now, roundClock);
}

async function seedRound(app: INestApplicationContext, now: Date, roundClock: Clock) {
  const dataSource = app.get(DataSource);
  const staffOf = async (username: string): Promise<StaffActor> => {
    const s = await dataSource.getRepository(StaffAccount).findOneByOrFail({ username });
    return { kind: 'staff', id: s.id, role: s.role, scopeType: s.scopeType, scopeId: s.scopeId };
  };
  const committee = await staffOf('committee-demo');
  const committee2 = await staffOf('committee2-demo');
  const { consultations, responses } = demoRoundServices(app, roundClock);
  const places = app.get(PlacesService);
  const [guangming, xingfu] = await places.compoundsInScope(committee);
  const [hongxing] = await places.compoundsInScope(committee2);
  const opensAt = new Date(now.getTime() - (DEMO_DAYS + 1) * DAY).toISOString();
  const deadline = new Date(now.getTime() + 30 * DAY).toISOString();

  const plumbing = await consultations.create(committee, {
    compoundId: guangming.id,
    kind: ConsultationKind.PlumbingApplication,
    title: '光明里小区楼内上下水管线改造申请',
    body: '本小区已纳入老旧小区综合整治项目储备库。楼内上下水管线改造须经本单元全体住户书面申请后方可实施。请阅读以下告知事项，确认后签名提交申请。',
    rule: DecisionRule.Unanimous,
    groupBy: GroupBy.Unit,
    opensAt,
    deadline,
  });
  await consultations.publish(committee, plumbing.id);
  const vote = await consultations.create(committee, {
    compoundId: xingfu.id,
    kind: ConsultationKind.DesignVote,
    title: '幸福苑小区外立面色彩方案投票',
    body: '设计单位提供了三个外立面色彩方案，请每户选择一个。投票率达到 50% 后，得票最多的方案胜出。',
    rule: DecisionRule.Plurality,
    groupBy: GroupBy.Compound,
    options: [
      { id: 'warm', title: '暖灰色', description: '浅暖灰主墙面，白色窗套，耐脏。' },
      { id: 'brick', title: '砖红色', description: '延续原有红砖风貌，深灰色勒脚。' },
      { id: 'cream', title: '米黄色', description: '米黄主墙面，咖啡色线脚，显得明亮。' },
    ],
    opensAt,
    deadline,
  });
  await consultations.publish(committee, vote.id);
  const agreement = await consultations.create(committee2, {
    compoundId: hongxing.id,
    kind: ConsultationKind.PropertyServiceAgreement,
    title: '红星小区物业服务标准及收费征询',
    body: '拟引入物业服务企业，服务标准为二级，收费标准每月每平方米 0.9 元。依照《民法典》第二百七十八条，由专有部分面积过半数且人数过半数的业主同意。',
    rule: DecisionRule.CivilCodeOrdinary,
    groupBy: GroupBy.Compound,
    opensAt,
    deadline,
  });
  await consultations.publish(committee2, agreement.id);

  const places1 = await places.structure(committee, guangming.id);
  const structure = toCompoundStructure(places1.compound, places1.buildings, places1.units, places1.households);
  const answers = demoPlumbingAnswers(structure);
  const times = spreadOver(roundClock.now().getTime(), now.getTime() - 10 * 60_000, answers.length);
  await answerDemoPlumbing(app, responses, roundClock, plumbing.id, answers, times, plumbing.disclosures.map((d) => d.id));
  // The visits are today's, on the app's own services and clock.
  const visits = app.get(VisitsService);
  const refusing = answers.find((a) => a.kind === Answer.Refuse)!.householdId;
  await visits.record(committee, refusing, { consultationId: plumbing.id, outcome: VisitOutcome.Refused, note: '住户担心施工期间无法用水，已解释临时供水安排，仍不同意。' });
  await visits.record(committee, refusing, { consultationId: plumbing.id, outcome: VisitOutcome.NotHome, note: '家中无人，已留联系卡。' });
}

/** 1号楼2单元: everyone applied. 1号楼1单元: all but the last flat. 2号楼1单元: half, and one refusal (visited twice). */
function demoPlumbingAnswers(structure: CompoundStructure): Array<{ householdId: string; kind: Answer }> {
  const [unit1, unit2] = structure.buildings[0].units;
  const [unit3] = structure.buildings[1].units;
  return [
    ...unit2.households.map((h) => ({ householdId: h.id, kind: Answer.Agree })),
    ...unit1.households.slice(0, -1).map((h) => ({ householdId: h.id, kind: Answer.Agree })),
    ...unit3.households.slice(0, 6).map((h) => ({ householdId: h.id, kind: Answer.Agree })),
    { householdId: unit3.households[6].id, kind: Answer.Refuse },
  ];
}

/** `count` increasing instants from `from` to `to`, denser at the start: most households answer in the first days. */
function spreadOver(from: number, to: number, count: number): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(from + Math.round((to - from) * ((i + 1) / count) ** 2)));
}

async function answerDemoPlumbing(
  app: INestApplicationContext,
  responses: ResponsesService,
  roundClock: Clock,
  consultationId: string,
  answers: Array<{ householdId: string; kind: Answer }>,
  times: Date[],
  disclosureIds: string[],
) {
  const signaturePng = `data:image/png;base64,${demoSignaturePng().toString('base64')}`;
  for (const [i, { householdId, kind }] of answers.entries()) {
    const resident = await demoOwnerOf(app, householdId);
    roundClock.set(times[i]);
    await responses.submit(resident, consultationId, householdId, {
      answer: kind,
      acknowledgedDisclosureIds: disclosureIds,
      ...(kind === Answer.Agree ? { signaturePng } : {}),
    });
  }
}

async function demoOwnerOf(app: INestApplicationContext, householdId: string): Promise<ResidentActor> {
  const dataSource = app.get(DataSource);
  const resident = await dataSource.getRepository(Resident).save(dataSource.getRepository(Resident).create({ openid: `demo-owner-${householdId}`, unionid: null, name: null }));
  await dataSource.getRepository(HouseholdMember).save(dataSource.getRepository(HouseholdMember).create({ householdId, residentId: resident.id, role: ResidentRole.Owner }));
  return { kind: 'resident', id: resident.id };
}

/** A small valid PNG (a grey line) standing in for a handwritten demo signature. */
export function demoSignaturePng(): Buffer {
  const width = 60;
  const height = 20;
  const raw = Buffer.alloc((width + 1) * height, 255);
  for (let x = 5; x < 55; x++) raw[10 * (width + 1) + 1 + x] = 40;
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return greyscalePng(width, height, raw);
}
