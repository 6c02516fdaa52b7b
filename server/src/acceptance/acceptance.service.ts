import { Inject, Injectable } from '@nestjs/common';
import {
  ACCEPTANCE_REFUSAL_TEXT,
  AcceptanceDecision,
  AcceptanceStatus,
  acceptanceRefusal,
  inspectionPasses,
  inspectionRefusal,
  inspectionResultsProblem,
  missingTests,
  type AcceptanceResult,
  type HouseholdAcceptanceView,
  type InspectionCreated,
} from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor, StaffActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { appendHouseholdEntry } from '../audit/household-chain.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EvidenceStore } from '../evidence/evidence.store.js';
import { Household } from '../places/household.entity.js';
import type { WorkPlan } from '../works/work-plan.entity.js';
import { WorksAccess } from '../works/works-access.js';
import { decodedDecision, uniqueImages, type DecodedDecision } from './acceptance-input.js';
import { acceptanceFacts } from './acceptance.mapper.js';
import { householdRefersTo, readHouseholdAcceptance } from './acceptance-reads.js';
import type { AcceptanceRecord } from './acceptance-record.entity.js';
import { insertAcceptanceRecord } from './acceptance-record-writer.js';
import { AcceptanceReminders } from './acceptance-reminders.js';
import type { AcceptanceDto } from './dto/acceptance.dto.js';
import type { InspectionDto } from './dto/inspection.dto.js';
import { lockHousehold } from './household-lock.js';
import { planOfHousehold } from './household-plan.js';
import { HouseholdAcceptance } from './household-acceptance.entity.js';
import { InspectionWriter } from './inspection-writer.js';
import { OwnerSupervisorsService } from './owner-supervisors.service.js';
import { WarrantyService } from './warranty.service.js';
import { WorkInspection } from './work-inspection.entity.js';

/**
 * Inspections, the household's decision and what it sees before signing. Every write takes the
 * household's row lock first and decides on the state row read under it: an ACCEPT and a failing
 * inspection at the same moment queue up, so ACCEPTED never stands on a failing latest inspection.
 */
@Injectable()
export class AcceptanceService {
  constructor(
    @Inject(WorksAccess) private readonly access: WorksAccess,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EvidenceStore) private readonly evidence: EvidenceStore,
    @Inject(InspectionWriter) private readonly inspections: InspectionWriter,
    @Inject(WarrantyService) private readonly warranty: WarrantyService,
    @Inject(AcceptanceReminders) private readonly reminders: AcceptanceReminders,
    @Inject(OwnerSupervisorsService) private readonly supervisors: OwnerSupervisorsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The crew's tests in one flat (any time: window dates do not bind inspections). */
  async inspect(actor: StaffActor, householdId: string, dto: InspectionDto): Promise<InspectionCreated> {
    const household = await this.access.householdFor(actor, householdId);
    const note = dto.note?.trim() || null;
    return this.transactions.run(async (manager) => {
      await lockHousehold(manager, householdId);
      const plan = await planOfHousehold(manager, household, dto.workPlanId);
      const problem = inspectionResultsProblem(plan.kind, dto.results);
      if (problem) throw new AppException('INSPECTION_INVALID', problem);
      const existing = await manager.findOneBy(HouseholdAcceptance, { workPlanId: plan.id, householdId });
      if (existing && inspectionRefusal(existing.status)) throw new AppException('ALREADY_ACCEPTED', ACCEPTANCE_REFUSAL_TEXT.ALREADY_ACCEPTED);
      const at = this.clock.stamp();
      const inspection = await this.inspections.write(manager, {
        workPlanId: plan.id,
        householdId,
        unitId: household.unitId,
        repairId: null,
        results: dto.results,
        note,
        inspectorId: actor.id,
        at,
        passes: (results) => inspectionPasses(plan.kind, results),
      });
      // A REWORK stays REWORK until accepted: the works went back to the crew; only the decision moves the status.
      const moved = { lastInspectionId: inspection.id, lastInspectionPassed: inspection.passed, inspectedSinceRework: true, passedAt: inspection.passed ? at : null, updatedAt: at };
      if (existing) await manager.update(HouseholdAcceptance, { id: existing.id }, moved);
      else await manager.insert(HouseholdAcceptance, { id: randomUUID(), workPlanId: plan.id, householdId, unitId: household.unitId, status: AcceptanceStatus.Pending, acceptedAt: null, acceptanceRecordId: null, ...moved });
      await appendHouseholdEntry(this.audit, manager, { actor, householdId, action: 'INSPECTION_RECORDED', payload: { workPlanId: plan.id, inspectionId: inspection.id, passed: inspection.passed, evidenceSha256: inspection.evidenceSha256 }, at });
      if (inspection.passed) await this.reminders.onInspectionPassed(manager, { householdId, workPlanId: plan.id, compoundId: plan.compoundId, consultationId: plan.consultationId, at });
      return { id: inspection.id, passed: inspection.passed, missing: missingTests(plan.kind, dto.results), evidenceSha256: inspection.evidenceSha256 };
    });
  }

  /** ACCEPT or REJECT: the bound resident online with a signature, or the committee from a signed paper form. */
  async decide(actor: Actor, householdId: string, dto: AcceptanceDto): Promise<AcceptanceResult> {
    const household = await this.access.householdFor(actor, householdId);
    const input = decodedDecision(actor, dto);
    return this.transactions.run(async (manager) => {
      await lockHousehold(manager, householdId);
      const plan = await planOfHousehold(manager, household, dto.workPlanId);
      const state = await manager.findOneBy(HouseholdAcceptance, { workPlanId: plan.id, householdId });
      if (!state?.lastInspectionId) throw new AppException('NOT_INSPECTED', ACCEPTANCE_REFUSAL_TEXT.NOT_INSPECTED);
      const refusal = acceptanceRefusal(acceptanceFacts(state), dto.decision);
      if (refusal) throw new AppException(refusal, ACCEPTANCE_REFUSAL_TEXT[refusal]);
      const inspection = await manager.findOneByOrFail(WorkInspection, { id: state.lastInspectionId });
      const at = this.clock.stamp();
      const record = await this.storeRecord(manager, actor, plan, householdId, inspection, input, at);
      const accepted = dto.decision === AcceptanceDecision.Accept;
      if (accepted) await manager.update(HouseholdAcceptance, { id: state.id }, { status: AcceptanceStatus.Accepted, acceptedAt: at, acceptanceRecordId: record.id, updatedAt: at });
      else await manager.update(HouseholdAcceptance, { id: state.id }, { status: AcceptanceStatus.Rework, inspectedSinceRework: false, passedAt: null, updatedAt: at });
      await appendHouseholdEntry(this.audit, manager, {
        actor,
        householdId,
        action: accepted ? 'WORKS_ACCEPTED' : 'WORKS_REJECTED',
        payload: { workPlanId: plan.id, acceptanceRecordId: record.id, inspectionId: inspection.id, channel: record.channel, defects: record.defects.length, signatureSha256: record.signatureSha256, paperScanSha256: record.paperScanSha256, evidenceSha256: record.evidenceSha256 },
        at,
      });
      // In the same transaction: an acceptance without its warranty notice never commits.
      if (accepted) await this.warranty.issueOnAcceptance(manager, { householdId, workPlanId: plan.id, kind: plan.kind, acceptedAt: at, acceptanceRecordId: record.id });
      return { householdId, status: accepted ? AcceptanceStatus.Accepted : AcceptanceStatus.Rework, evidenceSha256: record.evidenceSha256 };
    });
  }

  /** The inspections and decisions so far; before any inspection, PENDING with empty lists. */
  async view(actor: Actor, householdId: string, workPlanId: string): Promise<HouseholdAcceptanceView> {
    const household = await this.householdForReader(actor, householdId);
    const manager = this.transactions.dataSource.manager;
    const plan = await planOfHousehold(manager, household, workPlanId);
    return readHouseholdAcceptance(manager, household, plan);
  }

  /** One image of the household's acceptance or repairs, for the same readers as the view. */
  async photo(actor: Actor, householdId: string, sha256: string): Promise<{ mime: string; bytes: Buffer }> {
    await this.householdForReader(actor, householdId);
    const manager = this.transactions.dataSource.manager;
    const image = (await householdRefersTo(manager, householdId, sha256)) ? await this.evidence.get(manager, sha256) : null;
    if (!image) throw notFound('照片');
    return image;
  }

  /** Bound residents and staff of the place; and an owner supervisor of the household's compound (seed 002 §五(五)3). */
  private async householdForReader(actor: Actor, householdId: string): Promise<Household> {
    try {
      return await this.access.householdFor(actor, householdId);
    } catch (error) {
      if (actor.kind !== 'resident' || !(error instanceof AppException) || error.code !== 'NOT_FOUND') throw error;
      const household = await this.transactions.dataSource.manager.findOneBy(Household, { id: householdId });
      if (household && (await this.supervisors.supervisesCompound(actor, household.compoundId))) return household;
      throw error;
    }
  }

  private async storeRecord(manager: EntityManager, actor: Actor, plan: WorkPlan, householdId: string, inspection: WorkInspection, input: DecodedDecision, at: Date): Promise<AcceptanceRecord> {
    // Under the household lock, in hash order: two decisions storing the same images never wait on each other crosswise.
    for (const image of uniqueImages([input.signature, input.paperScan, ...input.defects.map((d) => d.photo)])) await this.evidence.put(manager, image);
    return insertAcceptanceRecord(
      manager,
      {
        workPlanId: plan.id,
        householdId,
        repairId: null,
        decision: input.decision,
        channel: input.channel,
        residentId: actor.kind === 'resident' ? actor.id : null,
        staffId: actor.kind === 'staff' ? actor.id : null,
        defects: input.defects.map((d) => ({ description: d.description, photoSha256: d.photo?.sha256 ?? null })),
        signatureSha256: input.signature?.sha256 ?? null,
        paperScanSha256: input.paperScan?.sha256 ?? null,
        at,
      },
      inspection,
    );
  }
}
