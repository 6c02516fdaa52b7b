import { Controller, Get, Inject, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { StaffAction, rolesFor } from '@linyi/shared';
import { StaffOnly } from '../auth/auth.decorators.js';
import { AppException } from '../common/app.exception.js';
import { toCheckpointView, type CheckpointChainsView, type CheckpointView } from './checkpoint.mapper.js';
import { parseLimit, parseSince } from './checkpoint.rules.js';
import { CheckpointService } from './checkpoint.service.js';

const LIST_LIMIT = 100;
const CHAINS_LIMIT = 1000;
const noCheckpoint = () => new AppException('NOT_FOUND', '审计检查点不存在');
const seqParam = new ParseIntPipe({ exceptionFactory: noCheckpoint });

/** Signed audit checkpoints: roots and hashes only, no personal data, so every street office may read them. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@StaffOnly(...rolesFor(StaffAction.ViewAuditCheckpoints))
export class AuditController {
  constructor(@Inject(CheckpointService) private readonly checkpoints: CheckpointService) {}

  @Get('checkpoint')
  async latest(): Promise<CheckpointView> {
    const checkpoint = await this.checkpoints.latest();
    if (!checkpoint) throw new AppException('NOT_FOUND', '尚无审计检查点：系统还没有记录任何审计条目');
    return toCheckpointView(checkpoint, this.checkpoints.publicKeyPem);
  }

  @Get('checkpoints')
  @ApiQuery({ name: 'since', required: false, description: 'ISO 8601 time; checkpoints taken strictly after it, oldest first' })
  @ApiQuery({ name: 'limit', required: false, description: `1…${LIST_LIMIT}, default ${LIST_LIMIT}` })
  async list(@Query('since') since?: unknown, @Query('limit') limit?: unknown): Promise<CheckpointView[]> {
    const from = since === undefined ? null : parseSince(since);
    if (since !== undefined && !from) throw new AppException('VALIDATION_FAILED', 'since 应为 2000 年至 2100 年之间的 ISO 8601 时间，例如 2025-06-01T00:00:00Z');
    const size = parseLimit(limit, LIST_LIMIT, LIST_LIMIT);
    if (size === null) throw new AppException('VALIDATION_FAILED', `limit 应为 1 到 ${LIST_LIMIT} 之间的整数`);
    return (await this.checkpoints.list(from, size)).map((c) => toCheckpointView(c, this.checkpoints.publicKeyPem));
  }

  /** Every chain head a checkpoint covers, paged by chainKey: the list the root was computed over. */
  @Get('checkpoints/:seq/chains')
  @ApiQuery({ name: 'after', required: false, description: 'the `next` of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: `1…${CHAINS_LIMIT}, default ${CHAINS_LIMIT}` })
  async chains(@Param('seq', seqParam) seq: number, @Query('after') after?: unknown, @Query('limit') limit?: unknown): Promise<CheckpointChainsView> {
    if (after !== undefined && (typeof after !== 'string' || after.length > 80)) throw new AppException('VALIDATION_FAILED', 'after 应为上一页返回的 next');
    const size = parseLimit(limit, CHAINS_LIMIT, CHAINS_LIMIT);
    if (size === null) throw new AppException('VALIDATION_FAILED', `limit 应为 1 到 ${CHAINS_LIMIT} 之间的整数`);
    if (!(await this.checkpoints.find(seq))) throw noCheckpoint();
    const items = await this.checkpoints.chainsOf(seq, (after as string | undefined) ?? '', size);
    return { seq, items, next: items.length === size ? items[items.length - 1].chainKey : null };
  }
}
