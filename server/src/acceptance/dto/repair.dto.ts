import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSPECTION_LIMITS, WarrantyPart, type RepairRequest } from '@linyi/shared';
import { IsEnum, IsString, IsUUID, Matches } from 'class-validator';
import { CharLength } from '../../common/validation/char-length.js';
import { OptionalField } from '../../common/validation/optional-field.js';
import { PHOTO_MAX_CHARS, PhotoField } from './acceptance-fields.js';

/** POST /api/households/{householdId}/repairs: the bound resident reports a problem with one part of the notice. */
export class RepairDto implements RepairRequest {
  @ApiProperty({ enum: WarrantyPart })
  @IsEnum(WarrantyPart, { message: '请选择出问题的部位：PIPES（给排水管道）、WATERPROOFING（管根及卫生间防水）、FINISHES（墙地面恢复）或 WINDOWS（外窗）' })
  part: WarrantyPart;

  @ApiProperty({ maxLength: INSPECTION_LIMITS.repairDescription, example: '卫生间立管管根处渗水，楼下天花板有水印' })
  @Matches(/\S/, { message: '请写明哪里出了问题' })
  @CharLength(1, INSPECTION_LIMITS.repairDescription, { message: `问题描述应为 1 到 ${INSPECTION_LIMITS.repairDescription} 个字` })
  @IsString({ message: '问题描述必须是文字' })
  description: string;

  @ApiPropertyOptional({ description: 'a photo of the problem (PNG or JPEG data URL, at most 2 MB)', maxLength: PHOTO_MAX_CHARS })
  @PhotoField('照片')
  photoPng?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'which plan, when two plans of the household cover the same part' })
  @OptionalField()
  @IsUUID('all', { message: '施工计划编号 workPlanId 格式不正确' })
  workPlanId?: string;
}
