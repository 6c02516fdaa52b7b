import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** ACCEPTANCE_DUE reminders through the reminder channels (helper C). */
@Injectable()
export class AcceptanceReminders {
  /** Inside the inspection's transaction, when it passed: the household's bound residents are asked to accept. */
  async onInspectionPassed(manager: EntityManager, input: { householdId: string; workPlanId: string; compoundId: string; consultationId: string; at: Date }): Promise<void> {
    void manager;
    void input;
  }
}
