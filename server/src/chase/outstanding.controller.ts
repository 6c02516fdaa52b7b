import { Controller, Get, Inject, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { Response } from 'express';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { AppException } from '../common/app.exception.js';
import { uuidParam } from '../common/uuid-param.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { outstandingWorkbook } from './outstanding-workbook.js';
import { OutstandingService } from './outstanding.service.js';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations/:id/outstanding')
@StaffOnly(...rolesFor(StaffAction.ViewChaseList))
export class OutstandingController {
  constructor(
    @Inject(OutstandingService) private readonly outstanding: OutstandingService,
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
  ) {}

  @Get()
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'xlsx'] })
  async list(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('征询事项')) id: string, @Query('format') format: string | undefined, @Res({ passthrough: true }) response: Response) {
    if (format !== undefined && format !== 'json' && format !== 'xlsx') throw new AppException('VALIDATION_FAILED', 'format 只能是 json 或 xlsx');
    const units = await this.outstanding.list(actor, id);
    if (format !== 'xlsx') return units;
    const consultation = await this.consultations.forStaff(actor, id);
    const fileName = encodeURIComponent(`${consultation.title}-待沟通住户.xlsx`);
    response.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('content-disposition', `attachment; filename="outstanding.xlsx"; filename*=UTF-8''${fileName}`);
    return new StreamableFile(await outstandingWorkbook(consultation.title, units));
  }
}
