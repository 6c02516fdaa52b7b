import type { INestApplicationContext } from '@nestjs/common';
import { ConsultationKind, DEFAULT_WORK_STEPS, fromShanghai, shanghaiDate, type CreateWorkPlanRequest, type WorkWindowView } from '@linyi/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { BookingService } from '../works/booking.service.js';
import { WorkPlanPublisher } from '../works/work-plan-publish.service.js';
import { WorkPlansService } from '../works/work-plans.service.js';
import { bindDemoResident, demoPlacesOf, demoResidentByOpenid, demoStaffActor } from './demo-actors.js';
import { DEMO_CARE_WATER_OPENID } from './demo-screenings.js';

const DAY = 24 * 3600 * 1000;

/** The resident of 1号楼2单元602, which has not booked: the browser test books a window with it (H5: dev login with this openid). */
export const DEMO_WORKS_BOOKER_OPENID = 'demo-works-booker';
export const DEMO_WORKS_BOOKER_ROOM = '602';
export const DEMO_PUBLISHED_PLAN_TITLE = '1号楼2单元上下水立管更换';
export const DEMO_DRAFT_PLAN_TITLE = '1号楼1单元、2号楼1单元上下水立管更换';

const ARRANGEMENTS = {
  waterCut: '施工当天 8:30—17:30 本单元关闭总阀停水，当晚恢复供水',
  temporaryWater: '一楼楼道口设临时水龙头；需要送水上门的住户请联系居委会',
  temporarySewage: '停水期间请勿使用马桶和下水，小区东门设临时厕所',
  contactPhone: '010-64007788',
} as const;

type Booker = 'self' | 'committee';
/** 1号楼2单元: 301 and 502 (care plans with a priority window) in the priority window; four more; six unbooked. */
const BOOKINGS: Array<[room: string, window: 0 | 1 | 2, by: Booker]> = [
  ['301', 0, 'self'],
  ['502', 0, 'committee'],
  ['101', 1, 'self'],
  ['201', 1, 'committee'],
  ['102', 2, 'self'],
  ['401', 2, 'committee'],
];

/**
 * In-home works in 光明里小区 (issue 10), on the app's own services and clock (the dates are ahead,
 * so publishing passes the real notice rule): contractor-demo's published plan for 1号楼2单元 (the
 * unanimous, fully screened unit) with windows four to six days ahead and six households booked,
 * which announces the works to every household of the unit; and a draft for 1号楼1单元 and 2号楼1单元
 * that publishing refuses (not unanimous, not screened, a care plan missing).
 */
export async function seedDemoWorks(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const now = app.get(Clock).now();
  const plans = app.get(WorkPlansService);
  const bookings = app.get(BookingService);
  const { noticeDays } = app.get<AppConfig>(APP_CONFIG).works;
  const contractor = await demoStaffActor(dataSource, 'contractor-demo');
  const committee = await demoStaffActor(dataSource, 'committee-demo');
  const place = await demoPlacesOf(dataSource, '光明里小区');
  const consultation = await dataSource.getRepository(Consultation).findOneByOrFail({ compoundId: place.compoundId, kind: ConsultationKind.PlumbingApplication });
  const base = { compoundId: place.compoundId, consultationId: consultation.id, steps: DEFAULT_WORK_STEPS, ...ARRANGEMENTS };
  // Four days ahead, or just past a longer notice period should one be configured.
  const firstDay = Math.max(4, noticeDays + 1);
  const workDay = (days: number, start = '08:30', end = '17:30') => {
    const date = shanghaiDate(now.getTime() + days * DAY);
    return { startsAt: fromShanghai(date, start).toISOString(), endsAt: fromShanghai(date, end).toISOString() };
  };

  const unit2 = place.unit('1号楼', '2单元');
  const published = await plans.create(contractor, { ...base, title: DEMO_PUBLISHED_PLAN_TITLE, unitIds: [unit2] } satisfies CreateWorkPlanRequest);
  const windows: WorkWindowView[] = [];
  for (const offset of [0, 1, 2]) windows.push(await plans.addWindow(contractor, published.id, { unitId: unit2, ...workDay(firstDay + offset), capacity: 4, priority: offset === 0 }));
  await app.get(WorkPlanPublisher).publish(contractor, published.id);

  const flat = (room: string) => place.household('1号楼', '2单元', room);
  const careWater = await demoResidentByOpenid(dataSource, DEMO_CARE_WATER_OPENID);
  for (const [room, window, by] of BOOKINGS) {
    const householdId = flat(room);
    const actor: Actor = by === 'committee' ? committee : room === '301' ? careWater : await demoResidentByOpenid(dataSource, `demo-owner-${householdId}`);
    await bookings.book(actor, householdId, { workPlanId: published.id, windowId: windows[window].id });
  }
  await bindDemoResident(dataSource, flat(DEMO_WORKS_BOOKER_ROOM), DEMO_WORKS_BOOKER_OPENID);

  const unit1 = place.unit('1号楼', '1单元');
  const unit3 = place.unit('2号楼', '1单元');
  const draft = await plans.create(contractor, { ...base, title: DEMO_DRAFT_PLAN_TITLE, unitIds: [unit1, unit3] });
  // The week after the published plan's windows.
  for (const [unitId, days] of [[unit1, 6], [unit1, 7], [unit3, 8], [unit3, 9]] as const) {
    await plans.addWindow(contractor, draft.id, { unitId, ...workDay(firstDay + days), capacity: 4 });
  }
}
