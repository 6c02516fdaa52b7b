import { Inject, Injectable } from '@nestjs/common';
import { AcceptanceStatus, type SignOffRequest, type SupervisorSignOffView } from '@linyi/shared';
import { randomUUID } from 'node:crypto';
import type { ResidentActor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { householdChain } from '../audit/household-chain.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { decodeImage, EvidenceStore } from '../evidence/evidence.store.js';
import { Household } from '../places/household.entity.js';
import { signOffEvidenceSha256 } from './acceptance-evidence.js';
import { SIGNATURE_REQUIRED_TEXT } from './acceptance-input.js';
import { AcceptanceRecord } from './acceptance-record.entity.js';
import { AcceptanceSignOff } from './acceptance-sign-off.entity.js';
import { SIGNATURE_MAX_BYTES } from './dto/acceptance-fields.js';
import { HouseholdAcceptance } from './household-acceptance.entity.js';
import { lockHousehold } from './household-lock.js';
import { planOfHousehold } from './household-plan.js';
import { OwnerSupervisorsService } from './owner-supervisors.service.js';

const SIGN_OFF_KEY = { name: 'uq_acceptance_sign_off', columns: 'acceptance_sign_off.acceptanceRecordId, acceptance_sign_off.supervisorHouseholdId' };

export const NOT_SUPERVISOR_TEXT = '只有小区业主监督员可以签字';
const alreadySigned = () => new AppException('ALREADY_SIGNED', '您已经为这户的验收签过字了，签字不能重复或更改');

/**
 * An owner supervisor's own signature on a household's acceptance (seed 002 §五(五)3): under the
 * household's row lock, on the acceptance that stands, once per supervisor household, bound by its
 * evidence hash to that acceptance's own hash, the signer, the signature and the time.
 */
@Injectable()
export class SignOffService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(OwnerSupervisorsService) private readonly supervisors: OwnerSupervisorsService,
    @Inject(EvidenceStore) private readonly evidence: EvidenceStore,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async signOff(actor: ResidentActor, householdId: string, request: Omit<SignOffRequest, 'signaturePng'> & { signaturePng?: string }): Promise<SupervisorSignOffView> {
    const household = await this.transactions.dataSource.manager.findOneBy(Household, { id: householdId });
    if (!household) throw notFound('房屋');
    // Not a supervisor of its compound: as if the household did not exist, so no resident can probe household ids.
    if (!(await this.supervisors.supervisesCompound(actor, household.compoundId))) throw notFound('房屋');
    if (!request.signaturePng) throw new AppException('SIGNATURE_REQUIRED', SIGNATURE_REQUIRED_TEXT);
    const signature = decodeImage(request.signaturePng, '签名', SIGNATURE_MAX_BYTES, false);
    const note = request.note?.trim() || null;
    return this.transactions.run(async (manager) => {
      await lockHousehold(manager, householdId);
      const plan = await planOfHousehold(manager, household, request.workPlanId);
      // Read again under the lock: the committee may have just replaced the supervisors.
      const supervisor = await this.supervisors.supervisesCompound(actor, household.compoundId, manager);
      if (!supervisor) throw new AppException('NOT_SUPERVISOR', NOT_SUPERVISOR_TEXT);
      const state = await manager.findOneBy(HouseholdAcceptance, { workPlanId: plan.id, householdId });
      if (state?.status !== AcceptanceStatus.Accepted || !state.acceptanceRecordId) throw new AppException('NOT_ACCEPTED', '这户还没有验收：居民验收后，监督员才能签字');
      const record = await manager.findOneByOrFail(AcceptanceRecord, { id: state.acceptanceRecordId });
      if (await manager.existsBy(AcceptanceSignOff, { acceptanceRecordId: record.id, supervisorHouseholdId: supervisor.householdId })) throw alreadySigned();
      const signatureSha256 = await this.evidence.put(manager, signature);
      const at = this.clock.stamp();
      const evidenceSha256 = signOffEvidenceSha256({
        acceptanceRecordId: record.id,
        acceptanceEvidenceSha256: record.evidenceSha256,
        supervisorHouseholdId: supervisor.householdId,
        residentId: actor.id,
        signatureSha256,
        note,
        at,
      });
      const id = randomUUID();
      try {
        await manager.insert(AcceptanceSignOff, { id, acceptanceRecordId: record.id, workPlanId: plan.id, householdId, supervisorHouseholdId: supervisor.householdId, supervisorName: supervisor.name, residentId: actor.id, signatureSha256, note, at, evidenceSha256 });
      } catch (error) {
        if (isUniqueViolation(error, SIGN_OFF_KEY)) throw alreadySigned();
        throw error;
      }
      await this.audit.append(manager, {
        chainKey: householdChain(householdId),
        action: 'SUPERVISOR_SIGNED_OFF',
        actor: `resident:${actor.id}`,
        subjectId: householdId,
        payload: { workPlanId: plan.id, acceptanceRecordId: record.id, signOffId: id, supervisorHouseholdId: supervisor.householdId, evidenceSha256 },
        at,
      });
      return { supervisorName: supervisor.name, at: at.toISOString(), evidenceSha256 };
    });
  }
}
