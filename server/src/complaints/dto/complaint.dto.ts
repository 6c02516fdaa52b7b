import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_TEXT_MAX, ComplaintTopic, type ComplaintRequest } from '@linyi/shared';
import { IsEnum, IsString, IsUUID, Matches } from 'class-validator';
import { PHOTO_MAX_CHARS, PhotoField } from '../../acceptance/dto/acceptance-fields.js';
import { CharLength } from '../../common/validation/char-length.js';

/** POST /api/complaints: a bound resident raises something with the committee, for one of their households. */
export class ComplaintDto implements ComplaintRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '请选择房屋（householdId 格式不正确）' })
  householdId: string;

  @ApiProperty({ enum: ComplaintTopic })
  @IsEnum(ComplaintTopic, { message: '请选择类别：WORKS（施工）、PLAN（改造方案）或 OTHER（其他）' })
  topic: ComplaintTopic;

  @ApiProperty({ maxLength: COMPLAINT_TEXT_MAX, example: '3号楼门口的建筑垃圾堆了一周，老人出门不方便' })
  @Matches(/\S/, { message: '请写下您的意见或建议' })
  @CharLength(1, COMPLAINT_TEXT_MAX, { message: `意见内容应为 1 到 ${COMPLAINT_TEXT_MAX} 个字` })
  @IsString({ message: '意见内容必须是文字' })
  text: string;

  @ApiPropertyOptional({ description: 'a photo (PNG or JPEG data URL, at most 2 MB)', maxLength: PHOTO_MAX_CHARS })
  @PhotoField('照片')
  photo?: string;
}
