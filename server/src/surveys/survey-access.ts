import { Inject, Injectable } from '@nestjs/common';
import { SurveyStatus } from '@linyi/shared';
import type { EntityManager } from 'typeorm';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { notFound } from '../common/app.exception.js';
import { AccessService } from '../places/access.service.js';
import { Household } from '../places/household.entity.js';
import { HouseholdMember } from '../residents/household-member.entity.js';
import { Survey } from './survey.entity.js';

/** Who may see a survey: staff whose scope covers its compound; residents of the compound once it is published. Anyone else: 404. */
@Injectable()
export class SurveyAccess {
  constructor(@Inject(AccessService) private readonly access: AccessService) {}

  async forStaff(manager: EntityManager, actor: StaffActor, surveyId: string): Promise<Survey> {
    const survey = await manager.findOneBy(Survey, { id: surveyId });
    if (!survey) throw notFound('问卷');
    await this.access.compoundForStaff(actor, survey.compoundId).catch(() => Promise.reject(notFound('问卷')));
    return survey;
  }

  async forReader(manager: EntityManager, actor: Actor, surveyId: string): Promise<Survey> {
    if (actor.kind === 'staff') return this.forStaff(manager, actor, surveyId);
    const survey = await manager.findOneBy(Survey, { id: surveyId });
    if (!survey || survey.status === SurveyStatus.Draft || !(await this.bindsInCompound(manager, actor, survey.compoundId))) throw notFound('问卷');
    return survey;
  }

  /** The household the resident answers for, which must be bound to them and in the survey's compound. */
  async householdForAnswer(actor: ResidentActor, survey: Survey, householdId: string): Promise<Household> {
    const household = await this.access.householdFor(actor, householdId);
    if (household.compoundId !== survey.compoundId) throw notFound('房屋');
    return household;
  }

  compoundForStaff(actor: StaffActor, compoundId: string) {
    return this.access.compoundForStaff(actor, compoundId);
  }

  private async bindsInCompound(manager: EntityManager, actor: ResidentActor, compoundId: string): Promise<boolean> {
    return manager
      .createQueryBuilder(HouseholdMember, 'm')
      .innerJoin(Household, 'h', 'h.id = m.householdId')
      .where('m.residentId = :residentId AND h.compoundId = :compoundId', { residentId: actor.id, compoundId })
      .getExists();
  }
}
