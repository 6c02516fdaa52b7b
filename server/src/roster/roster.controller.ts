import { Controller, Inject, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { StaffRole } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { AppException } from '../common/app.exception.js';
import { uuidParam } from '../common/uuid-param.js';
import { RosterService } from './roster.service.js';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

@ApiTags('places')
@ApiBearerAuth()
@Controller('compounds')
export class RosterController {
  constructor(@Inject(RosterService) private readonly roster: RosterService) {}

  @Post(':compoundId/roster')
  @StaffOnly(StaffRole.Committee, StaffRole.Street, StaffRole.Admin)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  upload(
    @CurrentActor() actor: StaffActor,
    @Param('compoundId', uuidParam('小区')) compoundId: string,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
  ) {
    if (!file) throw new AppException('VALIDATION_FAILED', '请在表单字段 file 中上传 CSV 或 XLSX 格式的住户名单');
    return this.roster.import(actor, compoundId, file.originalname, file.buffer);
  }
}
