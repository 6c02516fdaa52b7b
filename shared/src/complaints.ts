/**
 * Complaints and suggestions (问计于民, seed 000 §二(二); the complaint channel of §五(六)), issue 12.
 */

export enum ComplaintTopic {
  Works = 'WORKS',
  Plan = 'PLAN',
  Other = 'OTHER',
}

export const COMPLAINT_TOPIC_LABELS: Record<ComplaintTopic, string> = {
  [ComplaintTopic.Works]: '施工',
  [ComplaintTopic.Plan]: '改造方案',
  [ComplaintTopic.Other]: '其他',
};

export enum ComplaintStatus {
  Open = 'OPEN',
  Replied = 'REPLIED',
}

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  [ComplaintStatus.Open]: '待答复',
  [ComplaintStatus.Replied]: '已答复',
};

export const COMPLAINT_TEXT_MAX = 500;
export const COMPLAINT_REPLY_MAX = 500;

export interface ComplaintRequest {
  householdId: string;
  topic: ComplaintTopic;
  text: string;
  /** Optional photo: data:image/jpeg;base64,… or PNG. */
  photo?: string;
}

export interface ComplaintReplyRequest {
  reply: string;
}

export interface ComplaintView {
  id: string;
  compoundId: string;
  householdId: string;
  householdLabel: string;
  topic: ComplaintTopic;
  text: string;
  hasPhoto: boolean;
  status: ComplaintStatus;
  reply: string | null;
  repliedAt: string | null;
  createdAt: string;
}

/** Street staff: open complaints per compound and how long the oldest has waited. */
export interface StreetComplaintsRow {
  compoundId: string;
  compoundName: string;
  communityName: string;
  open: number;
  oldestOpenAt: string | null;
  /** Whole days the oldest open complaint has waited (Asia/Shanghai days). */
  oldestOpenDays: number | null;
}

/** What the street overview and the lists need of a complaint. */
export interface ComplaintFacts {
  status: ComplaintStatus;
  createdAt: Date | string;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of an instant, as a day number: whole days are counted between calendar days, not 24-hour spans. */
const shanghaiDayNumber = (instant: Date | string) => Math.floor((new Date(instant).getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);

/** Whole Asia/Shanghai days from `since` to `now` (filed yesterday evening, asked this morning: 1 day). */
export function daysWaited(since: Date | string, now: Date | string): number {
  return Math.max(0, shanghaiDayNumber(now) - shanghaiDayNumber(since));
}

/** Open complaints first, then oldest first; the id breaks ties so the order is stable. */
export function complaintsInQueueOrder<T extends ComplaintFacts & { id: string }>(complaints: T[]): T[] {
  const rank = (c: T) => (c.status === ComplaintStatus.Open ? 0 : 1);
  return [...complaints].sort((a, b) => rank(a) - rank(b) || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id.localeCompare(b.id));
}

/** A compound's line of the street overview: how many are open, and how long the oldest open one has waited. */
export function openComplaintsSummary(complaints: ComplaintFacts[], now: Date | string): { open: number; oldestOpenAt: string | null; oldestOpenDays: number | null } {
  const open = complaints.filter((c) => c.status === ComplaintStatus.Open).map((c) => new Date(c.createdAt).getTime());
  if (!open.length) return { open: 0, oldestOpenAt: null, oldestOpenDays: null };
  const oldest = new Date(Math.min(...open));
  return { open: open.length, oldestOpenAt: oldest.toISOString(), oldestOpenDays: daysWaited(oldest, now) };
}

/** A reply is given once: a second one would rewrite what the household was told. */
export function replyRefusal(status: ComplaintStatus): 'COMPLAINT_ALREADY_REPLIED' | null {
  return status === ComplaintStatus.Replied ? 'COMPLAINT_ALREADY_REPLIED' : null;
}
