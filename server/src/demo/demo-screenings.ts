import type { INestApplicationContext } from '@nestjs/common';
import {
  LegalBasis,
  MeasureKind,
  NeedCode,
  fromShanghai,
  shanghaiDate,
  type CarePlanRequest,
  type ScreeningRequest,
} from '@linyi/shared';
import { DataSource } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import { MyScreeningService } from '../special-needs/my-screening.service.js';
import { ScreeningScanStore } from '../special-needs/screening-scan.store.js';
import { ScreeningService } from '../special-needs/screening.service.js';
import { SensitiveAccessLogService } from '../special-needs/sensitive-access-log.service.js';
import { bindDemoResident, demoPlacesOf, demoStaffActor } from './demo-actors.js';
import { greyscalePng } from './greyscale-png.js';

const DAY = 24 * 3600 * 1000;
/** Minutes between two doors on a screening round. */
const DOOR_MINUTES = 8;

/** The resident of 1号楼2单元301 who consented online (H5: dev login with this openid). */
export const DEMO_CARE_WATER_OPENID = 'demo-care-water';

/**
 * Every sensitive text of the demo screenings: the leak test scans API responses for them. The
 * assistance lines are shown to the crew on one route only, the crew list of a work plan
 * (`GET /api/work-plans/{id}/bookings`, JSON and XLSX, each showing logged as CREW_LIST), for booked
 * households; the notes, need codes and care contacts reach no contractor or neighbour anywhere.
 */
export const DEMO_SCREENING_SECRETS = {
  elderlyNote: '独居，住五楼，腿脚不便，上下楼要人扶。女儿住在海淀，每周来两次。',
  elderlyAssistance: '施工前一天先给女儿打电话，请她到场',
  elderlyContactPhone: '13601012288',
  waterNote: '家中老人每天在家做腹膜透析，要一直有干净的水，停水超过半天会有危险。',
  waterAssistance: '停水前两小时通知，送两桶饮用水上门',
  waterContactPhone: '13601013377',
  infantNote: '家有三个月大的婴儿，中午要睡觉，每天要用热水冲奶、洗澡。',
  infantAssistance: '中午12点到2点不施工，开工前一天提醒家里储水',
  hearingNote: '老人耳背，敲门听不见，助听器常不戴；儿子白天上班，晚上七点后在家。',
} as const;
const S = DEMO_SCREENING_SECRETS;

const NOTHING_NEEDED: ScreeningRequest = { needsCare: false };

const ELDERLY: ScreeningRequest = { needsCare: true, needs: [NeedCode.ElderlyAlone, NeedCode.Mobility], note: S.elderlyNote, legalBasis: LegalBasis.StatutoryDuty };
const ELDERLY_PLAN: CarePlanRequest = {
  measures: [
    { kind: MeasureKind.Helper, description: '施工当天女儿到场陪同；女儿来不了时居委会派志愿者陪同' },
    { kind: MeasureKind.PriorityWindow, description: '安排在女儿来探望的日子（周三或周六）上午施工' },
  ],
  contactName: '女儿 周女士',
  contactPhone: S.elderlyContactPhone,
  assistanceNote: S.elderlyAssistance,
};

/** SEPARATE_CONSENT without a scan: the resident's own online consent is the evidence. */
const WATER: ScreeningRequest = { needsCare: true, needs: [NeedCode.MedicalWater], note: S.waterNote, legalBasis: LegalBasis.SeparateConsent };
const WATER_PLAN: CarePlanRequest = {
  measures: [
    { kind: MeasureKind.WaterDelivery, description: '停水期间居委会每天送两桶饮用水上门' },
    { kind: MeasureKind.PriorityWindow, description: '停水安排在上午，不超过四小时' },
  ],
  contactName: '儿子 孙先生',
  contactPhone: S.waterContactPhone,
  assistanceNote: S.waterAssistance,
};

const infant = (): ScreeningRequest => ({
  needsCare: true,
  needs: [NeedCode.Infant],
  note: S.infantNote,
  legalBasis: LegalBasis.SeparateConsent,
  consentScanPng: `data:image/png;base64,${demoConsentFormPng().toString('base64')}`,
});
const INFANT_PLAN: CarePlanRequest = {
  measures: [
    { kind: MeasureKind.PriorityWindow, description: '避开中午12点到下午2点施工' },
    { kind: MeasureKind.Other, description: '开工前一天电话提醒家里储水' },
  ],
  contactName: null,
  contactPhone: null,
  assistanceNote: S.infantAssistance,
};

/** Screened under the statutory duty, no plan yet: the unit list shows it as "needs a plan". */
const HEARING: ScreeningRequest = { needsCare: true, needs: [NeedCode.Hearing], note: S.hearingNote, legalBasis: LegalBasis.StatutoryDuty };

type Screener = 'committee' | 'street';
type Door = [room: string, by: Screener, request: ScreeningRequest | (() => ScreeningRequest)];

/** 1号楼2单元, the unit that applied unanimously: every door, the street office with the committee at 502. */
const UNIT_2_ROUND: Door[] = [
  ['101', 'committee', NOTHING_NEEDED],
  ['102', 'committee', NOTHING_NEEDED],
  ['201', 'committee', NOTHING_NEEDED],
  ['202', 'committee', NOTHING_NEEDED],
  ['301', 'committee', WATER],
  ['302', 'committee', NOTHING_NEEDED],
  ['401', 'committee', NOTHING_NEEDED],
  ['402', 'committee', NOTHING_NEEDED],
  ['501', 'street', NOTHING_NEEDED],
  ['502', 'street', ELDERLY],
  ['601', 'committee', NOTHING_NEEDED],
  ['602', 'committee', NOTHING_NEEDED],
];

/** 1号楼1单元, half done: 402 and the two top floors not yet screened. */
const UNIT_1_ROUND: Door[] = [
  ['101', 'committee', NOTHING_NEEDED],
  ['102', 'committee', NOTHING_NEEDED],
  ['201', 'committee', NOTHING_NEEDED],
  ['202', 'committee', infant],
  ['301', 'committee', NOTHING_NEEDED],
  ['302', 'street', NOTHING_NEEDED],
  ['401', 'committee', HEARING],
];

/**
 * Screenings in 光明里小区 (issue 9): 1号楼2单元 fully screened with two care plans, 1号楼1单元 half
 * screened with one household still without a plan. Dated over the last four days on a clock of
 * the seeder's own, like the demo round; the app's Clock never moves. Each save is logged as a view
 * (it answers with the record), plus two reads by the committee: the street's access log has them all.
 */
export async function seedDemoScreenings(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const now = app.get(Clock).now();
  const clock = new Clock();
  const { screenings, myScreenings } = demoScreeningServices(app, clock);
  const staff: Record<Screener, StaffActor> = { committee: await demoStaffActor(dataSource, 'committee-demo'), street: await demoStaffActor(dataSource, 'street-demo') };
  const places = await demoPlacesOf(dataSource, '光明里小区');
  const flat = (unit: string, room: string) => places.household('1号楼', unit, room);
  const setTime = (daysAgo: number, time: string) => clock.set(shanghaiTime(now, daysAgo, time));
  const round = async (unit: string, doors: Door[]) => {
    for (const [room, by, request] of doors) {
      await screenings.record(staff[by], flat(unit, room), typeof request === 'function' ? request() : request);
      clock.advance(DOOR_MINUTES * 60_000);
    }
  };

  setTime(4, '19:30');
  const water = flat('2单元', '301');
  const waterResident = await bindDemoResident(dataSource, water, DEMO_CARE_WATER_OPENID);
  // Consent to the text this server shows, as the resident's page does.
  const { consentTextVersion } = await myScreenings.read(waterResident, water);
  await myScreenings.consent(waterResident, water, { agreed: true, textVersion: consentTextVersion });

  setTime(3, '09:00');
  await round('2单元', UNIT_2_ROUND);
  setTime(3, '15:00');
  await screenings.saveCarePlan(staff.committee, flat('2单元', '502'), ELDERLY_PLAN);
  setTime(3, '15:20');
  await screenings.saveCarePlan(staff.committee, water, WATER_PLAN);

  setTime(2, '09:30');
  await round('1单元', UNIT_1_ROUND);
  setTime(2, '14:00');
  await screenings.saveCarePlan(staff.committee, flat('1单元', '202'), INFANT_PLAN);

  // The committee checks the water plan before the works meeting, and looks up who still needs one.
  setTime(1, '16:00');
  await screenings.read(staff.committee, water);
  setTime(1, '16:05');
  await screenings.read(staff.committee, flat('1单元', '401'));
}

/** The app's screening services on the seeder's clock (as demo-round-services.ts does for the round). */
function demoScreeningServices(app: INestApplicationContext, clock: Clock): { screenings: ScreeningService; myScreenings: MyScreeningService } {
  const access = app.get(AccessService);
  const transactions = app.get(TransactionRunner);
  const audit = app.get(AuditService);
  const accessLog = app.get(SensitiveAccessLogService);
  return {
    screenings: new ScreeningService(access, transactions, audit, accessLog, app.get(ScreeningScanStore), clock),
    myScreenings: new MyScreeningService(access, transactions, audit, accessLog, clock, app.get<AppConfig>(APP_CONFIG)),
  };
}

/** `time` (HH:mm, Asia/Shanghai) on the day `daysAgo` days before `now`. */
function shanghaiTime(now: Date, daysAgo: number, time: string): Date {
  return fromShanghai(shanghaiDate(now.getTime() - daysAgo * DAY), time);
}

/** A small valid PNG standing in for a scanned, signed consent form: lines of "text" and a signature. */
export function demoConsentFormPng(): Buffer {
  const width = 120;
  const height = 80;
  const stride = width + 1;
  const raw = Buffer.alloc(stride * height, 250);
  for (let y = 0; y < height; y++) raw[y * stride] = 0;
  for (const y of [10, 18, 26, 34, 42]) for (let x = 10; x < 110; x++) raw[y * stride + 1 + x] = 120;
  for (let x = 60; x < 110; x++) raw[(62 + Math.round(4 * Math.sin(x / 4))) * stride + 1 + x] = 30;
  return greyscalePng(width, height, raw);
}
