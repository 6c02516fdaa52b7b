import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { ObjectionsService } from '../publicity/objections.service.js';
import { PublicityPublisher } from '../publicity/publicity-publish.service.js';
import { demoPlacesOf, demoResidentByOpenid, demoStaffActor } from './demo-actors.js';
import { seedDemoBoards } from './demo-boards.js';
import { DEMO_OBJECTOR_FLAT, DEMO_OBJECTOR_OPENID, DEMO_REFUSAL_FLAT } from './demo-closed-rounds.js';
import { DemoClock, onDemoClock } from './demo-on-clock.js';
import { seedDemoSurveys } from './demo-surveys.js';

/** Objections as filed and answered; `daysAgo` on the seeder's clock. */
export const DEMO_OBJECTIONS = {
  /** 1号楼 (final): 1号楼2单元301 doubts its neighbour's refusal; not upheld. */
  final: {
    filer: ['1号楼', '2单元', '301'] as const,
    entry: DEMO_REFUSAL_FLAT,
    text: '601住户以前跟我说过愿意改造，公示上却是不同意，请社区核实，别让整个单元改不成。',
    resolution: '经核实，601户提交的书面意见为不同意；社区会同业主委员会三次上门沟通均有记录，该户仍不同意，已书面告知。公示无误。',
  },
  /** 4号楼1单元 (preliminary): 402 says it agreed; not upheld. */
  answered: {
    filer: ['4号楼', '1单元', '402'] as const,
    text: '我家记得选的是同意，公示上显示不同意，请核实。',
    resolution: '经调取您户的答复记录（在线提交，有提交时间和存证编号），您户提交的意见为不同意，公示无误。如对记录有疑问，可到居委会查看书面申请。',
  },
  /** 4号楼1单元602 (demo-objector), silent at the deadline: still open. */
  open: {
    text: '我家在截止前两天就把签了“同意”的纸质意见表交给了楼门长，公示却显示未表态，请核实。',
  },
} as const;

/**
 * Issue 12 in the demo: the two closed rounds of 幸福苑小区 published — 1号楼's final, after an
 * objection answered in its window; the elevator consultation's preliminary yesterday, its window open six more
 * days, one objection answered and one open — then 光明里小区's boards, complaints and surveys.
 */
export async function seedDemoPublicity(app: INestApplicationContext, rounds: { finalId: string; preliminaryId: string }): Promise<void> {
  const now = app.get(Clock).now();
  const dataSource = app.get(DataSource);
  const clock = new DemoClock(now);
  const publisher = onDemoClock(app, PublicityPublisher, clock);
  const objections = onDemoClock(app, ObjectionsService, clock);
  const committee = await demoStaffActor(dataSource, 'committee-demo');
  const place = await demoPlacesOf(dataSource, '幸福苑小区');
  const ownerOf = (flat: readonly [string, string, string]) => demoResidentByOpenid(dataSource, `demo-owner-${place.household(...flat)}`);

  const final = DEMO_OBJECTIONS.final;
  clock.at(19);
  await publisher.preliminary(committee, rounds.finalId, 7);
  clock.at(17);
  const doubted = await objections.file(await ownerOf(final.filer), rounds.finalId, { householdId: place.household(...final.entry), text: final.text });
  clock.at(15);
  await objections.answer(committee, rounds.finalId, doubted.id, { resolution: final.resolution, upheld: false });
  clock.at(11);
  await publisher.final(committee, rounds.finalId);

  clock.at(1);
  await publisher.preliminary(committee, rounds.preliminaryId, 7);
  clock.at(0.8);
  const answered = DEMO_OBJECTIONS.answered;
  const mistaken = await objections.file(await ownerOf(answered.filer), rounds.preliminaryId, { householdId: place.household(...answered.filer), text: answered.text });
  clock.at(0.3);
  await objections.answer(committee, rounds.preliminaryId, mistaken.id, { resolution: answered.resolution, upheld: false });
  clock.at(0.1);
  const objector = await demoResidentByOpenid(dataSource, DEMO_OBJECTOR_OPENID);
  await objections.file(objector, rounds.preliminaryId, { householdId: place.household(...DEMO_OBJECTOR_FLAT), text: DEMO_OBJECTIONS.open.text });

  await seedDemoBoards(app, now);
  await seedDemoSurveys(app, now);
}
