/**
 * In-home works and booking (API.md "In-home works and booking"): the contract's shapes and the pure
 * rules both the server and the mini-program apply (publishing, windows, booking cut-off, reminders).
 */

import type { AcceptanceStatus, WorkKind } from './acceptance.js';
import { fromShanghai, shanghaiClock, shanghaiDate, shanghaiParts } from './time-zone.js';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

export enum WorkPlanStatus {
  Draft = 'DRAFT',
  Published = 'PUBLISHED',
}

/** Why a unit of a plan cannot be published yet; every one is listed at once so staff fix them all. */
export enum WorkProblemReason {
  /** Its plumbing group is not REACHED: not every household applied in writing (seed 004 §一). */
  GroupNotReached = 'GROUP_NOT_REACHED',
  /** A household of it has not been screened for special needs. */
  NotScreened = 'NOT_SCREENED',
  /** A household of it needs care and has no care plan. */
  NeedsCarePlan = 'NEEDS_CARE_PLAN',
  /** A window of it starts sooner than the advance-notice period. */
  NoticeTooShort = 'NOTICE_TOO_SHORT',
  /** It has no work window, so nobody could book. */
  NoWindow = 'NO_WINDOW',
  /** It is already in another published plan of the same consultation. */
  AlreadyPlanned = 'ALREADY_PLANNED',
}

export interface WorkStep {
  title: string;
  description: string;
}

/** `POST /api/work-plans`. The water fields are printed on the stairwell notice. */
export interface CreateWorkPlanRequest {
  compoundId: string;
  consultationId: string;
  title: string;
  steps: WorkStep[];
  unitIds: string[];
  /** What the crew does in the flats: picks the inspection template and the warranty parts (PLUMBING when left out). */
  kind?: WorkKind;
  /** When and how long the water is cut, e.g. 「施工当天 8:00—18:00 全单元停水」. */
  waterCut?: string;
  /** Temporary water, e.g. 「一楼楼道口设临时水龙头，需送水的住户请联系居委会」. */
  temporaryWater?: string;
  /** Temporary sewage, e.g. 「停水期间请勿使用马桶，小区东门设临时厕所」. */
  temporarySewage?: string;
  /** The crew's phone printed on the notice; the compound's emergency phone when left out. */
  contactPhone?: string;
}

/** `PATCH /api/work-plans/{id}` while the plan is a draft. */
export type UpdateWorkPlanRequest = Partial<Omit<CreateWorkPlanRequest, 'compoundId' | 'consultationId' | 'kind'>>;

/** `POST /api/work-plans/{id}/windows`. */
export interface CreateWorkWindowRequest {
  unitId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** Kept first for households whose care plan asks for a priority window (优先时段). */
  priority?: boolean;
}

export interface WorkWindowView {
  id: string;
  unitId: string;
  unitLabel: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  remaining: number;
  priority: boolean;
}

export interface WorkPlanUnitView {
  unitId: string;
  label: string;
  households: number;
}

export interface WorkPlanView {
  id: string;
  compoundId: string;
  consultationId: string;
  title: string;
  kind: WorkKind;
  status: WorkPlanStatus;
  steps: WorkStep[];
  waterCut: string | null;
  temporaryWater: string | null;
  temporarySewage: string | null;
  contactPhone: string | null;
  units: WorkPlanUnitView[];
  windows: WorkWindowView[];
  createdAt: string;
  publishedAt: string | null;
}

/** One row of `GET /api/work-plans?compoundId=`. */
export interface WorkPlanSummary {
  id: string;
  title: string;
  kind: WorkKind;
  status: WorkPlanStatus;
  units: number;
  windows: number;
  booked: number;
  households: number;
  firstStartsAt: string | null;
  publishedAt: string | null;
}

export interface WorkPlanProblem {
  unitId: string;
  label: string;
  /** One sentence a committee member can act on, e.g. 「301 尚未完成特殊需求排查」. */
  reason: string;
  code: WorkProblemReason;
}

/** `PUT /api/households/{householdId}/booking`. */
export interface BookingRequest {
  workPlanId: string;
  windowId: string;
  /** The number the crew rings on the day; the household's roster phone when left out. */
  contactPhone?: string;
}

export interface BookingView {
  householdId: string;
  workPlanId: string;
  windowId: string;
  startsAt: string;
  endsAt: string;
  unitLabel: string;
  householdLabel: string;
  contactPhone: string | null;
  bookedAt: string;
  /** Who booked: the resident themself or committee staff on their behalf. */
  bookedBy: 'RESIDENT' | 'STAFF';
  /** Moving and cancelling close at this moment. */
  changesCloseAt: string;
}

/** One window as a resident sees it: no other household is ever named. */
export interface MyWorkWindow {
  id: string;
  startsAt: string;
  endsAt: string;
  remaining: number;
  priority: boolean;
  /** False while the window is held for care households, or after its cut-off. */
  bookable: boolean;
  /** Why it cannot be booked now, in words for the resident; null when it can. */
  unavailableReason: string | null;
}

/** One entry of `GET /api/me/work-windows`. */
export interface MyWorkPlan {
  householdId: string;
  householdLabel: string;
  workPlanId: string;
  title: string;
  steps: WorkStep[];
  waterCut: string | null;
  temporaryWater: string | null;
  temporarySewage: string | null;
  contactPhone: string | null;
  windows: MyWorkWindow[];
  booking: BookingView | null;
  kind: WorkKind;
  /** The household's acceptance of the plan once the crew recorded an inspection; null before. */
  acceptance: { status: AcceptanceStatus; inspected: boolean; canAccept: boolean } | null;
}

export interface CrewHousehold {
  householdId: string;
  label: string;
  contactPhone: string | null;
  /** The care plan's one line for the crew (what to do, never the diagnosis); null without a plan. */
  assistanceNote: string | null;
}

/** `GET /api/work-plans/{id}/bookings`: what the crew needs and nothing more. */
export interface CrewList {
  windows: Array<{ windowId: string; unitId: string; unitLabel: string; startsAt: string; endsAt: string; capacity: number; priority: boolean; households: CrewHousehold[] }>;
  unbooked: Array<{ householdId: string; label: string; unitId: string }>;
}

// ---------------------------------------------------------------------------------------------
// Pure rules
// ---------------------------------------------------------------------------------------------

export const WORK_LIMITS = {
  titleMax: 60,
  stepsMax: 12,
  stepTitleMax: 20,
  stepDescriptionMax: 200,
  arrangementMax: 200,
  unitsMax: 200,
  capacityMax: 100,
  /** A riser replacement takes one to three days; a longer window is a typo. */
  windowMaxDays: 3,
  windowsPerUnitMax: 30,
} as const;

/** The usual order of a riser replacement (DOMAIN.md), offered as the default steps of a new plan. */
export const DEFAULT_WORK_STEPS: WorkStep[] = [
  { title: '断水', description: '施工当天全单元关闭总阀停水，请提前储水。' },
  { title: '拆除旧立管', description: '拆除厨房、卫生间内的旧给水、排水立管。' },
  { title: '安装新立管', description: '安装新立管并逐户连接支管。' },
  { title: '通球试验', description: '对排水立管逐根做通球试验，确保畅通。' },
  { title: '管根防水', description: '管道穿楼板处做防水封堵，确保不渗不漏。' },
  { title: '恢复面层', description: '按基本恢复标准恢复墙面、地面。' },
];

/** Places still free in a window (never negative, whatever a concurrent change did to the counter). */
export const placesLeft = (capacity: number, booked: number): number => Math.max(0, capacity - booked);

/** What is wrong with a window's times and capacity, or null. */
export function windowProblem(startsAt: Date, endsAt: Date, capacity: number): string | null {
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) return '开始和结束时间须为有效的日期时间';
  if (endsAt.getTime() <= startsAt.getTime()) return '结束时间须晚于开始时间';
  if (endsAt.getTime() - startsAt.getTime() > WORK_LIMITS.windowMaxDays * DAY_MS) return `一个施工时段最长${WORK_LIMITS.windowMaxDays}天`;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > WORK_LIMITS.capacityMax) return `每个时段可安排的户数须为 1 到 ${WORK_LIMITS.capacityMax} 之间的整数`;
  return null;
}

/** The earliest a window may start when the plan is published at `now` (advance notice, seed 004 §七). */
export function earliestWindowStart(now: Date, noticeDays: number): Date {
  return new Date(now.getTime() + noticeDays * DAY_MS);
}

export function noticeTooShort(startsAt: Date, now: Date, noticeDays: number): boolean {
  return startsAt.getTime() < earliestWindowStart(now, noticeDays).getTime();
}

/** Moving and cancelling a booking close `cutoffHours` before its window starts. */
export function bookingChangesCloseAt(startsAt: Date, cutoffHours: number): Date {
  return new Date(startsAt.getTime() - cutoffHours * HOUR_MS);
}

export function bookingClosed(startsAt: Date, now: Date, cutoffHours: number): boolean {
  return now.getTime() >= bookingChangesCloseAt(startsAt, cutoffHours).getTime();
}

/** Facts about one unit of a plan at the moment of publishing. */
export interface UnitPublishFacts {
  unitId: string;
  label: string;
  /** The unit's group state in the plan's consultation; null when the unit is not in it. */
  groupState: string | null;
  /** Rooms not yet screened (no health detail in that). */
  notScreened: string[];
  /** How many households need care and have no care plan: a count, never which. */
  needsPlan: number;
  /** Start times of the unit's windows in this plan. */
  windowStarts: Date[];
  /** Title of another published plan of the same consultation holding this unit, or null. */
  otherPlanTitle: string | null;
}

const listRooms = (rooms: string[]) => (rooms.length <= 6 ? rooms.join('、') : `${rooms.slice(0, 6).join('、')}等${rooms.length}户`);

/**
 * Every reason each unit is not ready, in unit order then reason order; empty when the plan may be
 * published. Which rooms need care is health information (PIPL art. 28): the problem gives the
 * count only, and screening staff find the rooms on the (logged) screening list.
 */
export function publishProblems(units: UnitPublishFacts[], now: Date, noticeDays: number): WorkPlanProblem[] {
  const problems: WorkPlanProblem[] = [];
  for (const unit of units) {
    const add = (code: WorkProblemReason, reason: string) => problems.push({ unitId: unit.unitId, label: unit.label, code, reason });
    if (unit.groupState !== 'REACHED') add(WorkProblemReason.GroupNotReached, '本单元尚未全部住户提交书面申请，不能入户施工');
    if (unit.notScreened.length) add(WorkProblemReason.NotScreened, `${listRooms(unit.notScreened)}尚未完成特殊需求排查`);
    if (unit.needsPlan > 0) add(WorkProblemReason.NeedsCarePlan, `有${unit.needsPlan}户需要照顾，尚未制定照顾方案，请在“特殊需求排查”中处理`);
    if (!unit.windowStarts.length) add(WorkProblemReason.NoWindow, '本单元还没有施工时段');
    const early = unit.windowStarts.filter((start) => noticeTooShort(start, now, noticeDays)).length;
    if (early) add(WorkProblemReason.NoticeTooShort, `有${early}个时段距今不足${noticeDays}天，须提前${noticeDays}天告知住户`);
    if (unit.otherPlanTitle) add(WorkProblemReason.AlreadyPlanned, `本单元已在已发布的施工计划“${unit.otherPlanTitle}”中`);
  }
  return problems;
}

/** Facts about one window as one household would book it. */
export interface WindowBookingFacts {
  startsAt: Date;
  priority: boolean;
  /** The plan's publishing moment. */
  publishedAt: Date;
  /** The household's care plan has a PRIORITY_WINDOW measure. */
  householdHasPriority: boolean;
}

/** How long priority windows stay held for care households after publishing. */
export function priorityHeldUntil(publishedAt: Date, holdHours: number): Date {
  return new Date(publishedAt.getTime() + holdHours * HOUR_MS);
}

export type BookingRefusal = 'BOOKING_CLOSED' | 'PRIORITY_WINDOW_HELD';

/** Whether a household may book (or move into) this window now; remaining capacity is checked under the row lock, not here. */
export function bookingRefusal(window: WindowBookingFacts, now: Date, cutoffHours: number, holdHours: number): BookingRefusal | null {
  if (bookingClosed(window.startsAt, now, cutoffHours)) return 'BOOKING_CLOSED';
  if (window.priority && !window.householdHasPriority && now.getTime() < priorityHeldUntil(window.publishedAt, holdHours).getTime()) return 'PRIORITY_WINDOW_HELD';
  return null;
}

export const BOOKING_REFUSAL_TEXT: Record<BookingRefusal, string> = {
  BOOKING_CLOSED: '已过预约截止时间，如需调整请联系社区居委会',
  PRIORITY_WINDOW_HELD: '此时段暂为需要照顾的住户保留',
};

/** Windows in the order a household is offered them: its priority windows first when it needs one, then by start. */
export function windowsInOfferOrder<T extends { startsAt: string; priority: boolean }>(windows: T[], householdHasPriority: boolean): T[] {
  return [...windows].sort((a, b) => {
    if (householdHasPriority && a.priority !== b.priority) return a.priority ? -1 : 1;
    return a.startsAt.localeCompare(b.startsAt);
  });
}

/** The day-before reminder goes from this moment (local time `hhmm` on the previous Shanghai day) until the window starts. */
export function workTomorrowFrom(startsAt: Date, hhmm: string): Date {
  const dayBefore = new Date(fromShanghai(shanghaiDate(startsAt)).getTime() - DAY_MS);
  return fromShanghai(shanghaiDate(dayBefore), hhmm);
}

export function workTomorrowDue(startsAt: Date, now: Date, hhmm: string): boolean {
  return now.getTime() >= workTomorrowFrom(startsAt, hhmm).getTime() && now.getTime() < startsAt.getTime();
}

/**
 * Booking reminders to a household that has not booked: one `afterHours` after publishing, and a
 * last one a day before the last window it could still book closes. Returns the tags due now.
 */
export function bookingRemindersDue(publishedAt: Date, lastCloseAt: Date | null, now: Date, afterHours: number): Array<'first' | 'last'> {
  if (!lastCloseAt || now.getTime() >= lastCloseAt.getTime()) return [];
  const due: Array<'first' | 'last'> = [];
  if (now.getTime() >= publishedAt.getTime() + afterHours * HOUR_MS) due.push('first');
  if (now.getTime() >= lastCloseAt.getTime() - DAY_MS) due.push('last');
  return due;
}

/** The dedupe keys of works reminders: each says what the household is told, so it is told once. */
export const worksReminderKey = {
  announced: (planId: string, householdId: string) => `works:${planId}:${householdId}`,
  tomorrow: (windowId: string, householdId: string) => `work-tomorrow:${windowId}:${householdId}`,
  booking: (planId: string, householdId: string, tag: 'first' | 'last') => `book:${planId}:${householdId}:${tag}`,
};

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 「12月8日（周二）」 in Asia/Shanghai. */
export function workDayText(instant: Date | string): string {
  const p = shanghaiParts(instant);
  return `${p.month}月${p.day}日（周${WEEKDAYS[p.weekday]}）`;
}

/** 「12月8日（周二）08:00—18:00」, or across days 「12月8日（周二）08:00—12月9日（周三）18:00」, in Asia/Shanghai. */
export function windowSpanText(startsAt: Date | string, endsAt: Date | string): string {
  const sameDay = shanghaiDate(startsAt) === shanghaiDate(endsAt);
  return `${workDayText(startsAt)}${shanghaiClock(startsAt)}—${sameDay ? '' : workDayText(endsAt)}${shanghaiClock(endsAt)}`;
}
