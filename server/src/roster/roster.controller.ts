import { Controller, Inject, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { AppException } from '../common/app.exception.js';
import { uuidParam } from '../common/uuid-param.js';
import { ROSTER_LIMITS } from './roster-limits.js';
import { RosterUploadCleanup, rosterUploadOptions } from './roster-upload.js';
import { RosterService } from './roster.service.js';

const MAX_FILE_BYTES = ROSTER_LIMITS.uploadBytes;

@ApiTags('places')
@ApiBearerAuth()
@Controller('compounds')
export class RosterController {
  constructor(@Inject(RosterService) private readonly roster: RosterService) {}

  @Post(':compoundId/roster')
  @StaffOnly(...rolesFor(StaffAction.UploadRoster))
  // Bounded multipart: one file, and no room for a flood of junk fields or parts.
  @UseInterceptors(RosterUploadCleanup, FileInterceptor('file', { ...rosterUploadOptions, limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 10, headerPairs: 50 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  upload(
    @CurrentActor() actor: StaffActor,
    @Param('compoundId', uuidParam('小区')) compoundId: string,
    @UploadedFile() file: { originalname: string; path: string } | undefined,
  ) {
    // An empty file is read, and answered "文件是空的".
    if (!file?.path) throw new AppException('VALIDATION_FAILED', '请在表单字段 file 中上传 CSV 或 XLSX 格式的住户名单');
    return this.roster.import(actor, compoundId, file.originalname, file.path);
  }
}
