import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OBJECTION_DAYS, OBJECTION_TEXT_MAX, RESOLUTION_TEXT_MAX, type ObjectionRequest, type ObjectionResolutionRequest, type PreliminaryResultRequest } from '@linyi/shared';
import { IsBoolean, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { OptionalField } from '../../common/validation/optional-field.js';

const DAYS_MESSAGE = `异议期应为 ${OBJECTION_DAYS.min} 到 ${OBJECTION_DAYS.max} 天的整数`;

/** POST /api/consultations/{id}/preliminary-result */
export class PreliminaryResultDto implements PreliminaryResultRequest {
  @ApiProperty({ minimum: OBJECTION_DAYS.min, maximum: OBJECTION_DAYS.max, example: OBJECTION_DAYS.default, description: 'days the objection window (询异公示期) stays open' })
  @Max(OBJECTION_DAYS.max, { message: DAYS_MESSAGE })
  @Min(OBJECTION_DAYS.min, { message: DAYS_MESSAGE })
  @IsInt({ message: DAYS_MESSAGE })
  objectionDays: number;
}

/** POST /api/consultations/{id}/objections */
export class ObjectionDto implements ObjectionRequest {
  @ApiProperty({ format: 'uuid', description: 'the household whose entry on the board is objected to' })
  @IsUUID('all', { message: '请从公示名单中选择有异议的房屋' })
  householdId: string;

  @ApiProperty({ minLength: 1, maxLength: OBJECTION_TEXT_MAX, example: '我家已经签字同意，公示显示为未表态' })
  @Matches(/\S/, { message: '请写明异议的内容' })
  @CharLength(1, OBJECTION_TEXT_MAX, { message: `异议内容应为 1 到 ${OBJECTION_TEXT_MAX} 个字` })
  @IsString({ message: '异议内容必须是文字' })
  text: string;
}

/** PUT /api/consultations/{id}/objections/{objectionId} */
export class ObjectionResolutionDto implements ObjectionResolutionRequest {
  @ApiProperty({ minLength: 1, maxLength: RESOLUTION_TEXT_MAX, example: '经核对纸质申请书，该户已同意，已更正' })
  @Matches(/\S/, { message: '请写明对异议的答复' })
  @CharLength(1, RESOLUTION_TEXT_MAX, { message: `答复应为 1 到 ${RESOLUTION_TEXT_MAX} 个字` })
  @IsString({ message: '答复必须是文字' })
  resolution: string;

  @ApiPropertyOptional({ description: 'true: the entry was wrong (异议成立); absent or false: it was not (异议不成立)' })
  @OptionalField()
  @IsBoolean({ message: 'upheld 只能是 true（异议成立）或 false（异议不成立）' })
  upheld?: boolean;
}
