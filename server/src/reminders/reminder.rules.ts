/** Reminder rules, pure: quiet hours, local days, which deadline reminders are due, what is still worth sending. Local means Asia/Shanghai (shared time-zone helpers). */
import { fromShanghai, GroupState, shanghaiDate, shanghaiParts } from '@linyi/shared';
import { ReminderKind } from './reminder.entity.js';

const DAY_MS = 24 * 3600 * 1000;

export interface PolicyTimes {
  quietStart: string;
  quietEnd: string;
}

export const DEFAULT_POLICY = {
  onOpen: true,
  daysBefore: [3, 1],
  dailyDigest: true,
  notifyOnReached: true,
  quietStart: '21:00',
  quietEnd: '08:00',
  paused: false,
};

/** "2026-11-26": the day as residents live it, for "one reminder per day". */
export function localDay(at: Date): string {
  return shanghaiDate(at);
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function localMinutes(at: Date): number {
  const local = shanghaiParts(at);
  return local.hour * 60 + local.minute;
}

export function inQuietHours(at: Date, policy: PolicyTimes): boolean {
  const now = localMinutes(at);
  const start = minutesOf(policy.quietStart);
  const end = minutesOf(policy.quietEnd);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The first moment pushes may go: `at` itself, or the end of the quiet hours it falls in. */
export function nextSendTime(at: Date, policy: PolicyTimes): Date {
  if (!inQuietHours(at, policy)) return at;
  let end = fromShanghai(shanghaiDate(at), policy.quietEnd).getTime();
  if (end <= at.getTime()) end += DAY_MS;
  return new Date(end);
}

/** Offsets (days before the deadline) whose reminder moment has come, before the deadline itself. */
export function dueOffsets(deadline: Date, now: Date, daysBefore: number[]): number[] {
  if (now.getTime() >= deadline.getTime()) return [];
  return daysBefore.filter((days) => now.getTime() >= deadline.getTime() - days * DAY_MS).sort((a, b) => a - b);
}

/** Chasing reminders (deadline, nudge) share one key per consultation, household and local day: at most one a day. */
export function dailyCapKey(consultationId: string, householdId: string, at: Date): string {
  return `nag:${consultationId}:${householdId}:${localDay(at)}`;
}

export function validTime(hhmm: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm);
}

/** Kinds that chase an answer: pointless (and residents' top complaint) once the household has answered. */
const CHASING = new Set<ReminderKind>([ReminderKind.ConsultationOpened, ReminderKind.DeadlineReminder, ReminderKind.ManualNudge]);

export function chasesAnswer(kind: ReminderKind): boolean {
  return CHASING.has(kind);
}

/** Notices (issue 12): they tell, they do not chase, so an answer never makes them moot; their push carries no deadline. */
const NOTICES = new Set<ReminderKind>([ReminderKind.PreliminaryResult, ReminderKind.FinalResult, ReminderKind.RefusalNotice, ReminderKind.PlanNotice]);

export function isNotice(kind: ReminderKind): boolean {
  return NOTICES.has(kind);
}

export const SKIP_ANSWERED = 'already answered';
export const SKIP_NOT_REACHED = 'group no longer reached';

/** What is true at the moment a reminder would go out. */
export interface SendTimeFacts {
  kind: ReminderKind;
  /** The household has an answer in the consultation. */
  answered: boolean;
  /** The state of the household's group now; null when it is not in the consultation. */
  groupState: GroupState | null;
}

/** Why a reminder is no longer worth sending (it is then recorded as skipped), or null to send it. */
export function skipReasonAtSend(facts: SendTimeFacts): string | null {
  if (chasesAnswer(facts.kind) && facts.answered) return SKIP_ANSWERED;
  // "Your unit has reached its decision" must not arrive after the unit dropped back.
  if (facts.kind === ReminderKind.GroupReached && facts.groupState !== GroupState.Reached) return SKIP_NOT_REACHED;
  return null;
}

/**
 * What a resident is told when a group reaches its decision, keyed on what they are told (this
 * consultation, this group, this household), not on the event: a unit that goes REACHED → PENDING →
 * REACHED, or REACHED → FAILED → REACHED, is announced once. Nothing announces PENDING or FAILED,
 * so a second "reached" would repeat the first word for word; the live state is in the app.
 */
export function reachedNoticeKey(consultationId: string, groupRowId: string, householdId: string): string {
  return `reached:${consultationId}:${groupRowId}:${householdId}`;
}

/**
 * What a resident who binds to a household later still finds in the inbox: what the household was
 * told (notices, the works announced, its group reached). Not what chased an answer or named a day
 * that has passed: those were for whoever could act on them then.
 */
const LASTING = new Set<ReminderKind>([...NOTICES, ReminderKind.WorksAnnounced, ReminderKind.GroupReached]);

export function reachesLaterMembers(kind: ReminderKind): boolean {
  return LASTING.has(kind);
}
