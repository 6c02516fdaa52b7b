import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AnswerChannel, ResidentRole, StaffRole, type SubmitResponseRequest, type SubmitResponseResult } from '@linyi/shared';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService, groupChain } from '../audit/audit.service.js';
import { AppException, forbidden, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import type { Consultation } from '../consultations/consultation.entity.js';
import { answerWindow } from '../consultations/consultation.rules.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { toGroupView } from '../consultations/consultations.mapper.js';
import { GroupStateService } from '../consultations/group-state.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainEventType } from '../events/domain-event.entity.js';
import { recordEvent } from '../events/domain-events.js';
import { decodeImage, EvidenceStore, type EvidenceImage } from '../evidence/evidence.store.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { checkAnswer, evidenceSha256 } from './answer.rules.js';
import { HouseholdResponse } from './household-response.entity.js';
import { ResponseHistory } from './response-history.entity.js';
import { UpgradesService } from './upgrades.service.js';

const SIGNATURE_MAX_BYTES = 512 * 1024;
const PAPER_SCAN_MAX_BYTES = 5 * 1024 * 1024;
const PAPER_CHANNEL_ROLES = [StaffRole.Committee, StaffRole.Street, StaffRole.Admin];

@Injectable()
export class ResponsesService {
  constructor(
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(GroupStateService) private readonly groupState: GroupStateService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EvidenceStore) private readonly evidence: EvidenceStore,
    @Inject(UpgradesService) private readonly upgrades: UpgradesService,
    @Inject(Clock) private readonly clock: Clock,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    @InjectRepository(ConsultationHousehold) private readonly electorate: Repository<ConsultationHousehold>,
  ) {}

  async submit(actor: Actor, consultationId: string, householdId: string, request: SubmitResponseRequest): Promise<SubmitResponseResult> {
    const consultation = await this.consultations.forActor(actor, consultationId);
    const channel = await this.checkWhoAnswers(actor, consultation, householdId, request.channel);
    const voter = await this.electorate.findOneBy({ consultationId, householdId });
    if (!voter) throw notFound('该房屋不在本次征询范围内，或房屋');
    this.checkWindow(consultation);
    checkAnswer(consultation, {
      answer: request.answer,
      optionId: request.optionId,
      acknowledgedDisclosureIds: request.acknowledgedDisclosureIds,
      channel,
      hasSignature: Boolean(request.signaturePng),
      hasPaperScan: Boolean(request.paperScanPng),
      upgradeRequest: request.upgradeRequest,
    });
    const signature = request.signaturePng ? decodeImage(request.signaturePng, '签名', SIGNATURE_MAX_BYTES, false) : null;
    const paperScan = request.paperScanPng ? decodeImage(request.paperScanPng, '纸质申请扫描件', PAPER_SCAN_MAX_BYTES, true) : null;

    return this.transactions.run(async (manager) => {
      const group = await this.groupState.lockGroup(manager, voter.groupId);
      // Re-checked under the lock: an answer that raced the deadline sweep must not slip in.
      this.checkWindow(consultation);
      const existing = await manager.findOneBy(HouseholdResponse, { consultationId, householdId });
      const optionId = request.optionId ?? null;
      const sameAnswer =
        existing &&
        existing.answer === request.answer &&
        existing.optionId === optionId &&
        existing.channel === channel &&
        existing.signatureSha256 === (signature?.sha256 ?? null) &&
        existing.paperScanSha256 === (paperScan?.sha256 ?? null);
      if (sameAnswer) return this.result(manager, existing, group);

      const response = await this.write(manager, actor, consultation, householdId, existing, { ...request, optionId }, channel, signature, paperScan);
      if (request.upgradeRequest) await this.upgrades.request(manager, consultationId, householdId, request.upgradeRequest);
      const at = response.answeredAt;
      await this.audit.append(manager, {
        chainKey: groupChain(group.id),
        action: channel === AnswerChannel.Paper ? 'PAPER_ANSWER_RECORDED' : 'ANSWER_RECORDED',
        actor: `${actor.kind}:${actor.id}`,
        subjectId: householdId,
        payload: { consultationId, answer: response.answer, optionId, version: response.version, evidenceSha256: response.evidenceSha256, signatureSha256: response.signatureSha256, paperScanSha256: response.paperScanSha256 },
        at,
      });
      await recordEvent(manager, DomainEventType.ResponseRecorded, householdId, { consultationId, householdId, answer: response.answer, version: response.version }, at);
      await this.groupState.recount(manager, consultation, group, at);
      return this.result(manager, response, group);
    });
  }

  private async write(
    manager: EntityManager,
    actor: Actor,
    consultation: Consultation,
    householdId: string,
    existing: HouseholdResponse | null,
    request: Omit<SubmitResponseRequest, 'optionId'> & { optionId: string | null },
    channel: AnswerChannel,
    signature: EvidenceImage | null,
    paperScan: EvidenceImage | null,
  ): Promise<HouseholdResponse> {
    if (signature) await this.evidence.put(manager, signature);
    if (paperScan) await this.evidence.put(manager, paperScan);
    const answeredAt = this.clock.stamp();
    const fields = {
      consultationId: consultation.id,
      householdId,
      answer: request.answer,
      optionId: request.optionId,
      version: (existing?.version ?? 0) + 1,
      channel,
      residentId: actor.kind === 'resident' ? actor.id : null,
      staffId: actor.kind === 'staff' ? actor.id : null,
      acknowledgedDisclosureIds: [...new Set(request.acknowledgedDisclosureIds)],
      signatureSha256: signature?.sha256 ?? null,
      paperScanSha256: paperScan?.sha256 ?? null,
      answeredAt,
    };
    const evidence = evidenceSha256({ ...fields, textSha256: consultation.textSha256 });
    await manager.insert(ResponseHistory, manager.create(ResponseHistory, { ...fields, evidenceSha256: evidence }));
    // Any new answer lifts an earlier final refusal: the household changed its mind.
    const response = Object.assign(existing ?? manager.create(HouseholdResponse, {}), fields, { evidenceSha256: evidence, finalRefusalAt: null });
    return manager.save(response);
  }

  private async result(manager: EntityManager, response: HouseholdResponse, group: Parameters<typeof toGroupView>[0]): Promise<SubmitResponseResult> {
    const unpaid = await this.upgrades.unpaidInGroup(manager, response.consultationId, group.id);
    return {
      householdId: response.householdId,
      answer: response.answer,
      optionId: response.optionId,
      version: response.version,
      signatureSha256: response.signatureSha256,
      evidenceSha256: response.evidenceSha256,
      answeredAt: response.answeredAt.toISOString(),
      groupState: group.state,
      group: toGroupView(group, unpaid),
    };
  }

  private checkWindow(consultation: Consultation) {
    const window = answerWindow(consultation, this.clock.now());
    if (window === 'CLOSED') {
      throw new AppException('CONSULTATION_CLOSED', `该征询已于 ${formatDeadline(consultation.deadline)} 截止，不能再提交或修改意见`);
    }
    if (window === 'NOT_OPEN_YET') throw new AppException('CONSULTATION_NOT_OPEN', `该征询将于 ${formatDeadline(consultation.opensAt)} 开始，届时再提交意见`);
    if (window === 'NOT_PUBLISHED') throw new AppException('CONSULTATION_NOT_OPEN', '该征询尚未发布');
  }

  /** Residents answer online for their own households; committee and street staff enter paper answers. */
  private async checkWhoAnswers(actor: Actor, consultation: Consultation, householdId: string, requested?: AnswerChannel): Promise<AnswerChannel> {
    if (actor.kind === 'staff') {
      if (!PAPER_CHANNEL_ROLES.includes(actor.role)) throw forbidden('您的账号角色不能录入住户意见');
      if (requested !== AnswerChannel.Paper) throw new AppException('ANSWER_INVALID', '工作人员只能录入纸质意见（channel: PAPER），并附纸质申请照片');
      return AnswerChannel.Paper;
    }
    if (requested === AnswerChannel.Paper) throw forbidden('纸质意见由社区工作人员录入');
    const member = await this.members.findOneBy({ householdId, residentId: actor.id });
    if (!member) throw notFound('房屋');
    if (consultation.ownersOnly && member.role !== ResidentRole.Owner) throw new AppException('OWNERS_ONLY', '此事项需由业主本人填写，租户不能代为申请');
    return AnswerChannel.Online;
  }
}

function formatDeadline(date: Date): string {
  return date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
