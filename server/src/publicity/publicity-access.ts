import { Inject, Injectable } from '@nestjs/common';
import { ConsultationStatus } from '@linyi/shared';
import type { EntityManager } from 'typeorm';
import type { ResidentActor, StaffActor } from '../auth/actor.js';
import { notFound } from '../common/app.exception.js';
import { Consultation } from '../consultations/consultation.entity.js';
import { AccessService } from '../places/access.service.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';

/** Who may see a consultation's publicity: staff whose scope covers its compound, residents bound to a flat in it. Anyone else: 404. */
@Injectable()
export class PublicityAccess {
  constructor(@Inject(AccessService) private readonly access: AccessService) {}

  async forStaff(manager: EntityManager, actor: StaffActor, consultationId: string): Promise<Consultation> {
    const consultation = await manager.findOneBy(Consultation, { id: consultationId });
    if (!consultation) throw notFound('征询事项');
    await this.access.compoundForStaff(actor, consultation.compoundId).catch(() => {
      throw notFound('征询事项');
    });
    return consultation;
  }

  /** The consultation (never a draft) and the resident's households in its compound, by label. */
  async forResident(manager: EntityManager, actor: ResidentActor, consultationId: string): Promise<{ consultation: Consultation; households: Household[] }> {
    const consultation = await manager.findOneBy(Consultation, { id: consultationId });
    if (!consultation || consultation.status === ConsultationStatus.Draft) throw notFound('征询事项');
    const households = await residentHouseholds(manager, actor.id, consultation.compoundId);
    if (!households.length) throw notFound('征询事项');
    return { consultation, households };
  }
}

/** The households a resident is bound to, in one compound or in all, by label. */
export async function residentHouseholds(manager: EntityManager, residentId: string, compoundId?: string): Promise<Household[]> {
  const query = manager
    .createQueryBuilder(Household, 'h')
    .innerJoin(HouseholdMember, 'm', 'm.householdId = h.id AND m.residentId = :residentId', { residentId });
  if (compoundId) query.where('h.compoundId = :compoundId', { compoundId });
  const households = await query.getMany();
  return households.sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN', { numeric: true }));
}
