import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { OptionalField } from '../../common/validation/optional-field.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Every field is optional (only those sent change); none may be null, which would erase the setting. */
export class UpdateReminderPolicyDto {
  @ApiPropertyOptional()
  @OptionalField()
  @IsBoolean({ message: 'onOpen 必须是 true 或 false' })
  onOpen?: boolean;

  @ApiPropertyOptional({ type: [Number], example: [3, 1], maxItems: 5 })
  @OptionalField()
  @IsArray({ message: '提前提醒天数必须是列表，如 [3, 1]' })
  @ArrayMaxSize(5, { message: '最多设置 5 个提前提醒日' })
  @IsInt({ each: true, message: '提前提醒天数必须是整数' })
  @Min(1, { each: true, message: '提前提醒天数至少 1 天' })
  @Max(30, { each: true, message: '提前提醒天数最多 30 天' })
  daysBefore?: number[];

  @ApiPropertyOptional()
  @OptionalField()
  @IsBoolean({ message: 'dailyDigest 必须是 true 或 false' })
  dailyDigest?: boolean;

  @ApiPropertyOptional()
  @OptionalField()
  @IsBoolean({ message: 'notifyOnReached 必须是 true 或 false' })
  notifyOnReached?: boolean;

  @ApiPropertyOptional({ example: '21:00' })
  @OptionalField()
  @IsString({ message: '免打扰开始时间格式应为 HH:MM，如 21:00' })
  @Matches(HHMM, { message: '免打扰开始时间格式应为 HH:MM，如 21:00' })
  quietStart?: string;

  @ApiPropertyOptional({ example: '08:00' })
  @OptionalField()
  @IsString({ message: '免打扰结束时间格式应为 HH:MM，如 08:00' })
  @Matches(HHMM, { message: '免打扰结束时间格式应为 HH:MM，如 08:00' })
  quietEnd?: string;
}
