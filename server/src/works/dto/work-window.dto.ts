import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORK_LIMITS, type CreateWorkWindowRequest } from '@linyi/shared';
import { IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsSaneDateTime } from '../../common/validation/date-field.js';
import { OptionalField } from '../../common/validation/optional-field.js';

/** POST /api/work-plans/{id}/windows; the times are checked together by `windowProblem` in the service. */
export class CreateWorkWindowDto implements CreateWorkWindowRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择单元（unitId 格式不正确）' })
  unitId: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-08T08:30:00+08:00' })
  @IsSaneDateTime('开始时间')
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-08T17:30:00+08:00' })
  @IsSaneDateTime('结束时间')
  endsAt: string;

  @ApiProperty({ minimum: 1, maximum: WORK_LIMITS.capacityMax, example: 4, description: 'how many flats the crew can do in this window' })
  @Min(1, { message: `每个时段可安排的户数须为 1 到 ${WORK_LIMITS.capacityMax} 之间的整数` })
  @Max(WORK_LIMITS.capacityMax, { message: `每个时段可安排的户数须为 1 到 ${WORK_LIMITS.capacityMax} 之间的整数` })
  @IsInt({ message: `每个时段可安排的户数须为 1 到 ${WORK_LIMITS.capacityMax} 之间的整数` })
  capacity: number;

  @ApiPropertyOptional({ description: 'held first for households whose care plan asks for a priority window (优先时段)' })
  @OptionalField()
  @IsBoolean({ message: 'priority 必须是 true 或 false' })
  priority?: boolean;
}
