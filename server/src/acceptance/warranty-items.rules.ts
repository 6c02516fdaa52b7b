import { RepairStatus, WARRANTY_PART_LABELS, warrantyItemsOnAcceptance, type WarrantyItem, type WarrantyPart, type WarrantyYears, type WorkKind } from '@linyi/shared';

/** The items of the notice issued when a household accepts a plan: what earlier plans left, and this plan's parts from the day. */
export function itemsAfterAcceptance(previous: WarrantyItem[], workPlanId: string, kind: WorkKind, acceptedAt: Date, years: WarrantyYears): WarrantyItem[] {
  return [...previous.filter((item) => item.workPlanId !== workPlanId), ...warrantyItemsOnAcceptance(workPlanId, kind, acceptedAt, years)];
}

export type RepairItemChoice = { item: WarrantyItem } | { problem: string };

/** The notice's item a report is about: the part, and the plan when two plans cover the same part. */
export function repairItemFor(items: WarrantyItem[], part: WarrantyPart, workPlanId: string | undefined): RepairItemChoice {
  const label = WARRANTY_PART_LABELS[part] ?? part;
  const matches = items.filter((item) => item.part === part && (!workPlanId || item.workPlanId === workPlanId));
  if (!matches.length) return { problem: `您家的保修告知书里没有「${label}」这一项，请选择告知书上列出的部位` };
  if (matches.length > 1) return { problem: `您家有两项施工都保修「${label}」，请选择是哪一项施工出了问题` };
  return { item: matches[0] };
}

/** Staff lists: repairs still waiting for the crew or the resident first, then the closed ones; newest first within each. */
export function openRepairsFirst<T extends { status: RepairStatus; reportedAt: Date; id: string }>(repairs: T[]): T[] {
  const closed = (repair: T) => (repair.status === RepairStatus.Accepted ? 1 : 0);
  return [...repairs].sort((a, b) => closed(a) - closed(b) || b.reportedAt.getTime() - a.reportedAt.getTime() || a.id.localeCompare(b.id));
}
