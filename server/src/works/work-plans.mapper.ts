import { placesLeft, type WorkPlanSummary, type WorkPlanUnitView, type WorkPlanView, type WorkWindowView } from '@linyi/shared';
import type { WorkPlan } from './work-plan.entity.js';
import type { WorkWindow } from './work-window.entity.js';

export function toWorkWindowView(window: WorkWindow, unitLabel: string): WorkWindowView {
  return {
    id: window.id,
    unitId: window.unitId,
    unitLabel,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
    capacity: window.capacity,
    booked: window.booked,
    remaining: placesLeft(window.capacity, window.booked),
    priority: window.priority,
  };
}

/** Windows in unit order (as `units` lists them), then by start. */
function inPlanOrder(windows: WorkWindow[], units: WorkPlanUnitView[]): WorkWindow[] {
  const rank = new Map(units.map((unit, i) => [unit.unitId, i]));
  return [...windows].sort((a, b) => (rank.get(a.unitId) ?? units.length) - (rank.get(b.unitId) ?? units.length) || a.startsAt.getTime() - b.startsAt.getTime());
}

/** The plan with its units (in building-then-unit order) and every window, for contractor and committee. */
export function toWorkPlanView(plan: WorkPlan, units: WorkPlanUnitView[], windows: WorkWindow[]): WorkPlanView {
  const labelOf = new Map(units.map((unit) => [unit.unitId, unit.label]));
  return {
    id: plan.id,
    compoundId: plan.compoundId,
    consultationId: plan.consultationId,
    title: plan.title,
    kind: plan.kind,
    status: plan.status,
    steps: plan.steps.map((step) => ({ title: step.title, description: step.description })),
    waterCut: plan.waterCut,
    temporaryWater: plan.temporaryWater,
    temporarySewage: plan.temporarySewage,
    contactPhone: plan.contactPhone,
    units: units.map((unit) => ({ unitId: unit.unitId, label: unit.label, households: unit.households })),
    windows: inPlanOrder(windows, units).map((window) => toWorkWindowView(window, labelOf.get(window.unitId) ?? '')),
    createdAt: plan.createdAt.toISOString(),
    publishedAt: plan.publishedAt?.toISOString() ?? null,
  };
}

/** One row of the compound's plan list: counts only. */
export function toWorkPlanSummary(plan: WorkPlan, units: WorkPlanUnitView[], windows: WorkWindow[]): WorkPlanSummary {
  const starts = windows.map((window) => window.startsAt.getTime());
  return {
    id: plan.id,
    title: plan.title,
    kind: plan.kind,
    status: plan.status,
    units: units.length,
    windows: windows.length,
    booked: windows.reduce((sum, window) => sum + window.booked, 0),
    households: units.reduce((sum, unit) => sum + unit.households, 0),
    firstStartsAt: starts.length ? new Date(Math.min(...starts)).toISOString() : null,
    publishedAt: plan.publishedAt?.toISOString() ?? null,
  };
}
