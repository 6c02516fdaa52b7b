import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AnswerChannel, ResidentRole, StaffRole, type SubmitResponseRequest, type SubmitResponseResult } from '@linyi/shared';
import { Repository } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService, groupChain } from '../audit/audit.service.js';
import { AppException, forbidden, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import type { ConsultationGroup } from '../consultations/consultation-group.entity.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import type { Consultation } from '../consultations/consultation.entity.js';
import { answerWindow } from '../consultations/consultation.rules.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { toGroupView } from '../consultations/consultations.mapper.js';
import { GroupStateService } from '../consultations/group-state.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainEventType } from '../events/domain-event.entity.js';
import { recordEvents } from '../events/domain-events.js';
import { decodeImage, EvidenceStore } from '../evidence/evidence.store.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { checkAnswer, checkOnlineReplacement, checkPaperAllowed, evidenceSha256 } from './answer.rules.js';
import { everAnsweredOnline, readBallot, storeAnswer } from './answer-store.js';
import type { HouseholdResponse } from './household-response.entity.js';
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
    const { consultation, channel, groupId } = await this.admit(actor, consultationId, householdId, request.channel);
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
      // First statement of the transaction, so every read below sees all that committed before the lock.
      const group = await this.groupState.lockGroup(manager, groupId);
      // Re-checked under the lock: an answer that raced the deadline sweep must not slip in.
      this.checkWindow(consultation);
      const chainKey = groupChain(group.id);
      const ballot = await readBallot(manager, consultationId, group.id, householdId, chainKey);
      const existing = ballot.current;
      // Under the lock: a resident answering online at this moment either committed first (and is seen here) or waits for this paper answer.
      if (channel === AnswerChannel.Paper) {
        checkPaperAllowed(channel, { currentChannel: existing?.channel ?? null, everOnline: await everAnsweredOnline(manager, consultationId, householdId) });
      } else if (actor.kind === 'resident') {
        checkOnlineReplacement(existing, actor.id);
      }
      const optionId = request.optionId ?? null;
      const sameAnswer =
        existing &&
        existing.answer === request.answer &&
        existing.optionId === optionId &&
        existing.channel === channel &&
        existing.signatureSha256 === (signature?.sha256 ?? null) &&
        existing.paperScanSha256 === (paperScan?.sha256 ?? null);
      const signer = `${actor.kind}:${actor.id}`;
      if (sameAnswer) {
        // The same answer with a new upgrade description: a new upgrade request, no new answer version.
        const upgradeAudit = request.upgradeRequest ? await this.upgrades.request(manager, consultationId, householdId, request.upgradeRequest, signer, this.clock.stamp(), chainKey) : null;
        if (!upgradeAudit) return this.result(existing, group, ballot.unpaidUpgrades);
        await this.audit.appendAfter(manager, ballot.head, [upgradeAudit]);
        return this.result(existing, group, await this.upgrades.unpaidInGroup(manager, consultationId, group.id));
      }

      // Evidence only after the group lock: two answers storing the same new image then never wait on each other in opposite order.
      if (signature) await this.evidence.put(manager, signature);
      if (paperScan) await this.evidence.put(manager, paperScan);
      const answeredAt = this.clock.stamp();
      const fields = {
        consultationId,
        householdId,
        answer: request.answer,
        optionId,
        version: (existing?.version ?? 0) + 1,
        channel,
        residentId: actor.kind === 'resident' ? actor.id : null,
        staffId: actor.kind === 'staff' ? actor.id : null,
        acknowledgedDisclosureIds: [...new Set(request.acknowledgedDisclosureIds)],
        signatureSha256: signature?.sha256 ?? null,
        paperScanSha256: paperScan?.sha256 ?? null,
        answeredAt,
      };
      const response = { ...fields, evidenceSha256: evidenceSha256({ ...fields, textSha256: consultation.textSha256 }) };
      // Any new answer lifts an earlier final refusal: the household changed its mind.
      await storeAnswer(manager, existing?.id ?? null, response);
      const upgradeAudit = request.upgradeRequest ? await this.upgrades.request(manager, consultationId, householdId, request.upgradeRequest, signer, answeredAt, chainKey) : null;

      // The recount: the group's answers as read under the lock, with the one just written.
      const votes = ballot.votes.map((vote) => (vote.householdId === householdId ? { ...vote, answer: response.answer, optionId, finalRefusal: false } : vote));
      const plan = this.groupState.plan(consultation, group, votes, answeredAt);
      const transition = plan?.transition ?? null;
      await this.audit.appendAfter(manager, ballot.head, [
        {
          chainKey,
          action: channel === AnswerChannel.Paper ? 'PAPER_ANSWER_RECORDED' : 'ANSWER_RECORDED',
          actor: signer,
          subjectId: householdId,
          payload: { consultationId, answer: response.answer, optionId, version: response.version, evidenceSha256: response.evidenceSha256, signatureSha256: response.signatureSha256, paperScanSha256: response.paperScanSha256 },
          at: answeredAt,
        },
        ...(upgradeAudit ? [upgradeAudit] : []),
        ...(transition ? [transition.audit] : []),
      ]);
      await recordEvents(manager, [
        { type: DomainEventType.ResponseRecorded, subjectId: householdId, payload: { consultationId, householdId, answer: response.answer, version: response.version }, occurredAt: answeredAt },
        ...(transition ? [transition.event] : []),
      ]);
      // Last, so the tally shard (shared with other groups) stays locked for as short a time as possible.
      if (plan) await this.groupState.store(manager, consultationId, group, plan);
      // Only a new upgrade request changes the unpaid count this transaction read (it supersedes a quoted one).
      const unpaid = upgradeAudit ? await this.upgrades.unpaidInGroup(manager, consultationId, group.id) : ballot.unpaidUpgrades;
      return this.result(response, group, unpaid);
    });
  }

  /**
   * Who may answer for the household, and in which group it counts. A resident's checks take one
   * query when everything is in order; otherwise (and for staff) they run step by step, so each
   * refusal keeps its own code and message.
   */
  private async admit(actor: Actor, consultationId: string, householdId: string, requested?: AnswerChannel): Promise<{ consultation: Consultation; channel: AnswerChannel; groupId: string }> {
    if (actor.kind === 'resident') {
      const found = await this.consultations.forResidentAnswer(actor, consultationId, householdId);
      if (found) {
        // The resident takes part (their household is in the electorate); then the same checks, in the same order, as below.
        this.checkResidentChannel(requested);
        this.checkResidentRole(found.consultation, found.memberRole);
        return { consultation: found.consultation, channel: AnswerChannel.Online, groupId: found.groupId };
      }
    }
    const consultation = await this.consultations.forActor(actor, consultationId);
    const channel = await this.checkWhoAnswers(actor, consultation, householdId, requested);
    const voter = await this.electorate.findOneBy({ consultationId, householdId });
    if (!voter) throw notFound('该房屋不在本次征询范围内，或房屋');
    return { consultation, channel, groupId: voter.groupId };
  }

  private result(response: Pick<HouseholdResponse, 'householdId' | 'answer' | 'optionId' | 'version' | 'signatureSha256' | 'evidenceSha256' | 'answeredAt'>, group: ConsultationGroup, unpaid: number): SubmitResponseResult {
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
    this.checkResidentChannel(requested);
    const member = await this.members.findOneBy({ householdId, residentId: actor.id });
    if (!member) throw notFound('房屋');
    this.checkResidentRole(consultation, member.role);
    return AnswerChannel.Online;
  }

  private checkResidentChannel(requested?: AnswerChannel) {
    if (requested === AnswerChannel.Paper) throw forbidden('纸质意见由社区工作人员录入');
  }

  private checkResidentRole(consultation: Consultation, role: ResidentRole) {
    if (consultation.ownersOnly && role !== ResidentRole.Owner) throw new AppException('OWNERS_ONLY', '此事项需由业主本人填写，租户不能代为申请');
  }
}

function formatDeadline(date: Date): string {
  return date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
