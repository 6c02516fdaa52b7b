import { Inject, Injectable } from '@nestjs/common';
import { AcceptanceChannel, AcceptanceDecision, RepairStatus, inspectionResultsProblem, repairPasses, repairRefusal, underWarranty, type RepairCreated, type RepairView } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { appendHouseholdEntry } from '../audit/household-chain.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EvidenceStore, decodeImage } from '../evidence/evidence.store.js';
import { Household } from '../places/household.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { WorkPlan } from '../works/work-plan.entity.js';
import { WorksAccess } from '../works/works-access.js';
import { insertAcceptanceRecord } from './acceptance-record-writer.js';
import type { RepairAcceptanceDto } from './dto/repair-acceptance.dto.js';
import type { RepairDoneDto } from './dto/repair-done.dto.js';
import { PHOTO_MAX_BYTES, SIGNATURE_MAX_BYTES } from './dto/acceptance-fields.js';
import type { RepairDto } from './dto/repair.dto.js';
import { toRepairView } from './repair-view.mapper.js';
import { lockHousehold } from './household-lock.js';
import { InspectionWriter } from './inspection-writer.js';
import { openRepairsFirst, repairItemFor } from './warranty-items.rules.js';
import { WarrantyRepair } from './warranty-repair.entity.js';
import { WarrantyService, latestNotice } from './warranty.service.js';
import { WorkInspection } from './work-inspection.entity.js';

export const NO_WARRANTY_TEXT = '这户还没有保修告知书（验收后才有），施工中的问题请在验收时提出';
export const REPAIR_REFUSAL_TEXT = {
  REPAIR_CLOSED: '这次报修已经确认修好，不能再更改；如又出现问题，请重新报修',
  NOT_INSPECTED: '施工单位还没有完成维修检测，或维修后的检测没有通过：检测通过后才能确认修好',
} as const;

/** Repairs under warranty: the resident reports, the crew repairs and inspects, the resident accepts; an accepted repair restarts that part's warranty. */
@Injectable()
export class RepairsService {
  constructor(
    @Inject(WorksAccess) private readonly access: WorksAccess,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EvidenceStore) private readonly evidence: EvidenceStore,
    @Inject(InspectionWriter) private readonly inspections: InspectionWriter,
    @Inject(WarrantyService) private readonly warranty: WarrantyService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async report(actor: ResidentActor, householdId: string, dto: RepairDto): Promise<RepairCreated> {
    const household = await this.access.householdFor(actor, householdId);
    const photo = dto.photoPng ? decodeImage(dto.photoPng, '照片', PHOTO_MAX_BYTES, true) : null;
    const now = this.clock.stamp();
    return this.transactions.run(async (manager) => {
      await lockHousehold(manager, householdId);
      const notice = await latestNotice(manager, householdId);
      if (!notice) throw new AppException('NO_WARRANTY', NO_WARRANTY_TEXT);
      const choice = repairItemFor(notice.items, dto.part, dto.workPlanId);
      if ('problem' in choice) throw new AppException('WARRANTY_PART_UNKNOWN', choice.problem);
      const covered = underWarranty(choice.item, now);
      const repair = manager.create(WarrantyRepair, {
        id: randomUUID(),
        householdId,
        unitId: household.unitId,
        compoundId: household.compoundId,
        workPlanId: choice.item.workPlanId,
        part: dto.part,
        description: dto.description.trim(),
        photoSha256: photo ? await this.evidence.put(manager, photo) : null,
        underWarranty: covered,
        status: RepairStatus.Open,
        reportedByResidentId: actor.id,
        reportedAt: now,
        lastInspectionId: null,
        lastInspectionPassed: null,
        repairedAt: null,
        acceptedAt: null,
        updatedAt: now,
      });
      await manager.insert(WarrantyRepair, repair);
      await appendHouseholdEntry(this.audit, manager, { actor, householdId, action: 'REPAIR_REPORTED', payload: { repairId: repair.id, workPlanId: repair.workPlanId, part: repair.part, underWarranty: covered, noticeVersion: notice.version, photoSha256: repair.photoSha256 }, at: now });
      return { id: repair.id, status: repair.status, underWarranty: covered };
    });
  }

  /** The contractor's inspection after the repair; the repair is REPAIRED whether or not it passed (a failing one cannot be accepted). */
  async done(actor: StaffActor, householdId: string, repairId: string, dto: RepairDoneDto): Promise<{ status: RepairStatus; passed: boolean }> {
    await this.access.householdFor(actor, householdId);
    const now = this.clock.stamp();
    return this.transactions.run(async (manager) => {
      await lockHousehold(manager, householdId);
      const repair = await this.repairOf(manager, householdId, repairId);
      if (repairRefusal(repair.status, 'DONE', repair.lastInspectionPassed) === 'REPAIR_CLOSED') throw new AppException('REPAIR_CLOSED', REPAIR_REFUSAL_TEXT.REPAIR_CLOSED);
      const plan = await manager.findOneByOrFail(WorkPlan, { id: repair.workPlanId });
      const problem = inspectionResultsProblem(plan.kind, dto.results);
      if (problem) throw new AppException('INSPECTION_INVALID', problem);
      const inspection = await this.inspections.write(manager, {
        workPlanId: repair.workPlanId,
        householdId,
        unitId: repair.unitId,
        repairId: repair.id,
        results: dto.results,
        note: dto.note?.trim() || null,
        inspectorId: actor.id,
        at: now,
        passes: (results) => repairPasses(repair.part, results),
      });
      await manager.update(WarrantyRepair, { id: repair.id }, { status: RepairStatus.Repaired, lastInspectionId: inspection.id, lastInspectionPassed: inspection.passed, repairedAt: now, updatedAt: now });
      await appendHouseholdEntry(this.audit, manager, { actor, householdId, action: 'REPAIR_DONE', payload: { repairId: repair.id, workPlanId: repair.workPlanId, part: repair.part, inspectionId: inspection.id, passed: inspection.passed, evidenceSha256: inspection.evidenceSha256 }, at: now });
      return { status: RepairStatus.Repaired, passed: inspection.passed };
    });
  }

  /** The resident's word on the repair; ACCEPT of a repair under warranty re-issues the notice with that part restarted today. */
  async decide(actor: ResidentActor, householdId: string, repairId: string, dto: RepairAcceptanceDto): Promise<{ status: RepairStatus }> {
    await this.access.householdFor(actor, householdId);
    const accept = dto.decision === AcceptanceDecision.Accept;
    if (accept && !dto.signaturePng) throw new AppException('SIGNATURE_REQUIRED', '请先签名，确认已经修好');
    const signature = dto.signaturePng ? decodeImage(dto.signaturePng, '签名', SIGNATURE_MAX_BYTES, false) : null;
    const now = this.clock.stamp();
    return this.transactions.run(async (manager) => {
      await lockHousehold(manager, householdId);
      const repair = await this.repairOf(manager, householdId, repairId);
      const refusal = repairRefusal(repair.status, accept ? 'ACCEPT' : 'REJECT', repair.lastInspectionPassed);
      if (refusal) throw new AppException(refusal, REPAIR_REFUSAL_TEXT[refusal]);
      const inspection = await manager.findOneByOrFail(WorkInspection, { id: repair.lastInspectionId! });
      const signatureSha256 = signature ? await this.evidence.put(manager, signature) : null;
      const record = await insertAcceptanceRecord(
        manager,
        { workPlanId: repair.workPlanId, householdId, repairId: repair.id, decision: dto.decision, channel: AcceptanceChannel.Online, residentId: actor.id, staffId: null, defects: [], signatureSha256, paperScanSha256: null, at: now },
        inspection,
      );
      const status = accept ? RepairStatus.Accepted : RepairStatus.Reopened;
      await manager.update(WarrantyRepair, { id: repair.id }, { status, acceptedAt: accept ? now : null, updatedAt: now });
      await appendHouseholdEntry(this.audit, manager, { actor, householdId, action: accept ? 'REPAIR_ACCEPTED' : 'REPAIR_REJECTED', payload: { repairId: repair.id, workPlanId: repair.workPlanId, part: repair.part, inspectionId: inspection.id, acceptanceRecordId: record.id, evidenceSha256: record.evidenceSha256, underWarranty: repair.underWarranty }, at: now });
      // Outside the warranty the repair is still confirmed, but nothing restarts.
      if (accept && repair.underWarranty) await this.warranty.restartOnRepair(manager, { householdId, workPlanId: repair.workPlanId, part: repair.part, repairId: repair.id, acceptedAt: now });
      return { status };
    });
  }

  /** The household's repairs, newest first: the bound resident and staff of the place. */
  async forHousehold(actor: Actor, householdId: string): Promise<RepairView[]> {
    const household = await this.access.householdFor(actor, householdId);
    const manager = this.transactions.dataSource.manager;
    const repairs = await manager.find(WarrantyRepair, { where: { householdId }, order: { reportedAt: 'DESC', id: 'ASC' } });
    return this.views(manager, repairs, new Map([[household.id, household.label]]));
  }

  /** A plan's repairs for the crew and the committee: open ones first. */
  async forPlan(actor: StaffActor, workPlanId: string): Promise<RepairView[]> {
    const manager = this.transactions.dataSource.manager;
    const plan = await this.access.planForStaff(manager, actor, workPlanId);
    const repairs = openRepairsFirst(await manager.find(WarrantyRepair, { where: { workPlanId: plan.id } }));
    const householdIds = [...new Set(repairs.map((repair) => repair.householdId))];
    const households = householdIds.length ? await manager.find(Household, { select: { id: true, label: true }, where: { id: In(householdIds) } }) : [];
    return this.views(manager, repairs, new Map(households.map((h) => [h.id, h.label])));
  }

  private async repairOf(manager: EntityManager, householdId: string, repairId: string): Promise<WarrantyRepair> {
    const repair = await manager.findOneBy(WarrantyRepair, { id: repairId, householdId });
    if (!repair) throw notFound('报修记录');
    return repair;
  }

  private async views(manager: EntityManager, repairs: WarrantyRepair[], labels: Map<string, string>): Promise<RepairView[]> {
    const ids = repairs.map((repair) => repair.id);
    const inspections = ids.length ? await manager.find(WorkInspection, { where: { repairId: In(ids) } }) : [];
    const inspectorIds = [...new Set(inspections.map((inspection) => inspection.inspectorId))];
    const staff = inspectorIds.length ? await manager.find(StaffAccount, { select: { id: true, displayName: true }, where: { id: In(inspectorIds) } }) : [];
    const names = new Map(staff.map((s) => [s.id, s.displayName]));
    return repairs.map((repair) => toRepairView(repair, labels.get(repair.householdId) ?? '', inspections.filter((inspection) => inspection.repairId === repair.id), names));
  }
}
