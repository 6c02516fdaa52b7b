import { Inject, Injectable } from '@nestjs/common';
import { screeningWithdrawal, type MyScreeningView, type ScreeningConsentRequest } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import type { ResidentActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { householdChain } from '../audit/household-chain.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import { Household } from '../places/household.entity.js';
import { CarePlan } from './care-plan.entity.js';
import { HouseholdScreening } from './household-screening.entity.js';
import { toMyScreeningView } from './my-screening.mapper.js';
import { consentTermsOf, type ConsentTerms } from './my-screening.rules.js';
import { ScreeningConsent } from './screening-consent.entity.js';
import { eraseScreening } from './screening-erasure.js';
import { ScreeningScanChunk } from './screening-scan-chunk.entity.js';
import { SensitiveAccessLogService } from './sensitive-access-log.service.js';
import { standingOnlineConsent } from './standing-consent.js';

/**
 * A bound resident's rights over their household's screening (PIPL art. 15, 29, 44–47): see what is
 * recorded and who read it how often, give the separate consent online, withdraw it. Any bound member
 * (owner or tenant) may: the record is about the household they live in. The resident reading their
 * own record is not a staff read, so GET writes nothing.
 */
@Injectable()
export class MyScreeningService {
  /** The words the page shows and a consent is bound to: they state this server's retention. */
  private readonly terms: ConsentTerms;

  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SensitiveAccessLogService) private readonly accessLog: SensitiveAccessLogService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.terms = consentTermsOf(config.screeningRetention);
  }

  async read(resident: ResidentActor, householdId: string): Promise<MyScreeningView> {
    const household = await this.access.householdFor(resident, householdId);
    return this.view(this.transactions.dataSource.manager, household);
  }

  /** Idempotent while a consent of the household stands: a second tap records nothing new. */
  async consent(resident: ResidentActor, householdId: string, input: ScreeningConsentRequest): Promise<MyScreeningView> {
    const household = await this.access.householdFor(resident, householdId);
    if (input.agreed !== true) throw new AppException('VALIDATION_FAILED', '请阅读同意书后点“同意”再提交');
    if (input.textVersion !== this.terms.version) throw new AppException('CONSENT_TEXT_OUTDATED', '同意书内容已更新，请重新阅读后再同意');
    const now = this.clock.stamp();
    return this.transactions.run(async (manager) => {
      await this.lockHousehold(manager, householdId);
      if (!(await standingOnlineConsent(manager, householdId))) {
        const consent = manager.create(ScreeningConsent, { id: randomUUID(), householdId, residentId: resident.id, textVersion: this.terms.version, textSha256: this.terms.sha256, givenAt: now, withdrawnAt: null });
        await manager.insert(ScreeningConsent, consent);
        await this.audit.append(manager, {
          chainKey: householdChain(householdId),
          action: 'SCREENING_CONSENT_GIVEN',
          actor: `resident:${resident.id}`,
          subjectId: householdId,
          payload: { consentId: consent.id, textSha256: consent.textSha256, residentId: resident.id },
          at: now,
        });
      }
      return this.view(manager, household);
    });
  }

  /** Erases a separate-consent record and ends every standing online consent of the household; a statutory-duty record stays. */
  async withdraw(resident: ResidentActor, householdId: string): Promise<MyScreeningView> {
    const household = await this.access.householdFor(resident, householdId);
    const now = this.clock.stamp();
    return this.transactions.run(async (manager) => {
      await this.lockHousehold(manager, householdId);
      // Locked: a staff re-screening waits for this withdrawal instead of racing it.
      const screening = await this.transactions.forUpdate(manager.getRepository(HouseholdScreening).createQueryBuilder('s').where('s.householdId = :householdId', { householdId })).getOne();
      const withdrawal = screeningWithdrawal(screening, (await standingOnlineConsent(manager, householdId)) ? 1 : 0);
      if (withdrawal.kind === 'REFUSED') throw new AppException(withdrawal.code, withdrawal.note);
      const erase = withdrawal.effect === 'ERASE';
      if (erase && !(await eraseScreening(manager, screening!, 'WITHDRAWN', now, resident.id))) {
        throw new AppException('SCREENING_CHANGED', '登记信息刚被工作人员更新，请刷新后再撤回');
      }
      if (withdrawal.withdrawConsents) await manager.update(ScreeningConsent, { householdId, withdrawnAt: IsNull() }, { withdrawnAt: now });
      await this.audit.append(manager, {
        chainKey: householdChain(householdId),
        action: 'SCREENING_CONSENT_WITHDRAWN',
        actor: `resident:${resident.id}`,
        subjectId: householdId,
        payload: { residentId: resident.id, erased: erase, ...(erase ? { screeningId: screening!.id, version: screening!.version + 1 } : {}) },
        at: now,
      });
      return this.view(manager, household);
    });
  }

  /** The first statement of the transaction: consents and withdrawals of one household queue up here. */
  private async lockHousehold(manager: EntityManager, householdId: string): Promise<void> {
    await this.transactions.forUpdate(manager.getRepository(Household).createQueryBuilder('h').select('h.id').where('h.id = :householdId', { householdId })).getOneOrFail();
  }

  private async view(manager: EntityManager, household: Household): Promise<MyScreeningView> {
    const householdId = household.id;
    const screening = await manager.findOneBy(HouseholdScreening, { householdId });
    const onlineConsentId = screening?.onlineConsentId;
    const consentSha256 = screening?.consentKind === 'SCAN' ? screening.consentSha256 : null;
    return toMyScreeningView({
      household,
      screening,
      carePlan: await manager.findOneBy(CarePlan, { householdId }),
      standingConsent: await standingOnlineConsent(manager, householdId),
      evidenceConsent: onlineConsentId ? await manager.findOneBy(ScreeningConsent, { id: onlineConsentId }) : null,
      scanAvailable: consentSha256 ? await manager.existsBy(ScreeningScanChunk, { householdId, sha256: consentSha256 }) : false,
      reads: await this.accessLog.readsOf(manager, householdId),
      terms: this.terms,
    });
  }
}
