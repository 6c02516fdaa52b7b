import { Controller, Get, Header, Inject, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { Response } from 'express';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { AppException } from '../common/app.exception.js';
import { uuidParam } from '../common/uuid-param.js';
import { CrewListService } from './crew-list.service.js';
import { WorkNoticeService } from './work-notice.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';

/** Where a file name with Chinese in it survives every browser: an ASCII fallback and the UTF-8 name. */
const disposition = (kind: 'attachment' | 'inline', fallback: string, fileName: string) => `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

@ApiTags('works')
@ApiBearerAuth()
@Controller('work-plans')
export class CrewListController {
  constructor(
    @Inject(CrewListService) private readonly crew: CrewListService,
    @Inject(WorkNoticeService) private readonly notices: WorkNoticeService,
  ) {}

  /** Who the crew visits when, the number to ring and the care plan's one line; the unbooked. Each shown line is logged (CREW_LIST). */
  @Get(':id/bookings')
  @StaffOnly(...rolesFor(StaffAction.ViewCrewList))
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'xlsx'] })
  @ApiProduces('application/json', XLSX)
  @Header('Cache-Control', 'no-store')
  async bookings(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('施工计划')) id: string, @Query('format') format: unknown, @Res({ passthrough: true }) response: Response) {
    if (format !== undefined && format !== 'json' && format !== 'xlsx') throw new AppException('VALIDATION_FAILED', 'format 只能是 json 或 xlsx');
    if (format !== 'xlsx') return this.crew.list(actor, id);
    const { fileName, bytes } = await this.crew.workbook(actor, id);
    response.setHeader('content-type', XLSX);
    response.setHeader('content-disposition', disposition('attachment', 'crew-list.xlsx', fileName));
    return new StreamableFile(bytes);
  }

  /** The notice to post in the unit's stairwell, ready to print (a draft plan's says so at the top). */
  @Get(':id/notice.pdf')
  @StaffOnly(...rolesFor(StaffAction.ViewWorks))
  @ApiQuery({ name: 'unitId', required: true, type: String, format: 'uuid' })
  @ApiProduces(PDF)
  async notice(@CurrentActor() actor: StaffActor, @Param('id', uuidParam('施工计划')) id: string, @Query('unitId') unitId: unknown, @Res({ passthrough: true }) response: Response) {
    const { fileName, bytes } = await this.notices.notice(actor, id, typeof unitId === 'string' ? unitId : undefined);
    response.setHeader('content-type', PDF);
    response.setHeader('content-disposition', disposition('inline', 'notice.pdf', fileName));
    return new StreamableFile(bytes);
  }
}
