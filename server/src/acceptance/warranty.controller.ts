import { Controller, Get, Inject, Param, Query, Res, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type WarrantyView } from '@linyi/shared';
import type { Response } from 'express';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, ResidentsAndStaff } from '../auth/auth.decorators.js';
import { AppException } from '../common/app.exception.js';
import { uuidParam } from '../common/uuid-param.js';
import { PDF, pdfFile } from '../documents/pdf-response.js';
import { WarrantyService } from './warranty.service.js';

/** `?version=` names an earlier notice: absent is the one in force; anything but a whole number ≥ 1 is the client's mistake. */
const versionQuery: PipeTransform<unknown, number | undefined> = {
  transform(value) {
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) throw new AppException('VALIDATION_FAILED', '告知书版本 version 应为 1、2、3 这样的整数');
    return Number(value);
  },
};

/** The household's 保修事项告知书: the bound resident and staff of the place. */
@ApiTags('acceptance')
@ApiBearerAuth()
@Controller('households')
@ResidentsAndStaff(...rolesFor(StaffAction.ViewWorks))
export class WarrantyController {
  constructor(@Inject(WarrantyService) private readonly warranty: WarrantyService) {}

  @Get(':householdId/warranty')
  @ApiQuery({ name: 'version', required: false, schema: { type: 'integer', minimum: 1 } })
  view(@CurrentActor() actor: Actor, @Param('householdId', uuidParam('房屋')) householdId: string, @Query('version', versionQuery) version: number | undefined): Promise<WarrantyView> {
    return this.warranty.view(actor, householdId, version);
  }

  /** The printable notice; each version stays printable after a repair re-issues it. */
  @Get(':householdId/warranty.pdf')
  @ApiQuery({ name: 'version', required: false, schema: { type: 'integer', minimum: 1 } })
  @ApiProduces(PDF)
  async pdf(@CurrentActor() actor: Actor, @Param('householdId', uuidParam('房屋')) householdId: string, @Query('version', versionQuery) version: number | undefined, @Res({ passthrough: true }) response: Response) {
    return pdfFile(response, await this.warranty.pdf(actor, householdId, version), 'warranty.pdf');
  }
}
