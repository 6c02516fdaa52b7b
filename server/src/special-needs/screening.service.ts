import { Inject, Injectable } from '@nestjs/common';
import { ScreeningStatus, SensitiveAccessAction, type CarePlanRequest, type ScreeningRequest, type ScreeningView } from '@linyi/shared';
import { randomBytes } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { householdChain } from '../audit/household-chain.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { AccessService } from '../places/access.service.js';
import { Household } from '../places/household.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { CarePlan } from './care-plan.entity.js';
import { HouseholdScreening } from './household-screening.entity.js';
import { ScreeningConsent } from './screening-consent.entity.js';
import { deleteCarePlanAndScans } from './screening-erasure.js';
import { otherNeedProblem } from './screening-needs.rules.js';
import { decodeConsentScan, ScreeningScanStore } from './screening-scan.store.js';
import { toScreeningView } from './screening.mapper.js';
import { checkCarePlan, consentEvidenceRequired, decideScreening, detailsDigest, type CarePlanDetails } from './screening.rules.js';
import { SensitiveAccessLogService } from './sensitive-access-log.service.js';
import { standingOnlineConsent } from './standing-consent.js';

const screeningChanged = () => new AppException('SCREENING_CHANGED', '该户的摸排记录刚被他人修改，请刷新后再试');
const carePlanNotNeeded = () => new AppException('CARE_PLAN_NOT_NEEDED', '该户摸排结果不需要照顾方案');

/**
 * Staff screening of one household (committee and street only). Writes lock the household's row
 * first, so that every read after the lock sees what committed before it; every answer with the
 * details (reads and writes alike) writes one sensitive-access-log entry in the same transaction,
 * before the data leaves.
 */
@Injectable()
export class ScreeningService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SensitiveAccessLogService) private readonly accessLog: SensitiveAccessLogService,
    @Inject(ScreeningScanStore) private readonly scans: ScreeningScanStore,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async record(actor: StaffActor, householdId: string, input: ScreeningRequest): Promise<ScreeningView> {
    const household = await this.access.householdFor(actor, householdId);
    const decision = decideScreening(input);
    const otherProblem = otherNeedProblem(decision.needs, decision.note);
    if (otherProblem) throw new AppException('VALIDATION_FAILED', otherProblem);
    const scan = decision.scan ? decodeConsentScan(decision.scan) : null;
    return this.transactions.run(async (manager) => {
      const at = this.clock.stamp();
      const current = await this.lockScreening(manager, householdId);
      const previousScan = current?.consentKind === 'SCAN' && current.consentSha256 && (await this.scans.has(manager, householdId, current.consentSha256)) ? current : null;
      // Edited without a new scan: the scan on file still stands; otherwise the resident's online consent.
      const keptScan = decision.evidence === 'STANDING' ? previousScan : null;
      const online = decision.evidence === 'STANDING' && !keptScan ? await this.lockOnlineConsent(manager, householdId) : null;
      if (decision.evidence === 'STANDING' && !keptScan && !online) throw consentEvidenceRequired();
      if (scan) await this.scans.put(manager, householdId, scan);
      const scanSha256 = scan?.sha256 ?? keptScan?.consentSha256 ?? null;
      if (previousScan && previousScan.consentSha256 !== scanSha256) await this.scans.delete(manager, householdId, previousScan.consentSha256!);
      if (decision.status === ScreeningStatus.NothingNeeded && (await this.hasCarePlanOrScans(manager, householdId))) await deleteCarePlanAndScans(manager, householdId);
      // The same form again keeps the time it was first given.
      const scanGivenAt = scanSha256 && previousScan?.consentSha256 === scanSha256 ? (previousScan.consentGivenAt ?? at) : at;

      const salt = randomBytes(32).toString('hex');
      const values = {
        status: decision.status,
        needs: decision.needs.length ? decision.needs.join(',') : null,
        note: decision.note,
        legalBasis: decision.legalBasis,
        consentKind: scanSha256 ? ('SCAN' as const) : online ? ('ONLINE' as const) : null,
        consentSha256: scanSha256 ?? online?.textSha256 ?? null,
        consentGivenAt: scanSha256 ? scanGivenAt : (online?.givenAt ?? null),
        onlineConsentId: online?.id ?? null,
        detailsSalt: salt,
        screenedAt: at,
        screenedBy: actor.id,
        withdrawnAt: null,
        withdrawnBy: null,
        erasedAt: null,
        erasedReason: null,
        version: (current?.version ?? 0) + 1,
      };
      const saved = await this.saveScreening(manager, household, current, values);
      await this.audit.append(manager, {
        chainKey: householdChain(householdId),
        action: 'SCREENING_RECORDED',
        actor: `staff:${actor.id}`,
        subjectId: saved.id,
        // No codes, note, status or basis (they say whether the household needs care): the digest is all the chain keeps.
        payload: { screeningId: saved.id, version: saved.version, digest: detailsDigest(salt, { needs: decision.needs, note: decision.note }) },
        at,
      });
      return this.viewLogged(manager, actor, household, saved, at);
    });
  }

  async saveCarePlan(actor: StaffActor, householdId: string, input: CarePlanRequest): Promise<ScreeningView> {
    const household = await this.access.householdFor(actor, householdId);
    const plan = checkCarePlan(input);
    return this.transactions.run(async (manager) => {
      const at = this.clock.stamp();
      const screening = await this.lockScreening(manager, householdId);
      if (screening?.status !== ScreeningStatus.NeedsCare || !screening.detailsSalt) throw carePlanNotNeeded();
      await this.upsertCarePlan(manager, householdId, plan, actor, at);
      // A plan is part of the sensitive record: erasure's compare-and-set must see that it changed.
      const version = screening.version + 1;
      const moved = await manager.update(HouseholdScreening, { id: screening.id, version: screening.version }, { version });
      if (!moved.affected) throw screeningChanged();
      screening.version = version;
      await this.audit.append(manager, {
        chainKey: householdChain(householdId),
        action: 'CARE_PLAN_SAVED',
        actor: `staff:${actor.id}`,
        subjectId: screening.id,
        payload: { screeningId: screening.id, version, digest: detailsDigest(screening.detailsSalt, plan) },
        at,
      });
      return this.viewLogged(manager, actor, household, screening, at);
    });
  }

  /** The record with its care plan; logged as VIEW_SCREENING before it is returned. */
  async read(actor: StaffActor, householdId: string): Promise<ScreeningView> {
    const household = await this.access.householdFor(actor, householdId);
    return this.transactions.run(async (manager) => {
      const screening = await manager.findOneBy(HouseholdScreening, { householdId });
      return this.viewLogged(manager, actor, household, screening, this.clock.stamp());
    });
  }

  /** The signed consent form's image; logged as VIEW_CONSENT_SCAN. 404 when there is none (or it was erased). */
  async consentScan(actor: StaffActor, householdId: string): Promise<{ mime: string; bytes: Buffer }> {
    const household = await this.access.householdFor(actor, householdId);
    return this.transactions.run(async (manager) => {
      const screening = await manager.findOneBy(HouseholdScreening, { householdId });
      const image = screening?.consentKind === 'SCAN' && screening.consentSha256 ? await this.scans.get(manager, householdId, screening.consentSha256) : null;
      if (!image) throw notFound('同意书扫描件');
      await this.accessLog.record(manager, actor, { compoundId: household.compoundId, unitId: household.unitId, householdId }, SensitiveAccessAction.ViewConsentScan, this.clock.stamp());
      return image;
    });
  }

  /**
   * Locks the household row (a row that exists: no range lock), then the screening row if there is
   * one. Writers of a household's screening, plan and scans all take this lock first.
   */
  private async lockScreening(manager: EntityManager, householdId: string): Promise<HouseholdScreening | null> {
    await this.transactions.forUpdate(manager.getRepository(Household).createQueryBuilder('h').where('h.id = :id', { id: householdId })).getOneOrFail();
    const seen = await manager.findOneBy(HouseholdScreening, { householdId });
    if (!seen) return null;
    // Erasure (withdrawal, retention) changes the row without the household lock: read it locked and current.
    return this.transactions.forUpdate(manager.getRepository(HouseholdScreening).createQueryBuilder('s').where('s.id = :id', { id: seen.id })).getOneOrFail();
  }

  /** The resident's latest standing online consent, locked so a withdrawal waits for this screening. */
  private async lockOnlineConsent(manager: EntityManager, householdId: string): Promise<ScreeningConsent | null> {
    const latest = await standingOnlineConsent(manager, householdId);
    if (!latest) return null;
    const locked = await this.transactions.forUpdate(manager.getRepository(ScreeningConsent).createQueryBuilder('c').where('c.id = :id', { id: latest.id })).getOneOrFail();
    return locked.withdrawnAt ? null : locked;
  }

  private async hasCarePlanOrScans(manager: EntityManager, householdId: string): Promise<boolean> {
    return (await manager.existsBy(CarePlan, { householdId })) || (await this.scans.any(manager, householdId));
  }

  private async saveScreening(manager: EntityManager, household: Household, current: HouseholdScreening | null, values: Partial<HouseholdScreening>): Promise<HouseholdScreening> {
    if (current) {
      const moved = await manager.update(HouseholdScreening, { id: current.id, version: current.version }, values);
      if (!moved.affected) throw screeningChanged();
      return Object.assign(current, values);
    }
    const row = manager.create(HouseholdScreening, { ...values, householdId: household.id, compoundId: household.compoundId, unitId: household.unitId });
    try {
      await manager.insert(HouseholdScreening, row);
    } catch (error) {
      // Only if a writer skipped the household lock: a lost race, never a second row.
      if (isUniqueViolation(error, { name: 'uq_screening_household', columns: 'household_screening.householdId' })) throw screeningChanged();
      throw error;
    }
    return row;
  }

  private async upsertCarePlan(manager: EntityManager, householdId: string, plan: CarePlanDetails, actor: StaffActor, at: Date): Promise<void> {
    const existing = await manager.findOneBy(CarePlan, { householdId });
    if (existing) {
      await manager.update(CarePlan, { id: existing.id }, { ...plan, updatedAt: at, updatedBy: actor.id });
      return;
    }
    await manager.insert(CarePlan, manager.create(CarePlan, { householdId, ...plan, updatedAt: at, updatedBy: actor.id }));
  }

  /**
   * The full record (needs, note, plan, contact), logged as VIEW_SCREENING before it leaves: also
   * after a PUT, whose answer holds what the caller did not send (the plan, the contact, the consent).
   */
  private async viewLogged(manager: EntityManager, actor: StaffActor, household: Household, screening: HouseholdScreening | null, at: Date): Promise<ScreeningView> {
    const view = await this.view(manager, household, screening);
    await this.accessLog.record(manager, actor, { compoundId: household.compoundId, unitId: household.unitId, householdId: household.id }, SensitiveAccessAction.ViewScreening, at);
    return view;
  }

  private async view(manager: EntityManager, household: Household, screening: HouseholdScreening | null): Promise<ScreeningView> {
    const householdId = household.id;
    const carePlan = await manager.findOneBy(CarePlan, { householdId });
    const online = await standingOnlineConsent(manager, householdId);
    const basedOn = screening?.onlineConsentId ? await manager.findOneBy(ScreeningConsent, { id: screening.onlineConsentId }) : null;
    const staffIds = [screening?.screenedBy, carePlan?.updatedBy].filter((id): id is string => !!id);
    const staff = staffIds.length ? await manager.find(StaffAccount, { select: { id: true, displayName: true }, where: { id: In(staffIds) } }) : [];
    const scanAvailable = screening?.consentKind === 'SCAN' && screening.consentSha256 ? await this.scans.has(manager, householdId, screening.consentSha256) : false;
    return toScreeningView({
      household,
      screening,
      carePlan,
      staffNames: new Map(staff.map((s) => [s.id, s.displayName])),
      scanAvailable,
      onlineConsentTextVersion: basedOn?.textVersion ?? null,
      standingOnlineConsent: online,
    });
  }
}
