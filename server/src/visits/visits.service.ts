import { Inject, Injectable } from '@nestjs/common';
import { Answer, VisitOutcome, type HomeVisitView } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { AuditService, groupChain } from '../audit/audit.service.js';
import { AppException, notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { ConsultationHousehold } from '../consultations/consultation-household.entity.js';
import { answerWindow } from '../consultations/consultation.rules.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { GroupStateService } from '../consultations/group-state.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { In } from 'typeorm';
import { AccessService } from '../places/access.service.js';
import { Community } from '../places/community.entity.js';
import { Compound } from '../places/compound.entity.js';
import { RefusalNoticeIssuer } from '../records/refusal-notice-issuer.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { HomeVisit } from './home-visit.entity.js';
import { refusalNoticeText } from './refusal-notice.js';

const toVisitView = (v: HomeVisit, staffName?: string): HomeVisitView => ({
  id: v.id,
  consultationId: v.consultationId,
  householdId: v.householdId,
  outcome: v.outcome,
  note: v.note,
  staffId: v.staffId,
  ...(staffName === undefined ? {} : { staffName }),
  visitedAt: v.visitedAt.toISOString(),
});

@Injectable()
export class VisitsService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(GroupStateService) private readonly groupState: GroupStateService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(RefusalNoticeIssuer) private readonly notices: RefusalNoticeIssuer,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async record(actor: StaffActor, householdId: string, input: { consultationId: string; outcome: VisitOutcome; note: string }): Promise<HomeVisitView> {
    await this.access.householdFor(actor, householdId);
    await this.consultations.forStaff(actor, input.consultationId);
    const voter = await this.voter(input.consultationId, householdId);
    const now = this.clock.stamp();
    return this.transactions.run(async (manager) => {
      // The group lock orders this visit in the group's audit chain with its answers.
      const group = await this.groupState.lockGroup(manager, voter.groupId);
      const visit = await manager.save(manager.create(HomeVisit, { consultationId: input.consultationId, householdId, outcome: input.outcome, note: input.note.trim(), staffId: actor.id, visitedAt: now }));
      await this.audit.append(manager, {
        chainKey: groupChain(group.id),
        action: 'HOME_VISIT_RECORDED',
        actor: `staff:${actor.id}`,
        subjectId: householdId,
        payload: { consultationId: input.consultationId, visitId: visit.id, outcome: visit.outcome, note: visit.note },
        at: now,
      });
      return toVisitView(visit);
    });
  }

  async list(actor: StaffActor, householdId: string, consultationId: string): Promise<HomeVisitView[]> {
    await this.access.householdFor(actor, householdId);
    // Both ids must be in scope: an out-of-scope consultation answers 404, never an empty 200.
    await this.consultations.forStaff(actor, consultationId);
    const manager = this.transactions.dataSource.manager;
    const visits = await manager.find(HomeVisit, { where: { householdId, consultationId }, order: { visitedAt: 'ASC' } });
    const staff = visits.length ? await manager.find(StaffAccount, { select: { id: true, displayName: true }, where: { id: In([...new Set(visits.map((v) => v.staffId))]) } }) : [];
    const names = new Map(staff.map((s) => [s.id, s.displayName]));
    return visits.map((visit) => toVisitView(visit, names.get(visit.staffId) ?? ''));
  }

  /** After the required visits ended in refusal, staff mark it final: the group fails and the written notice is issued (stored, in the household's inbox). */
  async markFinal(actor: StaffActor, consultationId: string, householdId: string): Promise<{ noticeText: string; noticeId: string; groupState: string }> {
    const consultation = await this.consultations.forStaff(actor, consultationId);
    const household = await this.access.householdFor(actor, householdId);
    const voter = await this.voter(consultationId, householdId);
    if (answerWindow(consultation, this.clock.now()) !== 'OPEN') throw new AppException('FINAL_REFUSAL_NOT_ALLOWED', '征询未在进行中，不能认定最终拒绝');
    const now = this.clock.stamp();
    return this.transactions.run(async (manager) => {
      const group = await this.groupState.lockGroup(manager, voter.groupId);
      const response = await manager.findOneBy(HouseholdResponse, { consultationId, householdId });
      if (response?.answer !== Answer.Refuse) throw new AppException('FINAL_REFUSAL_NOT_ALLOWED', '该住户当前意见不是“不同意”，不能认定最终拒绝');
      const refusedVisits = await manager.countBy(HomeVisit, { consultationId, householdId, outcome: VisitOutcome.Refused });
      if (refusedVisits < consultation.visitsBeforeFinal) {
        throw new AppException('FINAL_REFUSAL_NOT_ALLOWED', `需先上门沟通至少 ${consultation.visitsBeforeFinal} 次并记录（目前记录了 ${refusedVisits} 次仍不同意）`);
      }
      if (!response.finalRefusalAt) await manager.update(HouseholdResponse, response.id, { finalRefusalAt: now });
      const compound = await manager.findOneByOrFail(Compound, { id: consultation.compoundId });
      const community = await manager.findOneByOrFail(Community, { id: compound.communityId });
      const text = refusalNoticeText({ compoundName: compound.name, householdLabel: household.label, visits: refusedVisits, communityName: community.name, date: now });
      await this.audit.append(manager, { chainKey: groupChain(group.id), action: 'REFUSAL_MARKED_FINAL', actor: `staff:${actor.id}`, subjectId: householdId, payload: { consultationId, visits: refusedVisits }, at: now });
      await this.groupState.recount(manager, consultation, group, now);
      // Marked final again (e.g. after a change of mind and back), the notice first issued is the one kept.
      const notice = await this.notices.issue(manager, { actor, consultationId, householdId, text, visits: refusedVisits, at: now });
      return { noticeText: notice.text, noticeId: notice.id, groupState: group.state };
    });
  }

  private async voter(consultationId: string, householdId: string) {
    const voter = await this.transactions.dataSource.getRepository(ConsultationHousehold).findOneBy({ consultationId, householdId });
    if (!voter) throw notFound('该房屋不在本次征询范围内，或房屋');
    return voter;
  }
}
