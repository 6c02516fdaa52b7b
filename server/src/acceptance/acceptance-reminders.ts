import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Household } from '../places/household.entity.js';
import { ReminderPlanner, type PlannedReminder } from '../reminders/reminder-planner.js';
import { policyOf } from '../reminders/reminder-policies.js';
import { ReminderKind } from '../reminders/reminder.entity.js';
import { WorkPlan } from '../works/work-plan.entity.js';
import { acceptanceReminderKey } from './acceptance-reminder.rules.js';
import { acceptanceReminderTexts } from './acceptance-reminder-texts.js';
import { HouseholdAcceptance } from './household-acceptance.entity.js';

export interface InspectionPassed {
  householdId: string;
  workPlanId: string;
  compoundId: string;
  consultationId: string;
  at: Date;
}

/**
 * ACCEPTANCE_DUE reminders through the reminder channels: the inbox at once, the push when quiet
 * hours allow; filed under the plan's consultation (its reminder policy applies), about the plan
 * (`subjectId`), re-checked at send time (acceptance-send-check.ts).
 */
@Injectable()
export class AcceptanceReminders {
  constructor(@Inject(ReminderPlanner) private readonly planner: ReminderPlanner) {}

  /**
   * Inside the inspection's transaction, after the household's state row took the passing
   * inspection: the household's residents are asked to accept. Keyed on that inspection, so a
   * retried transaction tells nobody twice.
   */
  async onInspectionPassed(manager: EntityManager, input: InspectionPassed): Promise<void> {
    const state = await manager.findOneBy(HouseholdAcceptance, { workPlanId: input.workPlanId, householdId: input.householdId });
    if (!state?.lastInspectionId) throw new Error('onInspectionPassed needs the state row to hold the passing inspection first');
    const plan = await manager.findOneByOrFail(WorkPlan, { id: input.workPlanId });
    const household = await manager.findOneByOrFail(Household, { id: input.householdId });
    await this.planner.plan(manager, [dueReminder(input, state.lastInspectionId, acceptanceReminderTexts.due(plan.title, household.label))], input.at, await policyOf(manager, input.consultationId));
  }
}

function dueReminder(input: InspectionPassed, inspectionId: string, text: { title: string; body: string }): PlannedReminder {
  return {
    kind: ReminderKind.AcceptanceDue,
    consultationId: input.consultationId,
    householdId: input.householdId,
    subjectId: input.workPlanId,
    dedupeKey: acceptanceReminderKey.due(inspectionId, input.householdId),
    // News, like the works announcement: it does not take the day's chasing slot.
    capped: false,
    ...text,
  };
}
