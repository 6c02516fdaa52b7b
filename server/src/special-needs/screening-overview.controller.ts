import { Controller, Get, Header, Inject, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { Response } from 'express';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/uuid-param.js';
import { ScreeningOverviewService } from './screening-overview.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('special-needs')
@ApiBearerAuth()
@Controller()
export class ScreeningOverviewController {
  constructor(@Inject(ScreeningOverviewService) private readonly overview: ScreeningOverviewService) {}

  /** Counts per unit, no personal details: what the contractor plans its crews with. */
  @Get('compounds/:compoundId/screening')
  @StaffOnly(...rolesFor(StaffAction.ViewScreeningCounts))
  counts(@CurrentActor() actor: StaffActor, @Param('compoundId', uuidParam('小区')) compoundId: string) {
    return this.overview.compoundCounts(actor, compoundId);
  }

  /** A unit's households and where each stands (no need codes or notes); logged as LIST_UNIT. */
  @Get('units/:unitId/screening')
  @StaffOnly(...rolesFor(StaffAction.ScreenHouseholds))
  @Header('Cache-Control', 'no-store')
  unit(@CurrentActor() actor: StaffActor, @Param('unitId', uuidParam('单元')) unitId: string) {
    return this.overview.unitList(actor, unitId);
  }

  /** The compound's screening sheet with the details, for the committee's own use; logged as EXPORT. */
  @Get('compounds/:compoundId/screening/export')
  @StaffOnly(...rolesFor(StaffAction.ExportScreening))
  @ApiProduces(XLSX)
  async export(@CurrentActor() actor: StaffActor, @Param('compoundId', uuidParam('小区')) compoundId: string, @Res({ passthrough: true }) response: Response) {
    const { fileName, bytes } = await this.overview.exportWorkbook(actor, compoundId);
    response.setHeader('content-type', XLSX);
    response.setHeader('content-disposition', `attachment; filename="screening.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    response.setHeader('cache-control', 'no-store');
    return new StreamableFile(bytes);
  }
}
