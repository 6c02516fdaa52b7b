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
