import type { INestApplicationContext } from '@nestjs/common';
import { Answer, AnswerChannel, ConsultationKind, DecisionRule, GroupBy, OwnersOrganisationKind, PipelineGate, PipelineStage, type CreateConsultationRequest } from '@linyi/shared';
import { DataSource } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { ConsultationScheduler } from '../consultations/consultation-scheduler.js';
import { Building } from '../places/building.entity.js';
import { Household } from '../places/household.entity.js';
import { Unit } from '../places/unit.entity.js';
import { PipelineMoveService } from '../pipeline/pipeline-move.service.js';
import { PipelineService } from '../pipeline/pipeline.service.js';
import { demoPaperFormPng } from './demo-acceptance.js';
import { demoPlacesOf, demoStaffActor } from './demo-actors.js';
import { DemoClock, onDemoClock } from './demo-on-clock.js';
import { demoRoundServices } from './demo-round-services.js';

export const DEMO_SERVICE_AGREEMENT_TITLE = '光明里小区物业服务标准及收费征询';
export const DEMO_WINDOW_GUARD_TITLE = '幸福苑小区2号楼拆除外窗护栏及违法建设征询';
/** 幸福苑小区's building whose residents refused to remove the window guards: out of the year's plan. */
export const DEMO_EXCLUDED_BUILDING = '2号楼';

type Round = ReturnType<typeof demoRoundServices>;

/**
 * The renovation pipeline (issue 14), on the app's own services and a clock of the seeder's:
 * 光明里小区 entered the reserve months ago, passed every gate (owners' committee, a property-service
 * agreement reached on paper forms, illegal structures cleared) and is in the year's plan, so its
 * works can be planned; 幸福苑小区 is in the reserve with 2号楼 excluded after its window-guard consent
 * failed; 红星小区 entered the reserve lately, its property-service consultation still open and a
 * maintenance-fund pledge required. Runs before the works and before most residents bind, who then
 * find the notice in their inbox all the same.
 */
export async function seedDemoPipeline(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const seededAt = app.get(Clock).now();
  const clock = new DemoClock(seededAt);
  const ago = (days: number) => new Date(seededAt.getTime() - days * 24 * 3600 * 1000).toISOString();
  const round = demoRoundServices(app, clock);
  const moves = onDemoClock(app, PipelineMoveService, clock);
  const gates = onDemoClock(app, PipelineService, clock);
  const scheduler = onDemoClock(app, ConsultationScheduler, clock);
  const street = await demoStaffActor(dataSource, 'street-demo');
  const committee = await demoStaffActor(dataSource, 'committee-demo');

  const guangming = await demoPlacesOf(dataSource, '光明里小区');
  clock.at(120);
  await moves.move(street, guangming.compoundId, { stage: PipelineStage.Reserve, note: '区住建委批复列入2027年老旧小区综合整治储备项目' });
  clock.at(110);
  await gates.recordOwnersOrganisation(street, guangming.compoundId, { kind: OwnersOrganisationKind.OwnersCommittee, name: '光明里小区第一届业主委员会', formedOn: '2026-07-18' });
  await serviceAgreementRound(dataSource, round, committee, guangming.compoundId, clock, ago);
  clock.at(88);
  await scheduler.sweep();
  clock.at(80);
  await gates.recordGate(street, guangming.compoundId, PipelineGate.IllegalStructuresCleared, { met: true, note: '各楼外窗护栏和楼顶违建已全部拆除，经街道城管科现场核查' });
  clock.at(75);
  await moves.move(street, guangming.compoundId, { stage: PipelineStage.AnnualPlan, note: '各项条件均已满足，列入本年度改造计划' });

  const xingfu = await demoPlacesOf(dataSource, '幸福苑小区');
  clock.at(60);
  await moves.move(street, xingfu.compoundId, { stage: PipelineStage.Reserve, note: '区住建委批复列入储备项目' });
  await gates.recordOwnersOrganisation(street, xingfu.compoundId, { kind: OwnersOrganisationKind.PropertyManagementCommittee, name: '幸福苑小区物业管理委员会', formedOn: '2026-05-20' });
  await windowGuardRound(dataSource, round, committee, xingfu.compoundId, clock, ago);
  clock.at(44);
  await scheduler.sweep();
  clock.at(42);
  await gates.recordGate(street, xingfu.compoundId, PipelineGate.IllegalStructuresCleared, { met: false, note: '2号楼住户不同意拆除外窗护栏，其余各楼已拆除' });

  const hongxing = await demoPlacesOf(dataSource, '红星小区');
  clock.at(10);
  await moves.move(street, hongxing.compoundId, { stage: PipelineStage.Reserve, note: '区住建委批复列入储备项目' });
  await gates.recordGate(street, hongxing.compoundId, PipelineGate.FundPledge, { required: true, note: '本小区专项维修资金余额不足，须先征询补建续筹承诺' });
}

/** On paper, collected door to door: 126 of 光明里小区's 180 households take part (over two thirds), 108 agree (Civil Code art. 278, ordinary matter). */
async function serviceAgreementRound(dataSource: DataSource, { consultations, responses }: Round, committee: StaffActor, compoundId: string, clock: DemoClock, iso: (daysAgo: number) => string) {
  clock.at(105);
  const agreement = await consultations.create(committee, {
    compoundId,
    kind: ConsultationKind.PropertyServiceAgreement,
    title: DEMO_SERVICE_AGREEMENT_TITLE,
    body: '拟引入物业服务企业，服务标准为北京市住宅物业服务标准二级，物业费每月每平方米1.20元。按《民法典》第二百七十八条，由参与表决的专有部分面积和人数均过半数同意。',
    rule: DecisionRule.CivilCodeOrdinary,
    groupBy: GroupBy.Compound,
    opensAt: iso(104),
    deadline: iso(90),
  } satisfies CreateConsultationRequest);
  await consultations.publish(committee, agreement.id);
  const households = await dataSource.getRepository(Household).find({ select: { id: true }, where: { compoundId }, order: { label: 'ASC' } });
  const paperScanPng = demoPaperFormPng();
  for (const [i, household] of households.slice(0, 126).entries()) {
    clock.at(103 - i * 0.1);
    await responses.submit(committee, agreement.id, household.id, { answer: i % 7 === 3 ? Answer.Refuse : Answer.Agree, acknowledgedDisclosureIds: [], channel: AnswerChannel.Paper, paperScanPng });
  }
}

/** 幸福苑小区2号楼 by building: 7 agree, 11 refuse, the rest silent at the deadline: it fails. */
async function windowGuardRound(dataSource: DataSource, { consultations, responses }: Round, committee: StaffActor, compoundId: string, clock: DemoClock, iso: (daysAgo: number) => string) {
  clock.at(58);
  const building = await dataSource.getRepository(Building).findOneByOrFail({ compoundId, name: DEMO_EXCLUDED_BUILDING });
  const units = await dataSource.getRepository(Unit).find({ select: { id: true }, where: { buildingId: building.id }, order: { name: 'ASC' } });
  const consent = await consultations.create(committee, {
    compoundId,
    kind: ConsultationKind.WindowGuardConsent,
    title: DEMO_WINDOW_GUARD_TITLE,
    body: '改造须先拆除外窗护栏和楼顶、楼道的违法建设。按楼栋征询，同意的楼栋纳入本年度改造计划；不同意的楼栋不列入本年度改造计划。',
    rule: DecisionRule.CivilCodeOrdinary,
    groupBy: GroupBy.Building,
    unitIds: units.map((u) => u.id),
    opensAt: iso(57),
    deadline: iso(45),
  } satisfies CreateConsultationRequest);
  await consultations.publish(committee, consent.id);
  const households = await dataSource.getRepository(Household).find({ select: { id: true }, where: { unitId: units[0].id }, order: { label: 'ASC' } });
  const more = await dataSource.getRepository(Household).find({ select: { id: true }, where: { unitId: units[1].id }, order: { label: 'ASC' } });
  const paperScanPng = demoPaperFormPng();
  for (const [i, household] of [...households, ...more].slice(0, 18).entries()) {
    clock.at(56 - i * 0.5);
    await responses.submit(committee, consent.id, household.id, { answer: i < 7 ? Answer.Agree : Answer.Refuse, acknowledgedDisclosureIds: [], channel: AnswerChannel.Paper, paperScanPng });
  }
}
