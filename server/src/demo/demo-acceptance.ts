import type { INestApplicationContext } from '@nestjs/common';
import { AcceptanceChannel, AcceptanceDecision, InspectionTest, WarrantyPart, type InspectionResultInput } from '@linyi/shared';
import { DataSource } from 'typeorm';
import type { ResidentActor } from '../auth/actor.js';
import { AcceptanceService } from '../acceptance/acceptance.service.js';
import { OwnerSupervisorsService } from '../acceptance/owner-supervisors.service.js';
import { RepairsService } from '../acceptance/repairs.service.js';
import { SignOffService } from '../acceptance/sign-off.service.js';
import { Household } from '../places/household.entity.js';
import { WorkPlan } from '../works/work-plan.entity.js';
import { bindDemoResident, demoPlacesOf, demoResidentByOpenid, demoStaffActor } from './demo-actors.js';
import { demoSignaturePng } from './demo-consultations.js';
import { DEMO_PUBLISHED_PLAN_TITLE } from './demo-works.js';
import { greyscalePng } from './greyscale-png.js';

/** 1号楼2单元302: inspected, passed, not accepted yet (the browser test accepts with it; H5: dev login with this openid). */
export const DEMO_ACCEPTANCE_OPENID = 'demo-acceptance';
export const DEMO_ACCEPTANCE_ROOM = '302';
/** 1号楼2单元401: accepted, reported a leak at the pipe root, accepted the repair: its waterproofing warranty restarted. */
export const DEMO_WARRANTY_OPENID = 'demo-warranty';
export const DEMO_WARRANTY_ROOM = '401';
/** The resident of 1号楼1单元101, one of the two owner supervisors of 光明里小区. */
export const DEMO_SUPERVISOR_OPENID = 'demo-supervisor';

/** What happened to each household of 1号楼2单元 (201, 301, 601 and 602 are not inspected). */
export const DEMO_ACCEPTANCE_STORY = {
  acceptedOnline: ['101', '102', '401', '402'],
  acceptedOnPaper: ['502'],
  rework: ['202'],
  passedNotAccepted: ['302'],
  failed: ['501'],
  repairAccepted: '401',
  repairOpen: '402',
  signedOff: '101',
} as const;

export const DEMO_DEFECT = '卫生间立管管根处地面有水渍，擦干后半天又渗出来';
export const DEMO_REPAIR_ACCEPTED = { part: WarrantyPart.Waterproofing, description: '卫生间管根处渗水，楼下302天花板有水印' };
export const DEMO_REPAIR_OPEN = { part: WarrantyPart.Finishes, description: '厨房立管旁墙面恢复处出现一条裂缝，约30厘米' };

/** A small greyscale "photo" whose bytes depend on `seed`: each test, defect and repair has its own image. */
export function demoPhotoPng(seed: number): string {
  const width = 96;
  const height = 72;
  const stride = width + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0;
    for (let x = 0; x < width; x++) raw[y * stride + 1 + x] = 150 + ((x * 3 + y * 2 + seed * 17) % 60);
  }
  // A vertical pipe, placed by the seed.
  const pipe = 20 + ((seed * 13) % 50);
  for (let y = 0; y < height; y++) for (let x = pipe; x < pipe + 10; x++) raw[y * stride + 1 + x] = 60;
  return `data:image/png;base64,${greyscalePng(width, height, raw).toString('base64')}`;
}

/** A stand-in for the scan of a paper acceptance form signed by hand: ruled lines and a signature. */
export function demoPaperFormPng(): string {
  const width = 100;
  const height = 140;
  const stride = width + 1;
  const raw = Buffer.alloc(stride * height, 245);
  for (let y = 0; y < height; y++) raw[y * stride] = 0;
  for (const y of [14, 24, 34, 44, 54, 64, 74, 84]) for (let x = 8; x < 92; x++) raw[y * stride + 1 + x] = 110;
  for (let x = 50; x < 92; x++) raw[(112 + Math.round(5 * Math.sin(x / 3))) * stride + 1 + x] = 25;
  return `data:image/png;base64,${greyscalePng(width, height, raw).toString('base64')}`;
}

/** Photos numbered in the order taken: the same demo has the same images on every machine. */
function photoRoll() {
  let seed = 0;
  return () => demoPhotoPng(++seed);
}

function passingResults(photo: () => string): InspectionResultInput[] {
  return [
    { test: InspectionTest.BallPass, passed: true, value: 'Φ75 试验球从顶层投入，一次通过', photoPng: photo() },
    { test: InspectionTest.NoLeak, passed: true, value: '管根闭水 24 小时，楼下无渗漏', photoPng: photo() },
    { test: InspectionTest.WaterPressure, passed: true, value: '0.6 MPa 稳压 15 分钟不降', photoPng: photo() },
  ];
}

/**
 * Acceptance and warranty in 光明里小区 (issue 11), through the real services on the app's clock,
 * in the published plan of 1号楼2单元 (inspections ignore the window dates): four households
 * accepted online and one on paper, one in REWORK, one passed and waiting for its resident, one
 * whose inspection did not pass; a repair accepted (that part's warranty restarted, notice version
 * 2) and one open; two owner supervisors, one of whom signed off an acceptance.
 */
export async function seedDemoAcceptance(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const acceptance = app.get(AcceptanceService);
  const repairs = app.get(RepairsService);
  const contractor = await demoStaffActor(dataSource, 'contractor-demo');
  const committee = await demoStaffActor(dataSource, 'committee-demo');
  const place = await demoPlacesOf(dataSource, '光明里小区');
  const plan = await dataSource.getRepository(WorkPlan).findOneByOrFail({ compoundId: place.compoundId, title: DEMO_PUBLISHED_PLAN_TITLE });
  const workPlanId = plan.id;
  const flat = (room: string) => place.household('1号楼', '2单元', room);
  const signaturePng = `data:image/png;base64,${demoSignaturePng().toString('base64')}`;
  // Bound before the inspections, so the reminder reaches their inboxes.
  const residents = new Map<string, ResidentActor>([
    [DEMO_ACCEPTANCE_ROOM, await bindDemoResident(dataSource, flat(DEMO_ACCEPTANCE_ROOM), DEMO_ACCEPTANCE_OPENID)],
    [DEMO_WARRANTY_ROOM, await bindDemoResident(dataSource, flat(DEMO_WARRANTY_ROOM), DEMO_WARRANTY_OPENID)],
  ]);
  const residentOf = async (room: string): Promise<ResidentActor> => residents.get(room) ?? demoResidentByOpenid(dataSource, `demo-owner-${flat(room)}`);

  const story = DEMO_ACCEPTANCE_STORY;
  const photo = photoRoll();
  for (const room of [...story.acceptedOnline, ...story.acceptedOnPaper, ...story.rework, ...story.passedNotAccepted]) {
    await acceptance.inspect(contractor, flat(room), { workPlanId, results: passingResults(photo) });
  }
  // The closed-water test needs a day: recorded without it, so it does not pass yet.
  for (const room of story.failed) {
    await acceptance.inspect(contractor, flat(room), { workPlanId, results: [passingResults(photo)[0]], note: '管根闭水试验需 24 小时，明天上门复查' });
  }
  for (const room of story.acceptedOnline) {
    await acceptance.decide(await residentOf(room), flat(room), { workPlanId, decision: AcceptanceDecision.Accept, channel: AcceptanceChannel.Online, signaturePng });
  }
  // The elderly resident living alone signed the paper form; the committee entered it with its scan.
  for (const room of story.acceptedOnPaper) {
    await acceptance.decide(committee, flat(room), { workPlanId, decision: AcceptanceDecision.Accept, channel: AcceptanceChannel.Paper, paperScanPng: demoPaperFormPng() });
  }
  for (const room of story.rework) {
    await acceptance.decide(await residentOf(room), flat(room), { workPlanId, decision: AcceptanceDecision.Reject, channel: AcceptanceChannel.Online, defects: [{ description: DEMO_DEFECT, photoPng: photo() }] });
  }

  await seedSupervisors(app, place, workPlanId, flat(story.signedOff), signaturePng);

  const warrantyResident = residents.get(story.repairAccepted)!;
  const repaired = await repairs.report(warrantyResident, flat(story.repairAccepted), { ...DEMO_REPAIR_ACCEPTED, photoPng: photo() });
  await repairs.done(contractor, flat(story.repairAccepted), repaired.id, {
    results: [{ test: InspectionTest.NoLeak, passed: true, value: '管根重做防水，闭水 48 小时无渗漏', photoPng: photo() }],
    note: '凿开管根，重新封堵并刷防水涂料两遍',
  });
  await repairs.decide(warrantyResident, flat(story.repairAccepted), repaired.id, { decision: AcceptanceDecision.Accept, signaturePng });
  await repairs.report(await residentOf(story.repairOpen), flat(story.repairOpen), { ...DEMO_REPAIR_OPEN, photoPng: photo() });
}

/** The committee names the owners of 1号楼1单元101 (with a resident who signs in) and 2号楼1单元101; the first signs off an acceptance. */
async function seedSupervisors(app: INestApplicationContext, place: Awaited<ReturnType<typeof demoPlacesOf>>, workPlanId: string, signedHouseholdId: string, signaturePng: string) {
  const dataSource = app.get(DataSource);
  const committee = await demoStaffActor(dataSource, 'committee-demo');
  const households = [place.household('1号楼', '1单元', '101'), place.household('2号楼', '1单元', '101')];
  const owners = await dataSource.getRepository(Household).findBy(households.map((id) => ({ id })));
  const nameOf = (id: string) => owners.find((h) => h.id === id)!.ownerName ?? '业主监督员';
  await app.get(OwnerSupervisorsService).replace(committee, place.compoundId, { supervisors: households.map((householdId) => ({ householdId, name: nameOf(householdId) })) });
  const supervisor = await bindDemoResident(dataSource, households[0], DEMO_SUPERVISOR_OPENID);
  await app.get(SignOffService).signOff(supervisor, signedHouseholdId, { workPlanId, signaturePng, note: '到场看了通球试验和闭水试验，同意验收' });
}
