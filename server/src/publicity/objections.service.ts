import { Inject, Injectable } from '@nestjs/common';
import { ObjectionStatus, objectionWindowOpen, PublicityStage, type ObjectionRequest, type ObjectionResolutionRequest, type ObjectionView } from '@linyi/shared';
import { createHash } from 'node:crypto';
import type { ResidentActor, StaffActor } from '../auth/actor.js';
import { AuditService, consultationChain } from '../audit/audit.service.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { PublicityAccess } from './publicity-access.js';
import { PublicityObjection } from './publicity-objection.entity.js';
import { lockPublicity } from './publicity-publish.service.js';
import { beijingTime } from './publicity-texts.js';
import { toObjectionView } from './publicity.mapper.js';
import { householdLabels } from './publicity.service.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Objections to entries of the preliminary board (询异): filed by bound residents while the window is open, answered once by the committee. */
@Injectable()
export class ObjectionsService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(PublicityAccess) private readonly access: PublicityAccess,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async file(actor: ResidentActor, consultationId: string, request: ObjectionRequest): Promise<ObjectionView> {
    const { households } = await this.access.forResident(this.transactions.dataSource.manager, actor, consultationId);
    const text = request.text.trim();
    if (!text) throw new AppException('VALIDATION_FAILED', '请写明异议的内容');
    return this.transactions.run(async (manager) => {
      // Under the publicity lock: an objection lands before the final result, or is refused after it.
      const publicity = await lockPublicity(this.transactions, manager, consultationId);
      const at = this.clock.stamp();
      if (!publicity) throw new AppException('PRELIMINARY_NOT_PUBLISHED', '初步统计结果尚未公示，暂不能提出异议');
      if (publicity.stage === PublicityStage.Final) throw new AppException('RESULT_ALREADY_FINAL', '结果已经最终公示，不能再提出异议');
      if (!objectionWindowOpen(publicity, at)) throw new AppException('OBJECTION_WINDOW_CLOSED', `异议期已于${beijingTime(publicity.objectionClosesAt)}结束，不能再提出异议；如有问题请联系社区居委会`);
      if (!(await manager.existsBy(ConsultationHousehold, { consultationId, householdId: request.householdId }))) {
        throw new AppException('VALIDATION_FAILED', '该房屋不在本次公示的名单中，请从公示名单中选择');
      }
      // The filer's own flat: the one objected to if it is theirs, else their first flat in the compound.
      const filedBy = households.find((h) => h.id === request.householdId) ?? households[0];
      const objection = manager.create(PublicityObjection, {
        consultationId,
        householdId: request.householdId,
        filedByResidentId: actor.id,
        filedByHouseholdId: filedBy.id,
        text,
        status: ObjectionStatus.Open,
        upheld: null,
        resolution: null,
        resolvedAt: null,
        resolvedByStaffId: null,
        createdAt: at,
      });
      await manager.save(objection);
      await this.audit.append(manager, {
        chainKey: consultationChain(consultationId),
        action: 'OBJECTION_FILED',
        actor: `resident:${actor.id}`,
        subjectId: objection.id,
        payload: { householdId: objection.householdId, filedByHouseholdId: filedBy.id, textSha256: sha256(text) },
        at,
      });
      return toObjectionView(objection, await householdLabels(manager, [objection.householdId]), { kind: 'resident', residentId: actor.id });
    });
  }

  async answer(actor: StaffActor, consultationId: string, objectionId: string, request: ObjectionResolutionRequest): Promise<ObjectionView> {
    await this.access.forStaff(this.transactions.dataSource.manager, actor, consultationId);
    const resolution = request.resolution.trim();
    if (!resolution) throw new AppException('VALIDATION_FAILED', '请写明对异议的答复');
    return this.transactions.run(async (manager) => {
      const objection = await this.transactions
        .forUpdate(manager.getRepository(PublicityObjection).createQueryBuilder('o').where('o.id = :objectionId AND o.consultationId = :consultationId', { objectionId, consultationId }))
        .getOne();
      if (!objection) throw notFound('异议');
      if (objection.status !== ObjectionStatus.Open) throw new AppException('OBJECTION_ALREADY_ANSWERED', '这条异议已经答复过了，不能重复答复');
      const at = this.clock.stamp();
      Object.assign(objection, { status: ObjectionStatus.Resolved, upheld: request.upheld ?? false, resolution, resolvedAt: at, resolvedByStaffId: actor.id });
      await manager.update(PublicityObjection, { id: objection.id }, { status: objection.status, upheld: objection.upheld, resolution, resolvedAt: at, resolvedByStaffId: actor.id });
      await this.audit.append(manager, {
        chainKey: consultationChain(consultationId),
        action: 'OBJECTION_ANSWERED',
        actor: `staff:${actor.id}`,
        subjectId: objection.id,
        payload: { householdId: objection.householdId, upheld: objection.upheld, resolutionSha256: sha256(resolution) },
        at,
      });
      return toObjectionView(objection, await householdLabels(manager, [objection.householdId, objection.filedByHouseholdId]), { kind: 'staff' });
    });
  }
}
