import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { Actor, ResidentActor, StaffActor } from '../auth/actor.js';
import { CurrentActor, ResidentOnly, ResidentsAndStaff, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { uuidQuery } from '../common/validation/params.js';
import { ConsultationGroupsService } from './consultation-groups.service.js';
import { toConsultationView, toGroupView } from './consultations.mapper.js';
import { ConsultationsService } from './consultations.service.js';
import { CreateConsultationDto } from './dto/create-consultation.dto.js';
import { MyConsultationsService } from './my-consultations.service.js';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller()
export class ConsultationsController {
  constructor(
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(MyConsultationsService) private readonly mine: MyConsultationsService,
    @Inject(ConsultationGroupsService) private readonly groupTallies: ConsultationGroupsService,
  ) {}

  @Post('consultations')
  @StaffOnly(...rolesFor(StaffAction.AuthorConsultation))
  async create(@CurrentActor() actor: StaffActor, @Body() dto: CreateConsultationDto) {
    return toConsultationView(await this.consultations.create(actor, dto));
  }

  @Get('consultations')
  @StaffOnly(...rolesFor(StaffAction.ViewProgress))
  async list(@CurrentActor() actor: StaffActor, @Query('compoundId', uuidQuery('compoundId', '小区')) compoundId: string) {
    return (await this.consultations.listForCompound(actor, compoundId)).map(toConsultationView);
  }

  @Post('consultations/:id/publish')
  @HttpCode(200)
  @StaffOnly(...rolesFor(StaffAction.AuthorConsultation))
  async publish(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string) {
    return toConsultationView(await this.consultations.publish(actor, id));
  }

  @Get('consultations/:id')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewProgress))
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam('征询事项')) id: string) {
    return toConsultationView(await this.consultations.forActor(actor, id));
  }

  @Get('consultations/:id/groups')
  @StaffOnly(...rolesFor(StaffAction.ViewProgress))
  async groups(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string) {
    return (await this.groupTallies.withTallies(actor, id)).map((g) => toGroupView(g.group, g.unpaidUpgrades, g.optionVotes));
  }

  @Get('me/consultations')
  @ResidentOnly()
  myConsultations(@CurrentActor() actor: ResidentActor) {
    return this.mine.list(actor);
  }
}
