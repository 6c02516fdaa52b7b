import { Body, Controller, Get, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { Response } from 'express';
import type { Actor, StaffActor } from '../auth/actor.js';
import { CurrentActor, ResidentsAndStaff, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { sha256Param } from '../common/validation/params.js';
import { SubmitResponseDto } from './dto/submit-response.dto.js';
import { QuoteUpgradeDto } from './dto/quote-upgrade.dto.js';
import { ResponseHistoryService } from './response-history.service.js';
import { ResponsesService } from './responses.service.js';
import { UpgradesService } from './upgrades.service.js';


@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations/:id')
export class ResponsesController {
  constructor(
    @Inject(ResponsesService) private readonly responses: ResponsesService,
    @Inject(ResponseHistoryService) private readonly history: ResponseHistoryService,
    @Inject(UpgradesService) private readonly upgrades: UpgradesService,
  ) {}

  @Put('responses/:householdId')
  @ResidentsAndStaff(...rolesFor(StaffAction.RecordPaperAnswer))
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('征询事项')) id: string,
    @Param('householdId', uuidParam('房屋')) householdId: string,
    @Body() dto: SubmitResponseDto,
  ) {
    return this.responses.submit(actor, id, householdId, dto);
  }

  @Get('responses/:householdId')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewHouseholdStates))
  answerHistory(@CurrentActor() actor: Actor, @Param('id', uuidParam('征询事项')) id: string, @Param('householdId', uuidParam('房屋')) householdId: string) {
    return this.history.of(actor, id, householdId);
  }

  @Get('responses/:householdId/evidence/:sha256')
  @ResidentsAndStaff(...rolesFor(StaffAction.ViewHouseholdStates))
  async evidence(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('征询事项')) id: string,
    @Param('householdId', uuidParam('房屋')) householdId: string,
    @Param('sha256', sha256Param('签名或扫描件')) sha256: string,
    @Res() response: Response,
  ) {
    const image = await this.history.evidence(actor, id, householdId, sha256);
    response.setHeader('content-type', image.mime);
    response.setHeader('cache-control', 'private, max-age=86400, immutable');
    response.send(image.bytes);
  }

  @Get('upgrades')
  @StaffOnly(...rolesFor(StaffAction.ViewUpgrades))
  listUpgrades(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string) {
    return this.upgrades.list(actor, id);
  }

  @Put('upgrades/:householdId/quote')
  @StaffOnly(...rolesFor(StaffAction.QuoteUpgrade))
  quote(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string, @Param('householdId', uuidParam('房屋')) householdId: string, @Body() dto: QuoteUpgradeDto) {
    return this.upgrades.quote(actor, id, householdId, Math.round(dto.amountYuan * 100));
  }

  @Post('upgrades/:householdId/payment')
  @StaffOnly(...rolesFor(StaffAction.MarkUpgradePaid))
  markPaid(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string, @Param('householdId', uuidParam('房屋')) householdId: string) {
    return this.upgrades.markPaid(actor, id, householdId);
  }
}
