import { Injectable } from '@nestjs/common';
import type { WorkKind, WarrantyPart } from '@linyi/shared';
import type { EntityManager } from 'typeorm';
import type { WarrantyNotice } from './warranty-notice.entity.js';

/** The 保修事项告知书: issued on acceptance, re-issued when a repair is accepted (helper B). */
@Injectable()
export class WarrantyService {
  /** Inside the accepting transaction (household row locked): the next version with the plan's parts added, starting on the day. */
  async issueOnAcceptance(manager: EntityManager, input: { householdId: string; workPlanId: string; kind: WorkKind; acceptedAt: Date; acceptanceRecordId: string }): Promise<WarrantyNotice> {
    void manager;
    void input;
    throw new Error('WarrantyService.issueOnAcceptance: not built yet');
  }

  /** Inside the repair-accepting transaction: the next version with that part restarted on the day. */
  async restartOnRepair(manager: EntityManager, input: { householdId: string; workPlanId: string; part: WarrantyPart; repairId: string; acceptedAt: Date }): Promise<WarrantyNotice> {
    void manager;
    void input;
    throw new Error('WarrantyService.restartOnRepair: not built yet');
  }
}
