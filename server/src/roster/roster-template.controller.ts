import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { Response } from 'express';
import { StaffOnly } from '../auth/auth.decorators.js';
import { oneOfQuery } from '../common/validation/params.js';
import { ROSTER_TEMPLATE_FORMATS, rosterTemplateCsv, rosterTemplateXlsx, TEMPLATE_CONTENT_TYPE, templateFileName, type RosterTemplateFormat } from './roster-template.js';

@ApiTags('places')
@ApiBearerAuth()
@Controller('roster-template')
export class RosterTemplateController {
  /** The roster template with the header row the importer accepts and one example row (default: xlsx). */
  @Get()
  @StaffOnly(...rolesFor(StaffAction.UploadRoster))
  @ApiQuery({ name: 'format', required: false, enum: ROSTER_TEMPLATE_FORMATS })
  async download(@Query('format', oneOfQuery('format', ROSTER_TEMPLATE_FORMATS)) requested: RosterTemplateFormat | undefined, @Res({ passthrough: true }) response: Response) {
    const format = requested ?? 'xlsx';
    response.setHeader('content-type', TEMPLATE_CONTENT_TYPE[format]);
    response.setHeader('content-disposition', `attachment; filename="roster-template.${format}"; filename*=UTF-8''${encodeURIComponent(templateFileName(format))}`);
    return new StreamableFile(format === 'csv' ? rosterTemplateCsv() : await rosterTemplateXlsx());
  }
}
