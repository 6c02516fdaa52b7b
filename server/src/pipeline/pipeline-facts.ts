import {
  ConsultationKind,
  ConsultationStatus,
  excludedBuildings,
  gateViews,
  GroupBy,
  type ConsultationOutcome,
  type ExcludedBuildingView,
  type OwnersOrganisationView,
  type PipelineGateView,
  type WindowGuardOutcome,
} from '@linyi/shared';
import { In, Not, type EntityManager } from 'typeorm';
import { ConsultationGroup } from '../consultations/consultation-group.entity.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { Building } from '../places/building.entity.js';
import { Unit } from '../places/unit.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { CompoundPipeline } from './compound-pipeline.entity.js';

export interface CompoundPipelineFacts {
  row: CompoundPipeline | null;
  gates: PipelineGateView[];
  excluded: ExcludedBuildingView[];
}

/** The owners' organisation as recorded, or null while any part of it is missing. */
export function ownersOrganisationOf(row: CompoundPipeline | null): OwnersOrganisationView | null {
  return row?.ownersOrganisationKind && row.ownersOrganisationName && row.ownersOrganisationFormedOn
    ? { kind: row.ownersOrganisationKind, name: row.ownersOrganisationName, formedOn: row.ownersOrganisationFormedOn }
    : null;
}

const GATE_KINDS = [ConsultationKind.PropertyServiceAgreement, ConsultationKind.FundPledge, ConsultationKind.WindowGuardConsent];

/**
 * The gates and the excluded buildings of many compounds in a fixed number of queries (the street
 * dashboard reads every compound of a street office): rows, consultations, groups, places, names.
 */
export async function pipelineFacts(manager: EntityManager, compoundIds: string[]): Promise<Map<string, CompoundPipelineFacts>> {
  const facts = new Map<string, CompoundPipelineFacts>();
  if (!compoundIds.length) return facts;
  const rows = await manager.findBy(CompoundPipeline, { compoundId: In(compoundIds) });
  const consultations = await manager.find(Consultation, {
    select: { id: true, compoundId: true, kind: true, title: true, rule: true, groupBy: true, status: true, deadline: true },
    where: { compoundId: In(compoundIds), kind: In(GATE_KINDS), status: Not(ConsultationStatus.Draft) },
  });
  const groups = consultations.length ? await manager.find(ConsultationGroup, { select: { consultationId: true, placeId: true, label: true, state: true }, where: { consultationId: In(consultations.map((c) => c.id)) } }) : [];
  const buildings = await manager.find(Building, { select: { id: true, compoundId: true, name: true }, where: { compoundId: In(compoundIds) } });
  const unitGroupIds = groups.filter((g) => consultations.find((c) => c.id === g.consultationId)?.groupBy === GroupBy.Unit).map((g) => g.placeId);
  const units = unitGroupIds.length ? await manager.find(Unit, { select: { id: true, buildingId: true }, where: { id: In([...new Set(unitGroupIds)]) } }) : [];
  const recorders = rows.map((r) => r.illegalStructuresRecordedBy).filter((id): id is string => Boolean(id));
  const names = new Map((recorders.length ? await manager.find(StaffAccount, { select: { id: true, displayName: true }, where: { id: In([...new Set(recorders)]) } }) : []).map((s) => [s.id, s.displayName]));

  const outcome = (c: Consultation): ConsultationOutcome => ({
    id: c.id,
    title: c.title,
    rule: c.rule,
    groupBy: c.groupBy,
    status: c.status,
    deadline: c.deadline.toISOString(),
    groupStates: groups.filter((g) => g.consultationId === c.id).map((g) => g.state),
  });
  // Which buildings a window-guard group speaks for: its building, its unit's building, or every building of the compound.
  const buildingsOf = (c: Consultation, placeId: string): Building[] => {
    const own = buildings.filter((b) => b.compoundId === c.compoundId);
    if (c.groupBy === GroupBy.Compound) return own;
    const buildingId = c.groupBy === GroupBy.Building ? placeId : units.find((u) => u.id === placeId)?.buildingId;
    return own.filter((b) => b.id === buildingId);
  };

  for (const compoundId of compoundIds) {
    const row = rows.find((r) => r.compoundId === compoundId) ?? null;
    const mine = consultations.filter((c) => c.compoundId === compoundId);
    const ofKind = (kind: ConsultationKind) => mine.filter((c) => c.kind === kind).map(outcome);
    const windowGuard: WindowGuardOutcome[] = mine
      .filter((c) => c.kind === ConsultationKind.WindowGuardConsent)
      .flatMap((c) => groups.filter((g) => g.consultationId === c.id).flatMap((g) => buildingsOf(c, g.placeId).map((b) => ({
        buildingId: b.id,
        buildingName: b.name,
        consultationId: c.id,
        title: c.title,
        groupLabel: g.label,
        state: g.state,
        deadline: c.deadline.toISOString(),
      }))));
    const gates = gateViews({
      ownersOrganisation: ownersOrganisationOf(row),
      propertyService: ofKind(ConsultationKind.PropertyServiceAgreement),
      fundPledgeRequired: row?.fundPledgeRequired ?? false,
      fundPledge: ofKind(ConsultationKind.FundPledge),
      illegalStructures: row && row.illegalStructuresCleared !== null && row.illegalStructuresRecordedAt
        ? { met: row.illegalStructuresCleared, note: row.illegalStructuresNote ?? '', recordedBy: names.get(row.illegalStructuresRecordedBy ?? '') ?? '街道工作人员', recordedAt: row.illegalStructuresRecordedAt.toISOString() }
        : null,
    });
    facts.set(compoundId, { row, gates, excluded: excludedBuildings(windowGuard) });
  }
  return facts;
}
