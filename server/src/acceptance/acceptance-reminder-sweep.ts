import { Injectable } from '@nestjs/common';
import { AcceptanceStatus, WorkPlanStatus } from '@linyi/shared';
import { rawDateToIso } from '../common/raw-date.js';
import { Household } from '../places/household.entity.js';
import type { PlannedReminder } from '../reminders/reminder-planner.js';
import { policyOf } from '../reminders/reminder-policies.js';
import { ReminderKind } from '../reminders/reminder.entity.js';
import { ReminderSweepTask } from '../reminders/reminder-sweep-task.js';
import { WorkPlan } from '../works/work-plan.entity.js';
import { acceptanceFollowUpDue, acceptanceReminderKey } from './acceptance-reminder.rules.js';
import { acceptanceReminderTexts } from './acceptance-reminder-texts.js';
import { HouseholdAcceptance } from './household-acceptance.entity.js';

const BATCH = 500;
const DAY_MS = 24 * 3600 * 1000;

interface Candidate {
  id: string;
  householdId: string;
  workPlanId: string;
  lastInspectionId: string;
  status: AcceptanceStatus;
  lastInspectionPassed: boolean | number;
  inspectedSinceRework: boolean | number;
  passedAt: Date;
  consultationId: string;
  title: string;
  label: string;
}

/**
 * The one follow-up "please accept": `acceptanceReminderAfterDays` after the passing inspection, to
 * households of published plans that still have not accepted it. Keyed on that inspection, so each is
 * planned once however often the sweep runs; it counts toward the consultation's daily cap like other
 * chasing reminders. Beyond that the committee chases (the progress view lists them first).
 */
@Injectable()
export class AcceptanceReminderSweep extends ReminderSweepTask {
  protected readonly log = { context: 'acceptance', failure: 'acceptance reminder sweep failed' };

  protected intervalMs() {
    return this.config.acceptanceSweepMs;
  }

  async run(): Promise<{ planned: number }> {
    const now = this.clock.now();
    const days = this.config.acceptanceReminderAfterDays;
    let planned = 0;
    for (let after = ''; ; ) {
      const batch = await this.candidates(after, new Date(now.getTime() - days * DAY_MS));
      if (!batch.length) break;
      const due = batch.filter((row) => acceptanceFollowUpDue({ ...row, lastInspectionPassed: !!row.lastInspectionPassed, inspectedSinceRework: !!row.inspectedSinceRework }, now, days));
      for (const [consultationId, rows] of groupBy(due, (row) => row.consultationId)) {
        const policy = await policyOf(this.transactions.dataSource.manager, consultationId);
        planned += (await this.transactions.run((manager) => this.planner.plan(manager, rows.map(followUp), now, policy))).length;
      }
      after = batch[batch.length - 1].id;
    }
    return { planned };
  }

  /** Not accepted, passed on or before `passedBy`, in a published plan: the SQL narrows, `acceptanceFollowUpDue` decides. */
  private candidates(after: string, passedBy: Date): Promise<Candidate[]> {
    return this.transactions.dataSource.manager
      .createQueryBuilder(HouseholdAcceptance, 'a')
      .innerJoin(WorkPlan, 'p', 'p.id = a.workPlanId')
      .innerJoin(Household, 'h', 'h.id = a.householdId')
      .select(['a.id AS id', 'a.householdId AS householdId', 'a.workPlanId AS workPlanId', 'a.lastInspectionId AS lastInspectionId', 'a.status AS status'])
      .addSelect(['a.lastInspectionPassed AS lastInspectionPassed', 'a.inspectedSinceRework AS inspectedSinceRework', 'a.passedAt AS passedAt'])
      .addSelect(['p.consultationId AS consultationId', 'p.title AS title', 'h.label AS label'])
      .where('a.id > :after', { after })
      .andWhere('a.status <> :accepted', { accepted: AcceptanceStatus.Accepted })
      .andWhere('a.passedAt IS NOT NULL AND a.passedAt <= :passedBy', { passedBy })
      .andWhere('a.lastInspectionId IS NOT NULL')
      .andWhere('p.status = :published', { published: WorkPlanStatus.Published })
      .orderBy('a.id', 'ASC')
      .limit(BATCH)
      .getRawMany<Candidate>()
      .then((rows) => rows.map((row) => ({ ...row, passedAt: new Date(rawDateToIso(row.passedAt)!) })));
  }
}

function followUp(row: Candidate): PlannedReminder {
  return {
    kind: ReminderKind.AcceptanceDue,
    consultationId: row.consultationId,
    householdId: row.householdId,
    subjectId: row.workPlanId,
    dedupeKey: acceptanceReminderKey.again(row.lastInspectionId, row.householdId),
    capped: true,
    ...acceptanceReminderTexts.again(row.title, row.label, row.passedAt),
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
