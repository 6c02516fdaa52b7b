import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BookingRequest } from '@linyi/shared';
import { IsString, IsUUID } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { OptionalField } from '../../common/validation/optional-field.js';

/** PUT /api/households/{householdId}/booking; the phone is checked by the shared `contactPhoneProblem` in the service. */
export class BookingDto implements BookingRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择施工计划' })
  workPlanId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择施工时段' })
  windowId: string;

  @ApiPropertyOptional({ maxLength: 20, example: '13800001111', description: '施工当天联系的电话；不填则用花名册上的电话，填空字符串则改回花名册电话' })
  @OptionalField()
  @CharLength(0, 40, { message: '联系电话应为手机号（如 13800001111）或带区号的固定电话（如 010-64001234）' })
  @IsString({ message: '联系电话必须是文字，如 "13800001111"' })
  contactPhone?: string;
}
