import { WARRANTY_PART_LABELS, type WarrantyView } from '@linyi/shared';
import type { Household } from '../places/household.entity.js';
import type { WorkPlan } from '../works/work-plan.entity.js';
import type { WarrantyNotice } from './warranty-notice.entity.js';

/** One version of the notice as the household and staff see it; `history` is every version, newest first. */
export function toWarrantyView(household: Pick<Household, 'id' | 'label'>, notice: WarrantyNotice, history: Array<Pick<WarrantyNotice, 'version' | 'issuedAt' | 'reason'>>, plans: Map<string, Pick<WorkPlan, 'title'>>): WarrantyView {
  return {
    householdId: household.id,
    label: household.label,
    version: notice.version,
    issuedAt: notice.issuedAt.toISOString(),
    items: notice.items.map((item) => ({
      workPlanId: item.workPlanId,
      part: item.part,
      scope: item.scope,
      years: item.years,
      startsOn: item.startsOn,
      endsOn: item.endsOn,
      restartedByRepairId: item.restartedByRepairId,
      partLabel: WARRANTY_PART_LABELS[item.part],
      title: plans.get(item.workPlanId)?.title ?? '',
    })),
    history: history.map((entry) => ({ version: entry.version, issuedAt: entry.issuedAt.toISOString(), reason: entry.reason })),
  };
}
