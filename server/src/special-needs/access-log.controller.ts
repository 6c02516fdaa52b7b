import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor, type SensitiveAccessEntry } from '@linyi/shared';
import type { StaffActor } from '../auth/actor.js';
import { CurrentActor, StaffOnly } from '../auth/auth.decorators.js';
import { parseLimit } from '../audit/checkpoint.rules.js';
import { AppException } from '../common/app.exception.js';
import { uuidParam } from '../common/uuid-param.js';
import { AccessService } from '../places/access.service.js';
import { ACCESS_LOG_PAGE, parseCursor, SensitiveAccessLogService } from './sensitive-access-log.service.js';

/** Who read which special-needs record, for the street office (PIPL: access restricted and logged). */
@ApiTags('special-needs')
@ApiBearerAuth()
@Controller('street-offices/:streetOfficeId/sensitive-access-log')
@StaffOnly(...rolesFor(StaffAction.ViewSensitiveAccessLog))
export class SensitiveAccessLogController {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(SensitiveAccessLogService) private readonly log: SensitiveAccessLogService,
  ) {}

  /** An array of entries, newest first (API.md); a page shorter than `limit` is the last one. */
  @Get()
  @ApiQuery({ name: 'before', required: false, description: 'entries older than this one: `<at>_<id>` of the last entry of the previous page, e.g. `2026-12-02T01:30:00.000Z_3f2b…`' })
  @ApiQuery({ name: 'limit', required: false, description: `how many entries, 1…${ACCESS_LOG_PAGE}, default ${ACCESS_LOG_PAGE}` })
  async list(
    @CurrentActor() actor: StaffActor,
    @Param('streetOfficeId', uuidParam('街道')) streetOfficeId: string,
    @Query('before') before?: unknown,
    @Query('limit') limit?: unknown,
  ): Promise<SensitiveAccessEntry[]> {
    await this.access.streetOfficeForStaff(actor, streetOfficeId);
    const cursor = before === undefined ? null : typeof before === 'string' ? parseCursor(before) : null;
    if (before !== undefined && !cursor) throw new AppException('VALIDATION_FAILED', 'before 应为上一页最后一条记录的 时间_编号（如 2026-12-02T01:30:00.000Z_编号）');
    const size = parseLimit(limit, ACCESS_LOG_PAGE, ACCESS_LOG_PAGE);
    if (size === null) throw new AppException('VALIDATION_FAILED', `limit 应为 1 到 ${ACCESS_LOG_PAGE} 之间的整数`);
    return this.log.list(streetOfficeId, cursor, size);
  }
}
