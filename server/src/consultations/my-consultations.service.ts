import { Inject, Injectable } from '@nestjs/common';
import { ConsultationStatus, ResidentRole, type MyConsultation } from '@linyi/shared';
import { In } from 'typeorm';
import type { ResidentActor } from '../auth/actor.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { ConsultationGroup } from './consultation-group.entity.js';
import { ConsultationHousehold } from './consultation-household.entity.js';
import { Consultation } from './consultation.entity.js';
import { toConsultationView, toGroupView } from './consultations.mapper.js';

/** A resident's open consultations: one entry per bound household taking part, with its answer and its group's progress. */
@Injectable()
export class MyConsultationsService {
  constructor(@Inject(TransactionRunner) private readonly transactions: TransactionRunner) {}

  async list(actor: ResidentActor): Promise<MyConsultation[]> {
    const manager = this.transactions.dataSource.manager;
    const memberships = await manager.findBy(HouseholdMember, { residentId: actor.id });
    if (!memberships.length) return [];
    const householdIds = memberships.map((m) => m.householdId);
    const voters = await manager.findBy(ConsultationHousehold, { householdId: In(householdIds) });
    if (!voters.length) return [];
    const consultations = await manager.findBy(Consultation, { id: In([...new Set(voters.map((v) => v.consultationId))]), status: ConsultationStatus.Open });
    const open = new Map(consultations.map((c) => [c.id, c]));
    const relevant = voters.filter((v) => open.has(v.consultationId));
    if (!relevant.length) return [];
    const [groups, responses, households] = await Promise.all([
      manager.findBy(ConsultationGroup, { id: In([...new Set(relevant.map((v) => v.groupId))]) }),
      manager.findBy(HouseholdResponse, { consultationId: In([...open.keys()]), householdId: In(householdIds) }),
      manager.findBy(Household, { id: In(householdIds) }),
    ]);
    return relevant
      .map((voter) => {
        const consultation = open.get(voter.consultationId)!;
        const response = responses.find((r) => r.consultationId === voter.consultationId && r.householdId === voter.householdId);
        const member = memberships.find((m) => m.householdId === voter.householdId)!;
        return {
          consultation: toConsultationView(consultation),
          householdId: voter.householdId,
          householdLabel: households.find((h) => h.id === voter.householdId)?.label ?? '',
          answer: response?.answer ?? null,
          optionId: response?.optionId ?? null,
          answeredAt: response?.answeredAt.toISOString() ?? null,
          evidenceSha256: response?.evidenceSha256 ?? null,
          group: toGroupView(groups.find((g) => g.id === voter.groupId)!),
          canAnswer: !consultation.ownersOnly || member.role === ResidentRole.Owner,
        };
      })
      .sort((a, b) => a.consultation.deadline.localeCompare(b.consultation.deadline));
  }
}
