import { Injectable } from '@nestjs/common';
import { In, Not, IsNull, type EntityManager } from 'typeorm';
import { WorkPlanUnit } from '../works/work-plan-unit.entity.js';
import type { UnitWorks } from './screening-retention.rules.js';

/** Whether each unit has in-home works planned, and when they were accepted: what retention decides on. */
@Injectable()
export class UnitWorksStatus {
  /**
   * Units missing from the map have no works. Planned = in a published plan (its published key is
   * set; a draft promises residents nothing). Acceptance is the acceptance issue's to fill.
   */
  async of(manager: EntityManager, unitIds: string[]): Promise<Map<string, UnitWorks>> {
    if (!unitIds.length) return new Map();
    const planned = await manager.find(WorkPlanUnit, { select: { unitId: true }, where: { unitId: In([...new Set(unitIds)]), publishedKey: Not(IsNull()) } });
    return new Map(planned.map((row) => [row.unitId, { worksPlanned: true, acceptedAt: null }]));
  }
}
